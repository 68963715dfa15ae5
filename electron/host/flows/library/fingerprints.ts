/**
 * fingerprints: two prints, the first of the right hand, the second of the
 * left, asked for finger by finger (指位, docs/fingerprint-protocol.md §11):
 * 右手拇指 (11) then 左手拇指 (16); a finger that will not read after
 * `maxTriesPerFinger` tries, or that the citizen says is missing or damaged
 * (EXEMPT_FINGER, recorded as `exemptionRequested` for staff to confirm),
 * gives way to the next finger of the same hand (拇指 → 食指 → 中指 → 环指 →
 * 小指). A hand with no finger left sends the citizen to the counter.
 *
 * The host drives the scanner (fingerprint-to-flow.ts) while the view says
 * `capturing`, for the capture numbered `capture`, and reports with
 * FINGERPRINT_PROGRESS / _CAPTURED / _FAILED, which the renderer cannot
 * send: only prints the host captured, of the finger asked for, in the
 * capture asked for, at `minQuality` or better, pass the step. The fact keeps
 * each print's finger, quality and template hash; the templates stay in the
 * session's data.
 *
 * With `compareWithCard`, two good prints are not the end: the step says
 * `comparing` and the host compares them 1:1 with the fingerprint block of
 * the holder's ID card through the back-end (`fingerprint-compare`) and
 * reports FINGERPRINT_COMPARED, which the renderer cannot send either:
 * - match → on; the fact records `match` and the score.
 * - noMatch → `noMatch`, RETRY takes both prints again; after
 *   `maxCompareTries` comparisons the citizen is sent to the counter.
 * - skipped (a typed number, a card read without prints or with an
 *   unreadable print block: nothing to compare with) → on, recorded.
 * - unavailable (the back-end is down) → `onCompareUnavailable`: `continue`
 *   (default: the prints are still taken for the application and staff see
 *   `unavailable` in the fact) or `counter`.
 * The fact holds the outcome and score only, never a template.
 */
import { assign } from 'xstate';
import type { FingerCode } from '../../../contract';
import type { FingerprintEvent } from '../flow-events';
import type { FlowContext } from './context';
import type { StepDefinition } from './step';

/** The order each print's fingers are asked in: the first print from the right hand, the second from the left. */
export const FINGER_ORDER: readonly (readonly FingerCode[])[] = [
  [11, 12, 13, 14, 15],
  [16, 17, 18, 19, 20],
];

export interface FingerprintsOptions {
  id: string;
  labelKey: string;
  /** Lowest quality (0–100) a print must have; default 50. */
  minQuality?: number;
  /** Tries on one finger before the next finger is asked for; default 3. */
  maxTriesPerFinger?: number;
  /** The counter's reason when a hand has no readable finger left. */
  noFingerReasonKey?: string;
  back?: boolean;
  /** Compare the prints 1:1 with the card's (see above). Default false. */
  compareWithCard?: boolean;
  /** Comparisons that may say noMatch before the counter; default 2. */
  maxCompareTries?: number;
  /** What a back-end that cannot compare does: go on (default) or send the citizen to the counter. */
  onCompareUnavailable?: 'continue' | 'counter';
  /** The counter's reason after `maxCompareTries` noMatch answers. */
  noMatchReasonKey?: string;
}

/** What the 1:1 comparison with the card said (no template, ever). */
export type CardComparison =
  | { outcome: 'match' | 'noMatch'; score: number }
  | { outcome: 'skipped'; reason: 'noCard' | 'noCardPrints' | 'cardPrintsUnreadable' }
  | { outcome: 'unavailable' };

export interface FingerPrint {
  finger: FingerCode;
  quality: number;
  templateSha256: string;
}

export type ExemptionReason = 'missing' | 'damaged';

