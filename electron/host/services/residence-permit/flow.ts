/**
 * identify → consent → face check → the back-end says whether the citizen
 * may apply (居住登记 here for half a year, no permit held or applied for,
 * 户籍 elsewhere; else the counter with why and what to do) → the condition
 * they apply on (work, home, study) → which proof they brought → its pages
 * with the document camera → photo (GA 461 by default, or a studio's 回执) → address
 * here and mobile number → review → signature on the 居住证申领登记表 →
 * submission (free: no payment step) → 居住证领证回执 with the 受理编号 as
 * a CODE128 barcode.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import { regionName } from '../../../../domain/region';
import type { DetailRow } from '../../../contract';
import {
  capturedDocuments,
  choiceStep,
  chosen,
  chosenPhoto,
  consentStep,
  documentCaptureStep,
  faceCheckStep,
  factOf,
  formStep,
  formValues,
  identifyStep,
  photoStep,
  queryStep,
  receiptPrintStep,
  reviewStep,
  routeFailure,
  signatureOf,
  signatureStep,
  submitStep,
  submittedApplication,
  type ChoiceOption,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaperSpec,
  type Route,
} from '../../flows/library';
import { REGIONS } from '../../flows/library/form/regions';
import type { GatewayResult } from '../../gateway/police-gateway';
import { permitEligibility, type EligibilityAnswer, type EligibleAnswer } from './backend';
import type { ResidencePermitSettings } from './settings';
import { wording } from './wording';

export const SERVICE_ID = 'residence-permit';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** 居住证暂行条例 art. 2: 合法稳定就业、合法稳定住所、连续就读. */
export const BASES = ['work', 'housing', 'study'] as const;
export type Basis = (typeof BASES)[number];

/** The proofs art. 9 names for each condition, with the pages the camera takes of each. */
export const PROOFS: Readonly<Record<Basis, readonly { value: string; maxPages: number }[]>> = {
  work: [
    { value: 'labourContract', maxPages: 8 },
    { value: 'businessLicence', maxPages: 2 },
    { value: 'employmentCertificate', maxPages: 2 },
  ],
  housing: [
    { value: 'lease', maxPages: 8 },
    { value: 'deed', maxPages: 4 },
    { value: 'purchase', maxPages: 10 },
    { value: 'lodging', maxPages: 2 },
  ],
  study: [
    { value: 'studentCard', maxPages: 2 },
    { value: 'enrolmentCertificate', maxPages: 2 },
  ],
};

const basisOf = (context: FlowContext): Basis | null => {
  const value = chosen(context, 'basis');
  return (BASES as readonly string[]).includes(value ?? '') ? (value as Basis) : null;
};

/** The proofs offered for the condition chosen. */
export function proofsFor(basis: Basis | null): ChoiceOption[] {
  return basis ? PROOFS[basis].map(({ value }) => ({ value, labelKey: key(`proof.${value}`) })) : [];
}

/** The paper the document camera asks for: the proof chosen, one page at least. */
export function papersFor(basis: Basis | null, proof: string | null): PaperSpec[] {
  const spec = basis ? PROOFS[basis].find((candidate) => candidate.value === proof) : undefined;
  // Never shown: the proof step passes only with an offered value. A placeholder keeps the step's shape valid.
  if (!spec) return [{ value: 'proof', labelKey: key('steps.papers'), minPages: 1, maxPages: 1 }];
  return [{ value: spec.value, labelKey: key(`papers.${spec.value}`), minPages: 1, maxPages: spec.maxPages }];
}

/** The eligibility answer when the citizen may apply, else null (the flow never gets past the query then). */
export function eligibleOf(context: FlowContext): EligibleAnswer | null {
  const answer = factOf<EligibilityAnswer>(context, 'eligibility');
  return answer?.status === 'eligible' ? answer : null;
}

/** Where the eligibility answer leads: on when eligible, else the counter with why and what to do instead. */
export function routeEligibility(result: GatewayResult<EligibilityAnswer>): Route | { to: 'retry' } {
  if (!result.ok) return routeFailure(result, key('counter.notFound')) ?? { to: 'retry' };
  const answer = result.value;
  switch (answer.status) {
    case 'eligible':
      return { to: 'next' };
    case 'localResident':
    case 'alreadyHeld':
    case 'notRegistered':
      // The permit number stays off the screen: the reason needs none.
      return { to: 'counter', reasonKey: key(`counter.${answer.status}`) };
    case 'inProgress':
      return { to: 'counter', reasonKey: key('counter.inProgress'), reasonParams: { appliedOn: answer.appliedOn } };
    case 'tooShort':
      return { to: 'counter', reasonKey: key('counter.tooShort'), reasonParams: { registeredSince: answer.registeredSince, applyFrom: answer.applyFrom } };
    default: {
      const unknown: never = answer;
      return unknown;
    }
  }
}

/** The holder's name: the card's, or the back-end's for a typed number. */
const holderName = (context: FlowContext): string | null => context.identity?.name ?? eligibleOf(context)?.name ?? null;

interface Contact {
  address: { province: string; city: string; county: string | null; detail: string };
  phone: string;
}

function contactOf(context: FlowContext): Contact | null {
  const values = formValues(context, 'contact') as Partial<Contact> | null;
  return values?.address && typeof values.phone === 'string' ? { address: values.address, phone: values.phone } : null;
}

const addressText = (contact: Contact | null): string => (contact ? `${regionName(REGIONS, contact.address)}${contact.address.detail}` : '');

