/**
 * submit (提交申请): the application the payment step held in the outbox is
 * sent to the back-end now, and the step waits (bounded) for its answer.
 * Accepted: the fact holds the back-end's 受理编号 and the order's money is
 * settled `delivered`. Refused for good: the outbox entry is gone, the fee
 * goes back through the payment service (once, by the order) and the citizen
 * sees why and that it was refunded; CONFIRM ends the run (`rejectedRefunded`),
 * or at the counter when the refund failed (staff were alerted). Not through
 * in time: the application stays in the outbox, which delivers it later; the
 * step passes with no 受理编号 yet, and the order is settled when the sender
 * gets it through (the host's payment settlement hears the outbox). Only the
 * host's own actors pass it: no citizen event does.
 * Nothing due at the payment step: no application was held, so this step
 * writes it (the same key) before sending. A free service has no payment
 * step at all (no `payment`): the step writes the application under its own
 * key and sends it; a refusal then goes to the counter with the service's
 * reason (`rejectedReasonKey`), nothing having been paid.
 * The application carries the content of the capture steps before the step
 * that writes it (attachments.ts); a back-end that cannot take that content
 * (`attachmentInvalid`) sends the citizen to the counter after the refund.
 */
import { assign, fromPromise } from 'xstate';
import type { FlowStepData } from '../../../contract';
import { APPLICATION_QUEUED } from '../../payment/ledger';
import type { RefundOutcome } from '../../payment/payment-desk';
import type { SubmissionOutcome } from '../ports';
import type { FlowContext } from './context';
import { heldApplicationKey, paidFee } from './payment';
import { applicationOf, attachmentSteps } from './attachments';
import type { StepDefinition } from './step';

export interface SubmitOptions {
  id: string;
  labelKey: string;
  /** The payment step whose held application this sends; absent for a free service (no payment step). */
  payment?: string;
  /** Free service only: the counter's reason when the back-end refuses the application for good (why, and what to do). */
  rejectedReasonKey?: string;
  /** The application, for a run where nothing was due (so nothing was held); the same function as the payment step's. */
  application: (context: FlowContext) => Record<string, unknown>;
  /** How long the citizen waits for the back-end (default 20 s); after that the outbox carries on alone. */
  waitMs?: number;
  /** Pause between tries within the wait (default 2 s). */
  retryMs?: number;
}

/** The step's fact once passed. */
export interface SubmittedApplication {
  status: 'accepted' | 'queued';
  /** The back-end's 受理编号; null while it is still on its way. */
  receiptNumber: string | null;
  applicationKey: string;
}

type SubmitData = Extract<FlowStepData, { step: 'submit' }>;
type Reason = NonNullable<SubmitData['reason']>;

interface Rejected {
  status: 'rejected';
  reason: Reason;
  refund: NonNullable<SubmitData['refund']>;
  refundedFen: number | null;
}

const REASONS: readonly string[] = ['notEligible', 'incomplete', 'duplicateApplication', 'attachmentInvalid'];
const reasonOf = (code: string): Reason => (REASONS.includes(code) ? (code as Reason) : 'other');

/** The application submitted at step `id`, once passed; null before. */
export function submittedApplication(context: FlowContext, id: string): SubmittedApplication | null {
  const fact = context.facts[id] as Partial<SubmittedApplication> | undefined;
  return fact && (fact.status === 'accepted' || fact.status === 'queued') ? (fact as SubmittedApplication) : null;
}