/** The step's fact: its prints and exemptions, and where it stands. */
export interface FingerprintsFact {
  prints: FingerPrint[];
  exemptions: Array<{ finger: FingerCode; reason: ExemptionReason }>;
  /** Set once the citizen said a finger is missing or damaged: the service may require staff to confirm. */
  exemptionRequested: boolean;
  /** Fingers given up on (exempted or unreadable), so never asked again. */
  skipped: FingerCode[];
  state: 'capturing' | 'badQuality' | 'failed' | 'comparing' | 'noMatch';
  capture: number;
  /** The last comparison with the card (compareWithCard), and how many said noMatch. */
  comparison: CardComparison | null;
  noMatches: number;
  tries: number;
  liveQuality: number | null;
  lastQuality: number | null;
  failure: 'timeout' | 'noDevice' | 'deviceError' | null;
}

const REQUIRED = 2;
const COMPARE_OUTCOMES: readonly string[] = ['match', 'noMatch', 'skipped', 'unavailable'];
const SHA256_HEX = /^[0-9a-f]{64}$/;

const initialFact = (): FingerprintsFact => ({ prints: [], exemptions: [], exemptionRequested: false, skipped: [], state: 'capturing', capture: 1, comparison: null, noMatches: 0, tries: 0, liveQuality: null, lastQuality: null, failure: null });

/** The step's fact at step `id` (its initial state before anything happened). */
export function fingerprintsOf(context: FlowContext, id: string): FingerprintsFact {
  return (context.facts[id] as FingerprintsFact | undefined) ?? initialFact();
}

/** The finger to ask for next, or null when the current print's hand has none left. */
export function currentFinger(fact: Pick<FingerprintsFact, 'prints' | 'skipped'>): FingerCode | null {
  const hand = FINGER_ORDER[fact.prints.length];
  return hand?.find((finger) => !fact.skipped.includes(finger)) ?? null;
}

/** A fresh capture of whatever finger comes next. */
const nextCapture = (fact: FingerprintsFact, patch: Partial<FingerprintsFact>): FingerprintsFact => ({ ...fact, ...patch, state: 'capturing', capture: fact.capture + 1, tries: patch.tries ?? 0, liveQuality: null, failure: null });

/** What a captured print does to the fact. */
export function afterPrint(fact: FingerprintsFact, print: FingerPrint, minQuality: number, maxTries: number): FingerprintsFact {
  if (print.quality >= minQuality) return nextCapture(fact, { prints: [...fact.prints, print], lastQuality: print.quality });
  const tries = fact.tries + 1;
  if (tries >= maxTries) return nextCapture(fact, { skipped: [...fact.skipped, print.finger], lastQuality: print.quality });
  return { ...fact, state: 'badQuality', tries, liveQuality: null, lastQuality: print.quality };
}

/** What EXEMPT_FINGER does to the fact. */
export function afterExemption(fact: FingerprintsFact, reason: ExemptionReason): FingerprintsFact {
  const finger = currentFinger(fact);
  if (finger === null) return fact;
  return nextCapture(fact, { skipped: [...fact.skipped, finger], exemptions: [...fact.exemptions, { finger, reason }], exemptionRequested: true, lastQuality: null });
}

type ComparedEvent = Extract<FingerprintEvent, { type: 'FINGERPRINT_COMPARED' }>;
type StepEvent = FingerprintEvent | { type: 'EXEMPT_FINGER'; reason: ExemptionReason } | { type: 'RETRY' };

/** Two good prints under compareWithCard: the host compares them (a new capture number names this comparison). */
const toComparing = (fact: FingerprintsFact): FingerprintsFact => ({ ...fact, state: 'comparing', capture: fact.capture + 1, liveQuality: null, failure: null });

/** What a comparison's answer does to the fact. */
export function afterComparison(fact: FingerprintsFact, event: Pick<ComparedEvent, 'outcome' | 'score' | 'reason'>): FingerprintsFact {
  const comparison: CardComparison =
    event.outcome === 'match' || event.outcome === 'noMatch'
      ? { outcome: event.outcome, score: event.score ?? 0 }
      : event.outcome === 'skipped'
        ? { outcome: 'skipped', reason: event.reason ?? 'noCard' }
        : { outcome: 'unavailable' };
  if (comparison.outcome !== 'noMatch') return { ...fact, comparison };
  return { ...fact, comparison, state: 'noMatch', noMatches: fact.noMatches + 1 };
}
type Args = { context: FlowContext; event: StepEvent };

