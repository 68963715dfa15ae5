/**
 * What the citizen may choose, from what earlier steps found: the record's
 * card permits, the permit read from the chip (the record's, or the counter),
 * the back-end's offers by destination, type and term (with their fee
 * items), and where each choice leads.
 */
import { chosen, factOf, permitOnWriter, type ChoiceOption, type FlowContext, type PermitOnWriter, type Route } from '../../flows/library';
import { exitEntryRecordOf } from '../shared/exit-entry/record-step';
import type { ExitEntryRecordAnswer, TravelDocument } from '../shared/exit-entry/travel-documents';
import type { OptionsAnswer } from './backend';
import { endorsementFeeCode, type FeeCode } from './fee-table';
import { key } from './keys';
import type { Offer, RefusalReason } from './offers';

type PermitType = 'hkMacauPermit' | 'taiwanPermit';

/** The record's permits with a chip that may take an endorsement: card-type, valid. */
export function chipPermits(record: ExitEntryRecordAnswer | undefined): TravelDocument[] {
  return (record?.documents ?? []).filter((document) => (document.type === 'hkMacauPermit' || document.type === 'taiwanPermit') && document.form === 'card' && document.status === 'valid');
}

/** Where the record sends the citizen: on when a card-type permit is valid; else the counter, saying why and what to do. */
export function routeRecord(record: ExitEntryRecordAnswer): Route {
  if (chipPermits(record).length > 0) return { to: 'next' };
  const permits = record.documents.filter((document) => document.type === 'hkMacauPermit' || document.type === 'taiwanPermit');
  if (permits.some((document) => document.form === 'booklet' && document.status === 'valid')) return { to: 'counter', reasonKey: key('counter.bookletPermit') };
  if (permits.length > 0) return { to: 'counter', reasonKey: key('counter.permitNotValid') };
  return { to: 'counter', reasonKey: key('counter.noPermit') };
}

/** The permit chosen (or the only one the record holds). */
export function permitTypeOf(context: FlowContext): PermitType | null {
  const value = chosen(context, 'permit');
  if (value === 'hkMacauPermit' || value === 'taiwanPermit') return value;
  const permits = chipPermits(exitEntryRecordOf(context));
  return permits.length === 1 ? (permits[0]!.type as PermitType) : null;
}

/** The record's number of the chosen permit. */
const recordedPermitNumber = (context: FlowContext): string | null => chipPermits(exitEntryRecordOf(context)).find((document) => document.type === permitTypeOf(context))?.number ?? null;

/** A permit read from the chip passes only when it is the one the record holds for this person. */
export function routePermitRead(permit: PermitOnWriter, context: FlowContext): Route {
  const expected = recordedPermitNumber(context);
  if (expected === null || permit.permitNumber !== expected || permit.permitType !== permitTypeOf(context)) return { to: 'counter', reasonKey: key('counter.wrongCard') };
  return { to: 'next' };
}

export const optionsOf = (context: FlowContext) => factOf<OptionsAnswer>(context, 'options');
export const permitRead = (context: FlowContext) => permitOnWriter(context, 'card');

/** Where the back-end's answer leads: the counter for a first endorsement away from home, or when nothing may be had here. */
export function routeOptions(answer: OptionsAnswer): Route {
  if (answer.nonLocalFirstTime) return { to: 'counter', reasonKey: key('counter.nonLocalFirstTime') };
  if (answer.offers.length === 0) return { to: 'counter', reasonKey: key('counter.nothingOffered') };
  return { to: 'next' };
}

type Destination = Offer['destination'];
const DESTINATIONS: readonly Destination[] = ['hongKong', 'macau', 'taiwan'];

/** Where the citizen may go with an endorsement offered (港 / 澳 for the 港澳 permit; 台湾 alone for the other). */
export const destinationsOffered = (answer: OptionsAnswer | undefined): Destination[] => DESTINATIONS.filter((destination) => answer?.offers.some((offer) => offer.destination === destination));

export function destinationOf(context: FlowContext): Destination | null {
  const value = chosen(context, 'destination');
  if (value === 'hongKong' || value === 'macau' || value === 'taiwan') return value;
  const offered = destinationsOffered(optionsOf(context));
  return offered.length === 1 ? offered[0]! : null;
}

/** The family of type letters (their words): 港澳 or 台湾. */
export const familyOf = (destination: Destination | null) => (destination === 'taiwan' ? 'taiwan' : 'hkMacau');

/** The types for the destination: those offered first (they go on), then those refused (they lead to the counter with why). */
export function typeOptions(context: FlowContext): ChoiceOption[] {
  const answer = optionsOf(context);
  const destination = destinationOf(context);
  if (!answer || !destination) return [];
  const family = familyOf(destination);
  const offered = [...new Set(answer.offers.filter((offer) => offer.destination === destination).map((offer) => offer.type))];
  const refused = answer.refusals.filter((refusal) => refusal.destination === destination && !offered.includes(refusal.type));
  return [
    ...offered.map((type) => ({ value: type, labelKey: key(`type.${family}.${type}`), noteKey: key(`type.${family}.${type}Note`) })),
    ...refused.map((refusal) => ({ value: refusal.type, labelKey: key(`type.${family}.${refusal.type}`), noteKey: key(`refusal.${refusal.reason}`) })),
  ];
}

/** A type not offered leads to the counter with the back-end's reason. */
export function routeType(type: string, context: FlowContext): Route {
  const answer = optionsOf(context);
  const destination = destinationOf(context);
  const offered = answer?.offers.some((offer) => offer.destination === destination && offer.type === type) ?? false;
  if (offered) return { to: 'next' };
  const refusal = answer?.refusals.find((candidate) => candidate.destination === destination && candidate.type === type);
  return { to: 'counter', reasonKey: key(`counter.refused.${(refusal?.reason ?? 'needsPapers') satisfies RefusalReason}`) };
}

/** The value of a term option: entries and months, e.g. `twice-12`. */
export const termValue = (offer: Pick<Offer, 'entries' | 'termMonths'>) => `${offer.entries}-${offer.termMonths}`;

/** The offers for the chosen destination and type. */
const typeOffers = (context: FlowContext): Offer[] => {
  const destination = destinationOf(context);
  const type = chosen(context, 'type');
  return optionsOf(context)?.offers.filter((offer) => offer.destination === destination && offer.type === type) ?? [];
};

/** The endorsement chosen: destination, type, entries and term, with its stay. */
export function chosenOffer(context: FlowContext): Offer | null {
  const term = chosen(context, 'term');
  return typeOffers(context).find((offer) => termValue(offer) === term) ?? null;
}

/** The fee item of an offer (every offer the back-end makes is in the table: the issue call checks it too). */
export function offerFeeCode(offer: Offer): FeeCode | null {
  const code = endorsementFeeCode(offer.destination === 'taiwan' ? 'taiwan' : 'hkMacau', offer.entries, offer.termMonths);
  return code.ok ? code.value : null;
}

/** The term options: each offer for the type, its fee beside it; an offer the table cannot price is never shown. */
export function termOptions(context: FlowContext): ChoiceOption[] {
  return typeOffers(context).flatMap((offer) => {
    const code = offerFeeCode(offer);
    return code ? [{ value: termValue(offer), labelKey: key(`term.${offer.entries}${offer.termMonths}`), noteKey: key(`price.${code}`) }] : [];
  });
}

