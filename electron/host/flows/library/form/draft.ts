/**
 * What a form step shows between submissions: the values last sent (or
 * accepted) and the errors the host found, kept in the run's facts under
 * `<stepId>:draft` (a step id never holds a colon). Going back past the step
 * forgets its fact but not the draft, so the citizen finds what they typed.
 * Personal data: it lives in the run's context only and goes with the session.
 */
import type { FormValues } from '../../../../contract';
import type { FlowContext } from '../context';

export interface FormDraft {
  values: FormValues;
  errors: Record<string, string>;
}

export const draftKey = (stepId: string): string => `${stepId}:draft`;

/** The step's draft, when the citizen has submitted. */
export function draftOf(context: FlowContext, stepId: string): FormDraft | null {
  const draft = context.facts[draftKey(stepId)] as FormDraft | undefined;
  return draft && typeof draft === 'object' ? draft : null;
}

/** The values of `ids` in `values`, others dropped (only declared fields are kept or shown). */
export function declaredOnly(values: Readonly<Record<string, unknown>>, ids: readonly string[]): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([id]) => ids.includes(id))) as FormValues;
}

/** The submitted values of a form that passed its check: the declared, non-empty ones (accepted values are kept as sent). */
export function acceptedValues(values: Readonly<Record<string, unknown>>, ids: readonly string[]): FormValues {
  return Object.fromEntries(Object.entries(declaredOnly(values, ids)).filter(([, value]) => !isBlank(value))) as FormValues;
}

function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'object') {
    const address = value as Record<string, unknown>;
    return !address.province && !address.city && !address.county && !address.detail;
  }
  return false;
}