export function fingerprintsStep(options: FingerprintsOptions): StepDefinition {
  const minQuality = options.minQuality ?? 50;
  const maxTries = options.maxTriesPerFinger ?? 3;
  if (!Number.isInteger(minQuality) || minQuality < 0 || minQuality > 100) throw new RangeError(`fingerprints step ${options.id}: minQuality must be 0–100`);
  if (!Number.isInteger(maxTries) || maxTries < 1 || maxTries > 10) throw new RangeError(`fingerprints step ${options.id}: maxTriesPerFinger must be 1–10`);
  const noFingerReasonKey = options.noFingerReasonKey ?? 'flow.counter.reason.fingerprintsFailed';
  const compareWithCard = options.compareWithCard ?? false;
  const maxCompareTries = options.maxCompareTries ?? 2;
  if (!Number.isInteger(maxCompareTries) || maxCompareTries < 1 || maxCompareTries > 5) throw new RangeError(`fingerprints step ${options.id}: maxCompareTries must be 1–5`);
  const onUnavailable = options.onCompareUnavailable ?? 'continue';
  const noMatchReasonKey = options.noMatchReasonKey ?? 'flow.counter.reason.fingerprintsNoMatch';
  const fact = (context: FlowContext) => fingerprintsOf(context, options.id);
  const setFact = (update: (args: Args) => FingerprintsFact) => assign({ facts: (args: Args) => ({ ...args.context.facts, [options.id]: update(args) }) });

  /** The event is about the capture running now. */
  const ofCapture = ({ context, event }: Args) => fact(context).state === 'capturing' && 'capture' in event && event.capture === fact(context).capture;
  const printOf = (event: StepEvent): FingerPrint => {
    const e = event as Extract<FingerprintEvent, { type: 'FINGERPRINT_CAPTURED' }>;
    return { finger: e.finger, quality: e.quality, templateSha256: e.templateSha256 };
  };
  const validPrint = (args: Args) => {
    const e = args.event as Extract<FingerprintEvent, { type: 'FINGERPRINT_CAPTURED' }>;
    return ofCapture(args) && e.finger === currentFinger(fact(args.context)) && Number.isInteger(e.quality) && e.quality >= 0 && e.quality <= 100 && SHA256_HEX.test(e.templateSha256);
  };
  const printed = setFact(({ context, event }) => afterPrint(fact(context), printOf(event), minQuality, maxTries));
  const exempted = setFact(({ context, event }) => afterExemption(fact(context), (event as { reason: ExemptionReason }).reason));
  const completes = (next: FingerprintsFact) => next.prints.length >= REQUIRED;
  /** The answer is about the comparison running now. */
  const ofComparison = ({ context, event }: Args) => {
    const e = event as ComparedEvent;
    return fact(context).state === 'comparing' && e.capture === fact(context).capture && COMPARE_OUTCOMES.includes(e.outcome);
  };
  /** Where an answer leads; `stay` is noMatch with comparisons left (RETRY takes the prints again). */
  const comparedRoute = ({ context, event }: Args): 'next' | 'unavailableCounter' | 'noMatchCounter' | 'stay' => {
    const outcome = (event as ComparedEvent).outcome;
    switch (outcome) {
      case 'match':
      case 'skipped':
        return 'next';
      case 'unavailable':
        return onUnavailable === 'continue' ? 'next' : 'unavailableCounter';
      case 'noMatch':
        return fact(context).noMatches + 1 >= maxCompareTries ? 'noMatchCounter' : 'stay';
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  };
  const compared = setFact(({ context, event }) => afterComparison(fact(context), event as ComparedEvent));
  const handEmpty = (next: FingerprintsFact) => currentFinger(next) === null;

  return {
    id: options.id,
    kind: 'fingerprints',
    labelKey: options.labelKey,
    build: (wiring) => ({
      on: {
        FINGERPRINT_PROGRESS: {
          guard: ofCapture,
          actions: setFact(({ context, event }) => ({ ...fact(context), liveQuality: (event as { quality: number | null }).quality })),
        },
        FINGERPRINT_CAPTURED: [
          ...(compareWithCard
            ? [{ guard: (args: Args) => validPrint(args) && completes(afterPrint(fact(args.context), printOf(args.event), minQuality, maxTries)), actions: setFact(({ context, event }) => toComparing(afterPrint(fact(context), printOf(event), minQuality, maxTries))) }]
            : [{ guard: (args: Args) => validPrint(args) && completes(afterPrint(fact(args.context), printOf(args.event), minQuality, maxTries)), ...wiring.leave({ to: 'next' }, printed) }]),
          { guard: (args: Args) => validPrint(args) && handEmpty(afterPrint(fact(args.context), printOf(args.event), minQuality, maxTries)), ...wiring.leave({ to: 'counter', reasonKey: noFingerReasonKey }, printed) },
          { guard: validPrint, actions: printed },
        ],
        FINGERPRINT_FAILED: {
          guard: ofCapture,
          actions: setFact(({ context, event }) => ({ ...fact(context), state: 'failed', liveQuality: null, failure: (event as { reason: FingerprintsFact['failure'] }).reason })),
        },
        FINGERPRINT_COMPARED: compareWithCard
          ? [
              { guard: (args: Args) => ofComparison(args) && comparedRoute(args) === 'next', ...wiring.leave({ to: 'next' }, compared) },
              { guard: (args: Args) => ofComparison(args) && comparedRoute(args) === 'unavailableCounter', ...wiring.leave({ to: 'counter', reasonKey: 'flow.counter.reason.fingerprintsUnavailable' }, compared) },
              { guard: (args: Args) => ofComparison(args) && comparedRoute(args) === 'noMatchCounter', ...wiring.leave({ to: 'counter', reasonKey: noMatchReasonKey }, compared) },
              { guard: ofComparison, actions: compared },
            ]
          : [],
        RETRY: [
          // After noMatch: both prints again (fingers given up on stay given up on).
          { guard: ({ context }: Args) => fact(context).state === 'noMatch', actions: setFact(({ context }) => nextCapture(fact(context), { prints: [] })) },
          {
            guard: ({ context }: Args) => fact(context).state !== 'capturing' && fact(context).state !== 'comparing',
            actions: setFact(({ context }) => nextCapture(fact(context), { tries: fact(context).tries })),
          },
        ],
        EXEMPT_FINGER: [
          { guard: ({ context, event }: Args) => currentFinger(fact(context)) !== null && handEmpty(afterExemption(fact(context), (event as { reason: ExemptionReason }).reason)), ...wiring.leave({ to: 'counter', reasonKey: noFingerReasonKey }, exempted) },
          { guard: ({ context }: Args) => currentFinger(fact(context)) !== null, actions: exempted },
        ],
        ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
      },
    }),
    // The accepted prints' templates (and the fingers exempted) go with an application written after this step.
    attachment: (context) => {
      const f = context.facts[options.id] as FingerprintsFact | undefined;
      if (!f) return null;
      return { kind: 'fingerprints', step: options.id, prints: f.prints.map((p) => ({ finger: p.finger, quality: p.quality, sha256: p.templateSha256 })), exemptions: f.exemptions };
    },
    view: (context) => {
      const f = fact(context);
      return {
        data: {
          step: 'fingerprints',
          finger: currentFinger(f),
          state: f.state,
          capture: f.capture,
          liveQuality: f.liveQuality,
          lastQuality: f.lastQuality,
          minQuality,
          tries: f.tries,
          maxTries,
          failure: f.failure,
          captured: f.prints.map((p) => ({ finger: p.finger, quality: p.quality })),
          required: REQUIRED,
          exemptions: f.exemptions,
          ...(compareWithCard ? { compare: { noMatches: f.noMatches, maxTries: maxCompareTries } } : {}),
        },
        ...(f.state === 'badQuality' ? { messageKey: 'flow.fingerprints.badQuality' } : f.state === 'noMatch' ? { messageKey: 'flow.fingerprints.noMatch' } : f.state === 'failed' && f.failure ? { messageKey: `flow.fingerprints.${f.failure}` } : {}),
      };
    },
  };
}
