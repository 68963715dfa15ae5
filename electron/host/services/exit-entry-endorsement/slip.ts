/**
 * What the citizen reads about the endorsement: the review before paying
 * and the slip after (masked name, ID and permit numbers; the back-end's
 * 签注编号 and dates; whether the chip took it).
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { DetailRow } from '../../../contract';
import { endorsementWritten, factOf, type FlowContext, type FlowKit } from '../../flows/library';
import { exitEntryRecordOf } from '../shared/exit-entry/record-step';
import type { IssueAnswer } from './backend';
import { chosenOffer, familyOf, offerFeeCode, permitRead } from './choices';
import { feeFen } from './fee-table';
import { key, zhPath } from './keys';

export const issuedOf = (context: FlowContext) => factOf<IssueAnswer>(context, 'issue');

/** A permit number as printed outside the citizen's own screen: the letter and two digits, the last two (C38****02). */
export function maskPermitNumber(number: string): string {
  return number.length <= 5 ? number : `${number.slice(0, 3)}${'*'.repeat(number.length - 5)}${number.slice(-2)}`;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}元`;

/** The slip's lines, as printed (masked name and numbers only) and shown. */
export function receiptLines(context: FlowContext, kit: Pick<FlowKit, 'window'>): Array<{ key: string; label: string; value: string }> {
  const receipt = (label: string) => zhPath(`receipt.${label}`);
  const offer = chosenOffer(context);
  const issued = issuedOf(context);
  const written = endorsementWritten(context, 'write');
  const permit = permitRead(context);
  const name = context.identity?.name ?? exitEntryRecordOf(context)?.name ?? null;
  const code = offer ? offerFeeCode(offer) : null;
  const family = familyOf(offer?.destination ?? null);
  return [
    { key: 'holder', label: receipt('holder'), value: name ? maskName(name) : '' },
    { key: 'idNumber', label: receipt('idNumber'), value: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    { key: 'permitNumber', label: receipt('permitNumber'), value: permit ? maskPermitNumber(permit.permitNumber) : '' },
    { key: 'destination', label: receipt('destination'), value: offer ? zhPath(`destination.${offer.destination}`) : '' },
    { key: 'type', label: receipt('type'), value: offer ? zhPath(`type.${family}.${offer.type}`) : '' },
    { key: 'entries', label: receipt('entries'), value: offer ? zhPath(`term.${offer.entries}${offer.termMonths}`) : '' },
    { key: 'number', label: receipt('number'), value: issued?.number ?? '' },
    { key: 'validity', label: receipt('validity'), value: issued ? `${issued.validFrom} 至 ${issued.validUntil}` : '' },
    { key: 'stay', label: receipt('stay'), value: issued ? `${issued.stayDays}天` : '' },
    { key: 'fee', label: receipt('fee'), value: code ? yuan(feeFen(code)) : '' },
    { key: 'chip', label: receipt('chip'), value: written?.written ? receipt('chipWritten') : receipt('chipNotWritten').replace('{{window}}', kit.window) },
  ];
}

export const receiptRows = (context: FlowContext, kit: FlowKit): DetailRow[] => receiptLines(context, kit).map((line) => ({ labelKey: key(`receipt.${line.key}`), text: line.value }));

/** The review before paying: what will be issued and what it costs. */
export function reviewRows(context: FlowContext): DetailRow[] {
  const offer = chosenOffer(context);
  const permit = permitRead(context);
  const code = offer ? offerFeeCode(offer) : null;
  if (!offer) return [];
  const family = familyOf(offer.destination);
  return [
    { labelKey: key('review.permit'), text: permit ? maskPermitNumber(permit.permitNumber) : '' },
    { labelKey: key('review.destination'), textKey: key(`destination.${offer.destination}`) },
    { labelKey: key('review.type'), textKey: key(`type.${family}.${offer.type}`) },
    { labelKey: key('review.entries'), textKey: key(`term.${offer.entries}${offer.termMonths}`) },
    { labelKey: key('review.stay'), text: String(offer.stayDays) },
    { labelKey: key('review.fee'), text: code ? yuan(feeFen(code)) : '' },
  ];
}

