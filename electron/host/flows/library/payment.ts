/**
 * payment (缴费): the service's fee items (its fee rule) plus any the run
 * added (a delivery's EMS fee), less the exemption the back-end applied
 * (低保: nothing, hardship: half), shown with the rule; then an order with
 * the payment service whose QR code the citizen scans with 微信, 支付宝 or
 * 云闪付, or whose 付款码 the kiosk's scanner reads (the host's
 * PAYMENT_CODE event). Only the payment service's signed word that the
 * order is paid, for the amount due, passes the step: the step's own watcher
 * asks it and sends PAYMENT_CONFIRMED, which no renderer can send. Cancel
 * (BACK), the order's timeout and the session's end close the order (a
 * payment that beat the close is refunded by the desk). Nothing due: the
 * step passes with no order (after showing the exemption, when one applied).
 * The step's fact (PaidFee): order number, amount, 票据 fields.
 */
import { assign, fromCallback, fromPromise, sendTo, type EventObject } from 'xstate';
import type { FlowStepData } from '../../../contract';
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { PaymentRecord } from '../../payment/payment-desk';
import type { FiscalReceipt, OrderState, PaymentFailure, PaymentItem, PaymentResult } from '../../payment/payment-port';
import type { FeeExemption, FeeItem, FeeRule } from '../../services/service-module';
import type { FlowContext } from './context';
import { applicationOf, attachmentSteps } from './attachments';
import type { StepDefinition } from './step';

/** A fee item to charge: the rule's, or one a step added (its 标准 and wording key may be given). */
export type PaymentFeeItem = FeeItem & { standard?: string; nameKey?: string };

export interface PaymentOptions {
  id: string;
  labelKey: string;
  /** Default `flow.payment.title`. */
  titleKey?: string;
  /** The service's fee rule (ServiceModule.fee). */
  fee: Pick<FeeRule, 'items' | 'exemptions'>;
  /**
   * The codes of the rule's items this run owes (default: every item), e.g.
   * one fee for a renewal and another for a replacement, chosen earlier.
   */
  itemCodes?: (context: FlowContext) => readonly string[];
  /** Items from earlier steps (e.g. a delivery's EMS fee); never exempted. */
  extraItems?: (context: FlowContext) => readonly PaymentFeeItem[];
  /** The code of the exemption (of `fee.exemptions`) the back-end applies to this citizen, from an earlier step's fact. */
  exemption?: (context: FlowContext) => string | null;
  /** Whether the citizen may cancel (BACK: the order is closed, back to the step before); default true. */
  back?: boolean;
  /**
   * The application this fee pays for. Written to the outbox, held, before
   * the order is made, and released the moment the payment is confirmed: a
   * host killed at any point after the payment leaves either a held entry
   * whose order the recovery finds paid, or a released one the sender
   * delivers, once, by its key. An order closed unpaid discards it.
   */
  application?: (context: FlowContext) => Record<string, unknown>;
}

/** The outbox key of the application a payment step's attempt holds. */
export function heldApplicationKey(context: Pick<FlowContext, 'flowId' | 'attempts'>, stepId: string): string {
  return `app-${context.flowId}-${stepId}-${context.attempts[stepId] ?? 0}`;
}

/** The step's fact once passed: what was paid (nothing, when exempt) and the 财政电子票据. */
export interface PaidFee {
  status: 'paid' | 'nothingDue';
  orderNo: string | null;
  amountFen: number;
  exemption: string | null;
  channel: OrderState['channel'];
  paidAt: string | null;
  receipt: Pick<FiscalReceipt, 'billCode' | 'billNumber' | 'checkCode' | 'url'> | null;
}

/** The step's working state while it is not passed. */
interface PaymentProgress {
  status: 'pending';
  order: OrderState | null;
  failure: PaymentFailure['kind'] | null;
  /** A 付款码 is being charged. */
  charging: boolean;
}

type PaymentData = Extract<FlowStepData, { step: 'payment' }>;
interface Due {
  items: Array<PaymentItem & { nameKey: string; fullFen: number }>;
  exemption: FeeExemption | null;
  totalFen: number;
}

