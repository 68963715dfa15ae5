/**
 * form: fields the service declares (text, choice, date, phone, address),
 * pre-filled from what the run knows where the service says so (a name
 * from the identity). The citizen sends all values at once (SUBMIT_FORM);
 * the host checks each against the declaration (form/validate.ts) and
 * either passes the step, the values becoming its fact, or stays with an
 * error key per field. The values are personal data: they live in the
 * run's context, are shown back to the citizen, and are never logged.
 */
import { assign } from 'xstate';
import { zonedIsoDate } from '../../../../domain/calendar-date';
import type { FormField, FormValues } from '../../../contract';
import type { FlowContext } from './context';
import { acceptedValues, declaredOnly, draftKey, draftOf, type FormDraft } from './form/draft';
import { checkFieldSpecs, resolveField, type FormFieldSpec } from './form/fields';
import { REGIONS } from './form/regions';
import { checkForm } from './form/validate';
import type { FlowKit } from './kit';
import type { StepDefinition } from './step';

export interface FormOptions {
  id: string;
  labelKey: string;
  titleKey: string;
  fields: readonly FormFieldSpec[];
  /** Values shown before the citizen types anything (e.g. the name from the identity); checked like any other on submission. */
  prefill?: (context: FlowContext) => FormValues;
  /** Whether the citizen may go back to the step before. */
  back?: boolean;
}

type SubmitEvent = { type: string; values?: Record<string, unknown> };

/** The fields with date bounds resolved against the hall's today. */
export function formFields(specs: readonly FormFieldSpec[], kit: FlowKit): FormField[] {
  const today = zonedIsoDate(kit.now(), kit.timeZone);
  return specs.map((spec) => resolveField(spec, today));
}

export function formStep(options: FormOptions): StepDefinition {
  checkFieldSpecs(options.id, options.fields);
  const ids = options.fields.map((field) => field.id);
  return {
    id: options.id,
    kind: 'form',
    labelKey: options.labelKey,
    build: (wiring) => {
      const check = (event: SubmitEvent) => checkForm(formFields(options.fields, wiring.kit), event.values ?? {}, REGIONS);
      return {
        on: {
          SUBMIT_FORM: [
            {
              guard: ({ event }: { event: SubmitEvent }) => check(event).ok,
              ...wiring.leave(
                { to: 'next' },
                assign({
                  facts: ({ context, event }: { context: FlowContext; event: SubmitEvent }) => {
                    // Accepted values are kept exactly as sent, so the check's values are the submission's declared, non-empty ones.
                    const values = acceptedValues(event.values ?? {}, ids);
                    return { ...context.facts, [options.id]: values, [draftKey(options.id)]: { values, errors: {} } satisfies FormDraft };
                  },
                }),
              ),
            },
            {
              // Stays: the citizen sees their values with what is wrong.
              actions: assign({
                facts: ({ context, event }: { context: FlowContext; event: SubmitEvent }) => {
                  const result = check(event);
                  const draft: FormDraft = { values: declaredOnly(event.values ?? {}, ids), errors: result.ok ? {} : result.error };
                  return { ...context.facts, [draftKey(options.id)]: draft };
                },
              }),
            },
          ],
          ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
        },
      };
    },
    view: (context, _child, kit) => {
      const draft = draftOf(context, options.id);
      return {
        data: {
          step: 'form',
          titleKey: options.titleKey,
          fields: formFields(options.fields, kit),
          values: draft?.values ?? declaredOnly(options.prefill?.(context) ?? {}, ids),
          errors: draft?.errors ?? {},
        },
      };
    },
  };
}

/** The values accepted at form step `id`, or null before it passed. */
export function formValues(context: FlowContext, id: string): FormValues | null {
  const value = context.facts[id];
  return typeof value === 'object' && value !== null ? (value as FormValues) : null;
}
