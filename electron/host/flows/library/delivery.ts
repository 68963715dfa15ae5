/**
 * delivery: how the citizen gets the document: collect it at this hall
 * (its name and window), or by EMS to a recipient (name, phone, address,
 * checked as a form's fields are) for the fee the service sets. The choice
 * is the step's fact, so a later payment step adds the EMS fee item when
 * there is one (`deliveryChoice`). Sent with SUBMIT_FORM: `method` is
 * `hall` or `ems`; the recipient's fields count only for EMS.
 */
import { assign } from 'xstate';
import type { AddressValue, FormValues } from '../../../contract';
import { err, ok } from '../../../../domain/result';
import type { FlowContext } from './context';
import { acceptedValues, declaredOnly, draftKey, draftOf, type FormDraft } from './form/draft';
import type { FormFieldSpec } from './form/fields';
import { REGIONS } from './form/regions';
import { checkForm, problemKey, type FormCheck } from './form/validate';
import { formFields } from './form';
import type { FlowKit } from './kit';
import type { StepDefinition } from './step';

export interface DeliveryOptions {
  id: string;
  labelKey: string;
  titleKey: string;
  /** The EMS fee item (its code in the service's fee rule) and its amount in fen. */
  emsFee: { code: string; amountFen: number };
  /** Where to collect at the hall; default: the hall's name from the config and the service's window. */
  hall?: { name?: string; window?: string };
  /** Recipient values shown first (e.g. the name from the identity). */
  prefill?: (context: FlowContext) => FormValues;
  back?: boolean;
}

/** The step's fact: collect at the hall, or EMS with its fee item and the recipient. */
export type DeliveryChoice =
  | { method: 'hall'; hall: { name: string; window: string } }
  | { method: 'ems'; fee: { code: string; amountFen: number }; recipient: { name: string; phone: string; address: AddressValue } };

/** The recipient's fields (the form's field kinds and checks). */
export const RECIPIENT_FIELDS: readonly FormFieldSpec[] = [
  { id: 'name', type: 'text', input: 'chineseName', maxLength: 20, labelKey: 'flow.delivery.recipient.name' },
  { id: 'phone', type: 'phone', labelKey: 'flow.delivery.recipient.phone' },
  { id: 'address', type: 'address', labelKey: 'flow.delivery.recipient.address' },
];
const RECIPIENT_IDS = RECIPIENT_FIELDS.map((field) => field.id);
const SUBMITTED_IDS = ['method', ...RECIPIENT_IDS];

type SubmitEvent = { type: string; values?: Record<string, unknown> };

function hallOf(options: DeliveryOptions, kit: FlowKit): { name: string; window: string } {
  return { name: options.hall?.name ?? kit.hallName ?? '', window: options.hall?.window ?? kit.window };
}

/** The submission's check: a method, and for EMS every recipient field. */
function checkDelivery(values: Readonly<Record<string, unknown>>, kit: FlowKit): FormCheck {
  const method = values.method;
  if (method === 'hall') return ok({ method });
  if (method !== 'ems') return err({ method: problemKey(method === undefined || method === '' ? 'required' : 'notAnOption') });
  const recipient = checkForm(formFields(RECIPIENT_FIELDS, kit), values, REGIONS);
  return recipient.ok ? ok({ method, ...recipient.value }) : recipient;
}

export function deliveryStep(options: DeliveryOptions): StepDefinition {
  if (!Number.isInteger(options.emsFee.amountFen) || options.emsFee.amountFen < 0) throw new RangeError(`delivery step ${options.id}: the EMS fee is whole fen, not negative`);
  return {
    id: options.id,
    kind: 'delivery',
    labelKey: options.labelKey,
    build: (wiring) => ({
      on: {
        SUBMIT_FORM: [
          {
            guard: ({ event }: { event: SubmitEvent }) => checkDelivery(event.values ?? {}, wiring.kit).ok,
            ...wiring.leave(
              { to: 'next' },
              assign({
                facts: ({ context, event }: { context: FlowContext; event: SubmitEvent }) => {
                  const values = acceptedValues(event.values ?? {}, keptIds(event.values));
                  const choice: DeliveryChoice =
                    values.method === 'ems'
                      ? { method: 'ems', fee: { ...options.emsFee }, recipient: { name: values.name as string, phone: values.phone as string, address: values.address as AddressValue } }
                      : { method: 'hall', hall: hallOf(options, wiring.kit) };
                  return { ...context.facts, [options.id]: choice, [draftKey(options.id)]: { values, errors: {} } satisfies FormDraft };
                },
              }),
            ),
          },
          {
            actions: assign({
              facts: ({ context, event }: { context: FlowContext; event: SubmitEvent }) => {
                const result = checkDelivery(event.values ?? {}, wiring.kit);
                const draft: FormDraft = { values: declaredOnly(event.values ?? {}, SUBMITTED_IDS), errors: result.ok ? {} : result.error };
                return { ...context.facts, [draftKey(options.id)]: draft };
              },
            }),
          },
        ],
        ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
      },
    }),
    view: (context, _child, kit) => {
      const draft = draftOf(context, options.id);
      const values = draft?.values ?? declaredOnly(options.prefill?.(context) ?? {}, RECIPIENT_IDS);
      const method = values.method === 'hall' || values.method === 'ems' ? values.method : null;
      return {
        data: {
          step: 'delivery',
          titleKey: options.titleKey,
          hall: hallOf(options, kit),
          emsFeeFen: options.emsFee.amountFen,
          method,
          fields: formFields(RECIPIENT_FIELDS, kit),
          values: declaredOnly(values, RECIPIENT_IDS),
          errors: draft?.errors ?? {},
        },
      };
    },
  };
}

/** Collecting at the hall keeps no recipient; EMS keeps the method and the recipient's fields. */
function keptIds(values: Readonly<Record<string, unknown>> | undefined): string[] {
  return values?.method === 'ems' ? SUBMITTED_IDS : ['method'];
}

/** How the citizen chose to get the document at step `id`, or null before the step passed. */
export function deliveryChoice(context: FlowContext, id: string): DeliveryChoice | null {
  const value = context.facts[id] as Partial<DeliveryChoice> | undefined;
  return value && (value.method === 'hall' || value.method === 'ems') ? (value as DeliveryChoice) : null;
}