type WatcherEvent = EventObject & { order?: OrderState; failure?: PaymentFailure; authCode?: string };

const AUTH_CODE = /^\d{16,24}$/;
const yuan = (fen: number) => `${(fen / 100).toFixed(2).replace(/\.00$/, '')}元`;

/** What is due now: the items after the exemption, and the total. */
export function feeDue(options: PaymentOptions, context: FlowContext, serviceId: string): Due {
  const code = options.exemption?.(context) ?? null;
  const exemption = code === null ? null : (options.fee.exemptions.find((e) => e.code === code) ?? null);
  const item = (fee: PaymentFeeItem, exempted: boolean) => {
    const dueFen = exempted && exemption ? Math.round((fee.amountFen * exemption.payPercent) / 100) : fee.amountFen;
    return {
      code: fee.code,
      name: fee.name['zh-CN'],
      standard: fee.standard ?? yuan(fee.amountFen),
      basis: fee.basis,
      amountFen: dueFen,
      fullFen: fee.amountFen,
      nameKey: fee.nameKey ?? `svc.${serviceId}.fee.${fee.code}`,
    };
  };
  const codes = options.itemCodes?.(context);
  const owed = codes ? options.fee.items.filter((fee) => codes.includes(fee.code)) : options.fee.items;
  const items = [...owed.map((fee) => item(fee, true)), ...(options.extraItems?.(context) ?? []).map((fee) => item(fee, false))];
  return { items, exemption, totalFen: items.reduce((sum, i) => sum + i.amountFen, 0) };
}

/** The fee paid at step `id` (or found not due), once the step passed; null before. */
export function paidFee(context: FlowContext, id: string): PaidFee | null {
  const fact = context.facts[id] as { status?: string } | undefined;
  return fact && (fact.status === 'paid' || fact.status === 'nothingDue') ? (fact as PaidFee) : null;
}

function progressOf(context: FlowContext, id: string): PaymentProgress {
  const fact = context.facts[id] as Partial<PaymentProgress> | undefined;
  return fact?.status === 'pending' ? (fact as PaymentProgress) : { status: 'pending', order: null, failure: null, charging: false };
}

function holderMasked(context: FlowContext): string {
  const identity = context.identity;
  if (!identity) return '*';
  return identity.name ? maskName(identity.name) : maskIdNumber(identity.idNumber);
}