/** What the citizen checks before signing: their own screen (name and number masked all the same). */
export function reviewRows(context: FlowContext): DetailRow[] {
  const name = holderName(context);
  const basis = basisOf(context);
  const proof = chosen(context, 'proof');
  const papers = capturedDocuments(context, 'papers')?.papers ?? [];
  const contact = contactOf(context);
  return [
    { labelKey: key('review.name'), text: name ? maskName(name) : '' },
    { labelKey: key('review.idNumber'), text: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    { labelKey: key('review.basis'), textKey: key(`basis.${basis ?? 'work'}`) },
    { labelKey: key('review.proof'), textKey: key(`proof.${proof ?? 'lease'}`) },
    { labelKey: key('review.pages'), text: String(papers.reduce((sum, paper) => sum + paper.pages, 0)) },
    { labelKey: key('review.address'), text: addressText(contact) },
    { labelKey: key('review.phone'), text: contact?.phone ?? '' },
    { labelKey: key('review.fee'), textKey: key('review.free') },
  ];
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): who
 * applies, on which condition, the papers' PDFs and the photo by hash, the
 * address here, the phone, and when they signed.
 */
export function permitApplication(context: FlowContext): Record<string, unknown> {
  const photo = chosenPhoto(context, 'photo');
  const signed = signatureOf(context, 'sign');
  const contact = contactOf(context);
  return {
    kind: 'residencePermit',
    idNumber: context.identity?.idNumber ?? '',
    name: holderName(context) ?? '',
    basis: basisOf(context),
    proof: chosen(context, 'proof'),
    papers: (capturedDocuments(context, 'papers')?.papers ?? []).map(({ value, pages, sha256 }) => ({ value, pages, sha256 })),
    photoSha256: photo?.sha256 ?? null,
    address: contact?.address ?? null,
    phone: contact?.phone ?? null,
    signedAt: signed?.signedAt ?? null,
    signatureSha256: signed?.sha256 ?? null,
  };
}

/** The receipt's lines, as printed (masked name and number) and shown (same values, labels by key). */
export function receiptLines(context: FlowContext, kit: FlowKit): Array<{ key: string; label: string; value: string }> {
  const receipt = zh.receipt!;
  const name = holderName(context);
  const basis = basisOf(context);
  const submitted = submittedApplication(context, 'submit');
  return [
    { key: 'name', label: receipt.name!, value: name ? maskName(name) : '' },
    { key: 'idNumber', label: receipt.idNumber!, value: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    { key: 'acceptanceNumber', label: receipt.acceptanceNumber!, value: submitted?.receiptNumber ?? receipt.pending! },
    { key: 'basis', label: receipt.basis!, value: basis ? zh.basis![basis]! : '' },
    { key: 'issuedBy', label: receipt.issuedBy!, value: eligibleOf(context)?.issuedBy ?? '' },
    { key: 'collectAt', label: receipt.collectAt!, value: [kit.hallName, kit.window].filter(Boolean).join(' ') },
    { key: 'fee', label: receipt.fee!, value: receipt.free! },
  ];
}

export function residencePermitFlow(kit: FlowKit, settings: ResidencePermitSettings): FlowPlan {
  return {
    holderName,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.record'), key('consent.scope.face'), key('consent.scope.papers')] }),
      faceCheckStep(),
      // Who may apply is known before anything is photographed.
      queryStep<EligibilityAnswer>({
        id: 'eligibility',
        labelKey: key('steps.eligibility'),
        titleKey: key('query.eligibility'),
        run: (context) => kit.gateway.call(permitEligibility, { idNumber: context.identity?.idNumber ?? '' }),
        route: routeEligibility,
      }),
      choiceStep({
        id: 'basis',
        labelKey: key('steps.basis'),
        titleKey: key('basis.title'),
        options: BASES.map((basis) => ({ value: basis, labelKey: key(`basis.${basis}`), noteKey: key(`basis.${basis}Note`) })),
      }),
      choiceStep({ id: 'proof', labelKey: key('steps.proof'), titleKey: key('proof.title'), options: (context) => proofsFor(basisOf(context)), back: true }),
      documentCaptureStep({
        id: 'papers',
        labelKey: key('steps.papers'),
        titleKey: key('papers.title'),
        documents: (context) => papersFor(basisOf(context), chosen(context, 'proof')),
        back: true,
      }),
      // The city's photo standard (site setting; the ID card's by default), or a photo studio's 回执 for it.
      photoStep({ id: 'photo', labelKey: key('steps.photo'), titleKey: key('photo.title'), spec: settings.photoSpec, maxTakes: 5, studioReceipt: true }),
      formStep({
        id: 'contact',
        labelKey: key('steps.contact'),
        titleKey: key('contact.title'),
        fields: [
          { id: 'address', type: 'address', labelKey: key('contact.address'), detailMaxLength: 60 },
          { id: 'phone', type: 'phone', labelKey: key('contact.phone') },
        ],
      }),
      reviewStep({ labelKey: key('steps.review'), titleKey: key('review.title'), rows: reviewRows, noteKeys: () => [key('review.notes.check')] }),
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: key('sign.title'), documentKey: key('sign.document'), back: true }),
      // 首次申领 is free (art. 21): no payment step; the application goes under the submit step's own key.
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', application: permitApplication, rejectedReasonKey: key('counter.rejected') }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: key('steps.receipt'),
        titleKey: key('receipt.title'),
        outcome: 'applied',
        rows: (context) => receiptLines(context, kit).map((line) => ({ labelKey: key(`receipt.${line.key}`), text: line.value })),
        slip: (context) => {
          const submitted = submittedApplication(context, 'submit');
          return {
            sessionId: context.sessionId,
            title: zh.receipt!.title!,
            lines: receiptLines(context, kit).map(({ label, value }) => ({ label, value })),
            ...(submitted?.receiptNumber ? { codeFormat: 'code128' as const, code: submitted.receiptNumber } : {}),
            notes: [zh.receipt!.noteBring!, zh.receipt!.noteEndorse!],
          };
        },
      }),
    ],
  };
}
