/**
 * form: fields the service declares (text, choice, date, phone, address),
 * pre-filled from what the run knows where the service says so (a name
 * from the identity). The citizen sends all values at once (SUBMIT_FORM);
 * the host checks each against the declaration (form/validate.ts) and
 * either passes the step, the values becoming its fact, or stays with an
 * error key per field. The values are personal data: they live in the
 * run's context, are shown back to the citizen, and are never logged.
 * With `scanField`, a code held under the kiosk's scanner fills that field
 * and submits the form (the host routes the scan here, see flow-handlers.ts).
 */
import { assign } from 'xstate';
import { zonedIsoDate } from '../../../../domain/calendar-date';
import { err } from '../../../../domain/result';
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
  /**
   * A text field a code held under the kiosk's scanner fills (e.g. a 受理编号
   * printed as a barcode on a receipt): the host gives the step the scanned
   * text (CODE_SCANNED, never from the renderer) and submits the form with it
   * and the other values as shown, checked like a typed submission.
   */
  scanField?: string;
  /**
   * A check across the run beyond each field's own (e.g. 可视化代办: the
   * principal's number is not the agent's): after the fields passed, the
   * errors it finds (field id → message key) keep the form on screen.
   */
  refine?: (values: FormValues, context: FlowContext) => Readonly<Record<string, string>>;
}

type FormEvent = { type: string; values?: Record<string, unknown>; text?: string };

/** The fields with date bounds resolved against the hall's today. */
export function formFields(specs: readonly FormFieldSpec[], kit: FlowKit): FormField[] {
  const today = zonedIsoDate(kit.now(), kit.timeZone);
  return specs.map((spec) => resolveField(spec, today));
}

export function formStep(options: FormOptions): StepDefinition {
  checkFieldSpecs(options.id, options.fields);
  const ids = options.fields.map((field) => field.id);
  if (options.scanField !== undefined && !options.fields.some((field) => field.id === options.scanField && field.type === 'text'))
    throw new Error(`form ${options.id}: the scan field ${options.scanField} is not one of its text fields`);
  /** What the screen shows: the last submission, or the prefill. */
  const shownValues = (context: FlowContext): FormValues => draftOf(context, options.id)?.values ?? declaredOnly(options.prefill?.(context) ?? {}, ids);
  return {
    id: options.id,
    kind: 'form',
    labelKey: options.labelKey,
    build: (wiring) => {
      const check = (values: Record<string, unknown>, context: FlowContext) => {
        const checked = checkForm(formFields(options.fields, wiring.kit), values, REGIONS);
        if (!checked.ok || !options.refine) return checked;
        const refused = options.refine(checked.value, context);
        return Object.keys(refused).length === 0 ? checked : err({ ...refused });
      };
      /** The handlers of a submission whose values `valuesOf` gives: passed with them, or staying with their errors. */
      const submission = (valuesOf: (args: { context: FlowContext; event: FormEvent }) => Record<string, unknown>) => [
        {
          guard: (args: { context: FlowContext; event: FormEvent }) => check(valuesOf(args), args.context).ok,
          ...wiring.leave(
            { to: 'next' },
            assign({
              facts: (args: { context: FlowContext; event: FormEvent }) => {
                // Accepted values are kept exactly as sent, so the check's values are the submission's declared, non-empty ones.
                const values = acceptedValues(valuesOf(args), ids);
                return { ...args.context.facts, [options.id]: values, [draftKey(options.id)]: { values, errors: {} } satisfies FormDraft };
              },
            }),
          ),
        },
        {
          // Stays: the citizen sees their values with what is wrong.
          actions: assign({
            facts: (args: { context: FlowContext; event: FormEvent }) => {
              const values = valuesOf(args);
              const result = check(values, args.context);
              const draft: FormDraft = { values: declaredOnly(values, ids), errors: result.ok ? {} : result.error };
              return { ...args.context.facts, [draftKey(options.id)]: draft };
            },
          }),
        },
      ];
      const scanField = options.scanField;
      return {
        on: {
          SUBMIT_FORM: submission(({ event }) => event.values ?? {}),
          // A code held under the scanner: the scan field's value, the others as the screen shows them, submitted at once.
          ...(scanField ? { CODE_SCANNED: submission(({ context, event }) => ({ ...shownValues(context), [scanField]: (event.text ?? '').trim() })) } : {}),
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
          values: shownValues(context),
          errors: draft?.errors ?? {},
          ...(options.scanField ? { scanFieldId: options.scanField } : {}),
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