export function paymentStep(options: PaymentOptions): StepDefinition {
  const { id } = options;
  const titleKey = options.titleKey ?? 'flow.payment.title';
  const setProgress = (change: (progress: PaymentProgress, event: WatcherEvent) => Partial<PaymentProgress>) =>
    assign({
      facts: ({ context, event }: { context: FlowContext; event: WatcherEvent }) => {
        const progress = progressOf(context, id);
        return { ...context.facts, [id]: { ...progress, ...change(progress, event) } satisfies PaymentProgress };
      },
    });
  const attemptOf = (context: FlowContext) => context.attempts[id] ?? 0;
  /** The create's idempotency key: one per attempt of this step in this run. */
  const orderKeyOf = (context: FlowContext) => `${context.flowId}-${id}-${attemptOf(context)}`;

  return {
    id,
    kind: 'payment',
    labelKey: options.labelKey,
    build: (wiring) => {
      const { kit } = wiring;
      const desk = kit.payment;
      const held = kit.heldApplications;
      if (options.application && !held) throw new Error(`payment step ${id}: an application to hold needs the kit's heldApplications`);
      const captured = options.application ? attachmentSteps(wiring) : [];
      const applicationKeyOf = (context: FlowContext) => (options.application ? heldApplicationKey(context, id) : null);
      const dueOf = (context: FlowContext) => feeDue(options, context, kit.serviceId);
      const nothingDue = (context: FlowContext): PaidFee => ({
        status: 'nothingDue',
        orderNo: null,
        amountFen: 0,
        exemption: dueOf(context).exemption?.code ?? null,
        channel: null,
        paidAt: null,
        receipt: null,
      });
      const passNothingDue = wiring.leave({ to: 'next' }, assign({ facts: ({ context }: { context: FlowContext }) => ({ ...context.facts, [id]: nothingDue(context) }) }));
      const cancel = (options.back ?? true) && wiring.previous ? { BACK: wiring.back() } : {};

      /**
       * Watches one order until it is paid, closed or out of time, and pays it
       * by 付款码 when told; on stop (cancel, timeout, session end) it hands an
       * order it did not see paid to the desk to close.
       */
      const watcher = fromCallback<WatcherEvent, { sessionId: string; order: OrderState; applicationKey: string | null }>(({ input, sendBack, receive }) => {
        const { orderNo } = input.order;
        let paid = false;
        let stopped = false;
        const settle = (result: PaymentResult<OrderState>): void => {
          if (result.ok) desk.observed(result.value);
          if (stopped || paid || !result.ok) return;
          if (result.value.status === 'paid') {
            paid = true;
            sendBack({ type: 'PAYMENT_CONFIRMED', order: result.value });
          } else if (result.value.status !== 'unpaid') sendBack({ type: 'PAYMENT_EXPIRED' });
        };
        const poll = setInterval(() => void desk.port.queryOrder(orderNo).then(settle), desk.pollMs);
        const untilExpiry = Math.max(0, Date.parse(input.order.expiresAt) - kit.now().getTime());
        const expiry = setTimeout(() => {
          // One last look: a payment made in the last moment still counts.
          void desk.port.queryOrder(orderNo).then((result: PaymentResult<OrderState>) => {
            settle(result);
            if (!stopped && !paid) sendBack({ type: 'PAYMENT_EXPIRED' });
          });
        }, untilExpiry);
        receive((event) => {
          if (event.type !== 'PAYMENT_CODE' || typeof event.authCode !== 'string') return;
          void desk.port.payByCode(orderNo, event.authCode).then((result: PaymentResult<OrderState>) => {
            if (stopped || paid) return;
            if (result.ok) settle(result);
            else sendBack({ type: 'PAYMENT_DECLINED', failure: result.error });
          });
        });
        return () => {
          stopped = true;
          clearInterval(poll);
          clearTimeout(expiry);
          if (!paid)
            void desk.abandon(input.sessionId, orderNo).then((settlement) => {
              // Closed unpaid, or paid at the last moment and refunded: what it paid for is never sent. Still open: the recovery decides.
              if (input.applicationKey && settlement !== 'open') held?.discard(input.applicationKey);
            });
        };
      });

      const createOrder = fromPromise<PaymentResult<OrderState>, { context: FlowContext }>(({ input }) => {
        const due = dueOf(input.context);
        const applicationKey = applicationKeyOf(input.context);
        // Held before the order exists: nothing is paid for that the kiosk has not written down.
        if (applicationKey && options.application) {
          const application = applicationOf(input.context, kit.serviceId, options.application(input.context), captured, kit.attachments);
          held!.hold(application, applicationKey, `payment:${orderKeyOf(input.context)}`);
        }
        return desk.port.createOrder({
          idempotencyKey: orderKeyOf(input.context),
          items: due.items.filter((i) => i.amountFen > 0).map(({ code, name, standard, basis, amountFen }) => ({ code, name, standard, basis, amountFen })),
          holderMasked: holderMasked(input.context),
          expiresInSeconds: desk.orderTimeoutSeconds,
        });
      });

      const fetchReceipt = fromPromise<PaymentResult<FiscalReceipt>, { orderNo: string }>(({ input }) => desk.port.fetchReceipt(input.orderNo));

      /** Only the order this step made, paid in full for what is due. */
      const confirmsOrder = ({ context, event }: { context: FlowContext; event: WatcherEvent }) => {
        const order = progressOf(context, id).order;
        return order !== null && event.order?.orderNo === order.orderNo && event.order.status === 'paid' && event.order.amountFen === dueOf(context).totalFen;
      };

      return {
        initial: 'deciding',
        states: {
          deciding: {
            always: [
              { guard: ({ context }: { context: FlowContext }) => dueOf(context).items.length === 0, ...passNothingDue },
              { guard: ({ context }: { context: FlowContext }) => dueOf(context).totalFen === 0, target: 'exempt' },
              { target: 'creating' },
            ],
          },
          exempt: { on: { CONFIRM: passNothingDue, ...cancel } },
          creating: {
            entry: assign({ attempts: ({ context }: { context: FlowContext }) => ({ ...context.attempts, [id]: attemptOf(context) + 1 }) }),
            invoke: {
              src: createOrder,
              input: ({ context }: { context: FlowContext }) => ({ context }),
              onDone: [
                {
                  guard: ({ event }: { event: { output: PaymentResult<OrderState> } }) => event.output.ok && event.output.value.status === 'unpaid',
                  target: 'order',
                  actions: [
                    setProgress((_p, event) => ({ order: (event as unknown as { output: { value: OrderState } }).output.value, failure: null })),
                    // Into the ledger before the QR code is on screen: a payment can only follow what the kiosk has recorded.
                    ({ context, event }: { context: FlowContext; event: unknown }) =>
                      desk.opened({
                        sessionId: context.sessionId,
                        serviceId: kit.serviceId,
                        orderKey: orderKeyOf(context),
                        state: (event as { output: { value: OrderState } }).output.value,
                        applicationKey: applicationKeyOf(context),
                      }),
                  ],
                },
                {
                  target: 'failed',
                  actions: [
                    setProgress((_p, event) => {
                      const output = (event as unknown as { output: PaymentResult<OrderState> }).output;
                      return { order: null, failure: output.ok ? 'badResponse' : output.error.kind };
                    }),
                    discardHeld,
                  ],
                },
              ],
              onError: wiring.leave({ to: 'failed', reason: 'internal' }, discardHeld),
            },
          },
          order: {
            invoke: {
              id: 'watcher',
              src: watcher,
              input: ({ context }: { context: FlowContext }) => ({ sessionId: context.sessionId, order: progressOf(context, id).order!, applicationKey: applicationKeyOf(context) }),
            },
            initial: 'waiting',
            states: {
              waiting: {
                on: {
                  PAYMENT_CODE: {
                    guard: ({ event }: { event: WatcherEvent }) => AUTH_CODE.test(event.authCode ?? ''),
                    target: 'charging',
                    actions: [sendTo('watcher', ({ event }: { event: WatcherEvent }) => ({ type: 'PAYMENT_CODE', authCode: event.authCode })), setProgress(() => ({ failure: null, charging: true }))],
                  },
                },
              },
              charging: {
                on: { PAYMENT_DECLINED: { target: 'waiting', actions: setProgress((_p, event) => ({ failure: event.failure?.kind ?? 'declined', charging: false })) } },
              },
            },
            on: {
              PAYMENT_CONFIRMED: {
                guard: confirmsOrder,
                target: 'confirming',
                actions: [
                  setProgress((_p, event) => ({ order: event.order! })),
                  // Journaled at once: the session may end while the receipt is fetched, the money is taken now.
                  ({ context, event }: { context: FlowContext; event: WatcherEvent }) => desk.paid(context.sessionId, paymentRecord(context, event.order!, null)),
                  // Paid (the ledger already says so): what it pays for may go now.
                  ({ context }: { context: FlowContext }) => {
                    const key = applicationKeyOf(context);
                    if (key) held?.release(key);
                  },
                ],
              },
              PAYMENT_EXPIRED: { target: 'expired', actions: setProgress(() => ({ failure: null })) },
              ...cancel,
            },
          },
          confirming: {
            invoke: {
              src: fetchReceipt,
              input: ({ context }: { context: FlowContext }) => ({ orderNo: progressOf(context, id).order!.orderNo }),
              // A receipt the fiscal system has not issued yet is not a reason to stop: the order is paid.
              onDone: wiring.leave({ to: 'next' }, recordPaid((event) => (event as { output: PaymentResult<FiscalReceipt> }).output)),
              onError: wiring.leave({ to: 'next' }, recordPaid(() => null)),
            },
          },
          expired: { on: { RETRY: 'creating', CONFIRM: wiring.leave({ to: 'counter', reasonKey: 'flow.counter.reason.paymentFailed' }), ...cancel } },
          failed: {
            on: {
              RETRY: { guard: ({ context }: { context: FlowContext }) => attemptOf(context) < 3, target: 'creating' },
              CONFIRM: wiring.leave({ to: 'counter', reasonKey: 'flow.counter.reason.paymentFailed' }),
              ...cancel,
            },
          },
        },
      };

      /** An order that was never made: the application held for it goes. */
      function discardHeld({ context }: { context: FlowContext }): void {
        const key = applicationKeyOf(context);
        if (key) held?.discard(key);
      }

      /** The fact of a paid order, and its record for the journal. */
      function recordPaid(receiptOf: (event: unknown) => PaymentResult<FiscalReceipt> | null) {
        return assign({
          facts: ({ context, event }: { context: FlowContext; event: unknown }) => {
            const order = progressOf(context, id).order!;
            const due = dueOf(context);
            const answer = receiptOf(event);
            const receipt = answer?.ok ? { billCode: answer.value.billCode, billNumber: answer.value.billNumber, checkCode: answer.value.checkCode, url: answer.value.url } : null;
            const fact: PaidFee = { status: 'paid', orderNo: order.orderNo, amountFen: order.amountFen, exemption: due.exemption?.code ?? null, channel: order.channel, paidAt: order.paidAt, receipt };
            if (receipt) desk.paid(context.sessionId, paymentRecord(context, order, receipt));
            return { ...context.facts, [id]: fact };
          },
        });
      }

      /** What the journal keeps of a paid order: the items as charged, no personal data. */
      function paymentRecord(context: FlowContext, order: OrderState, receipt: PaymentRecord['receipt']): PaymentRecord {
        const due = dueOf(context);
        return {
          orderNo: order.orderNo,
          amountFen: order.amountFen,
          channel: order.channel,
          paidAt: order.paidAt,
          items: due.items.filter((i) => i.amountFen > 0).map(({ code, amountFen, basis }) => ({ code, amountFen, basis })),
          exemption: due.exemption?.code ?? null,
          receipt,
        };
      }
    },
    view: (context, child, kit) => {
      const due = feeDue(options, context, kit.serviceId);
      const progress = progressOf(context, id);
      const state = stateOf(child, context);
      const showsOrder = state === 'waiting' || state === 'charging';
      const data: PaymentData = {
        step: 'payment',
        titleKey,
        state,
        items: due.items.map((i) => ({ nameKey: i.nameKey, standard: i.standard, basis: i.basis, amountFen: i.fullFen, dueFen: i.amountFen })),
        exemption: due.exemption ? { nameKey: `svc.${kit.serviceId}.fee.exemptions.${due.exemption.code}`, basis: due.exemption.basis, payPercent: due.exemption.payPercent } : null,
        totalFen: due.totalFen,
        qrText: showsOrder ? (progress.order?.codeUrl ?? null) : null,
        expiresAt: showsOrder ? (progress.order?.expiresAt ?? null) : null,
        failure: state === 'waiting' || state === 'failed' ? progress.failure : null,
      };
      const messageKey = state === 'expired' ? 'flow.payment.expired' : data.failure ? `flow.payment.failure.${data.failure}` : undefined;
      return { data, ...(messageKey ? { messageKey } : {}) };
    },
  };

  function stateOf(child: string | null, context: FlowContext): PaymentData['state'] {
    switch (child) {
      case 'order':
        return progressOf(context, id).charging ? 'charging' : 'waiting';
      case 'creating':
      case 'deciding':
        return 'creating';
      case 'confirming':
      case 'exempt':
      case 'expired':
      case 'failed':
        return child;
      default:
        return paidFee(context, id) ? 'confirming' : 'creating';
    }
  }
}