function rejectionOf(context: FlowContext, id: string): Rejected | null {
  const fact = context.facts[id] as Partial<Rejected> | undefined;
  return fact?.status === 'rejected' ? (fact as Rejected) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function submitStep(options: SubmitOptions): StepDefinition {
  const { id } = options;
  const free = options.payment === undefined;
  if (free && !options.rejectedReasonKey) throw new Error(`submit step ${id}: a free service (no payment step) names its rejectedReasonKey`);
  const paidAt = (context: FlowContext) => (options.payment === undefined ? null : paidFee(context, options.payment));
  const waitMs = options.waitMs ?? 20_000;
  const retryMs = options.retryMs ?? 2000;
  return {
    id,
    kind: 'submit',
    labelKey: options.labelKey,
    mayEnter: (context) => free || paidAt(context) !== null,
    build: (wiring) => {
      const { kit } = wiring;
      const held = kit.heldApplications;
      if (!held) throw new Error(`submit step ${id}: needs the kit's heldApplications`);
      const keyOf = (context: FlowContext) => heldApplicationKey(context, options.payment ?? id);
      const captured = attachmentSteps(wiring);

      /** Sends until the back-end answers or the wait is over. */
      const send = fromPromise<SubmissionOutcome, { context: FlowContext }>(async ({ input }) => {
        const key = keyOf(input.context);
        if (free || paidAt(input.context)?.status === 'nothingDue') {
          held.hold(applicationOf(input.context, kit.serviceId, options.application(input.context), captured, kit.attachments), key, 'nothingDue');
          held.release(key);
        }
        const deadline = Date.now() + waitMs;
        for (;;) {
          const outcome = await held.submitNow(key);
          if (outcome.kind !== 'pending' || Date.now() + retryMs > deadline) return outcome;
          await sleep(retryMs);
        }
      });

      const refund = fromPromise<RefundOutcome | null, { context: FlowContext; reason: string }>(async ({ input }) => {
        const paid = paidAt(input.context);
        if (!paid || paid.status !== 'paid' || !paid.orderNo) return null;
        return kit.payment.refundRejected(input.context.sessionId, paid.orderNo, input.reason);
      });

      const orderOf = (context: FlowContext) => {
        const paid = paidAt(context);
        return paid?.status === 'paid' ? paid.orderNo : null;
      };
      const outputOf = (event: unknown) => (event as { output: SubmissionOutcome }).output;
      const passed = (status: SubmittedApplication['status']) =>
        assign({
          facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
            const outcome = outputOf(event);
            const fact: SubmittedApplication = { status, receiptNumber: outcome.kind === 'accepted' ? outcome.receiptNumber : null, applicationKey: keyOf(context) };
            return { ...context.facts, [id]: fact };
          },
        });

      return {
        initial: 'sending',
        states: {
          sending: {
            invoke: {
              src: send,
              input: ({ context }: { context: FlowContext }) => ({ context }),
              onDone: [
                {
                  guard: ({ event }: { event: unknown }) => outputOf(event).kind === 'accepted',
                  ...wiring.leave({ to: 'next' }, passed('accepted'), ({ context }: { context: FlowContext }) => {
                    const orderNo = orderOf(context);
                    if (orderNo) kit.payment.settled(orderNo, 'delivered', 'application accepted');
                  }),
                },
                {
                  guard: ({ event }: { event: unknown }) => outputOf(event).kind === 'rejected',
                  target: 'refunding',
                  actions: assign({
                    facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
                      const outcome = outputOf(event);
                      const reason = reasonOf(outcome.kind === 'rejected' ? outcome.reason : 'other');
                      return { ...context.facts, [id]: { status: 'rejected', reason, refund: 'nothingPaid', refundedFen: null } satisfies Rejected };
                    },
                  }),
                },
                // Still on its way: the outbox delivers it, the settlement settles the order then.
                wiring.leave({ to: 'next' }, passed('queued'), ({ context }: { context: FlowContext }) => {
                  const orderNo = orderOf(context);
                  if (orderNo) kit.payment.settled(orderNo, 'open', APPLICATION_QUEUED);
                }),
              ],
              onError: wiring.leave({ to: 'failed', reason: 'internal' }),
            },
          },
          refunding: {
            invoke: {
              src: refund,
              input: ({ context }: { context: FlowContext }) => ({ context, reason: rejectionOf(context, id)?.reason ?? 'other' }),
              onDone: {
                target: 'rejected',
                actions: assign({
                  facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
                    const outcome = (event as { output: RefundOutcome | null }).output;
                    const rejected = rejectionOf(context, id)!;
                    const next: Rejected =
                      outcome === null
                        ? rejected
                        : outcome.kind === 'refunded'
                          ? { ...rejected, refund: 'refunded', refundedFen: outcome.amountFen }
                          : { ...rejected, refund: 'notRefunded', refundedFen: null };
                    return { ...context.facts, [id]: next };
                  },
                }),
              },
              onError: { target: 'rejected', actions: assign({ facts: ({ context }: { context: FlowContext }) => ({ ...context.facts, [id]: { ...rejectionOf(context, id)!, refund: 'notRefunded' } }) }) },
            },
          },
          rejected: {
            on: {
              CONFIRM: wiring.leaveBy(({ context }) => {
                // The back-end could not take what was captured (photo, prints, signature, papers): the counter takes them again.
                if (rejectionOf(context, id)?.reason === 'attachmentInvalid') return { to: 'counter', reasonKey: 'flow.submit.attachmentsCounterReason' };
                if (options.rejectedReasonKey && free) return { to: 'counter', reasonKey: options.rejectedReasonKey };
                return rejectionOf(context, id)?.refund === 'notRefunded' ? { to: 'counter', reasonKey: 'flow.submit.counterReason' } : { to: 'done', outcome: 'rejectedRefunded' };
              }),
            },
          },
        },
      };
    },
    view: (context, child) => {
      const rejected = rejectionOf(context, id);
      const showsRejection = child === 'rejected' && rejected !== null;
      const data: SubmitData = {
        step: 'submit',
        state: showsRejection ? 'rejected' : 'sending',
        reason: showsRejection ? rejected.reason : null,
        refund: showsRejection ? rejected.refund : null,
        refundedFen: showsRejection ? rejected.refundedFen : null,
      };
      return { data, ...(showsRejection ? { messageKey: `flow.submit.refund.${rejected.refund}` } : {}) };
    },
  };
}
