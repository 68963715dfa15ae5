/**
 * The values a citizen is filling in, on this screen only until they
 * submit: they start from the host's view (pre-filled, or sent before with
 * its errors), and a field's host error is hidden once the citizen changes it.
 */
import { useState } from 'react';
import type { FormValue, FormValues } from '../../../electron/contract';

export interface FormDraft {
  values: FormValues;
  /** The host's errors, less the fields changed since. */
  errors: Readonly<Record<string, string>>;
  editing: string | null;
  edit(id: string | null): void;
  set(id: string, value: FormValue): void;
}

export function useFormDraft(initial: FormValues, hostErrors: Readonly<Record<string, string>>): FormDraft {
  const [values, setValues] = useState<FormValues>(initial);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  return {
    values,
    errors: Object.fromEntries(Object.entries(hostErrors).filter(([id]) => !changed.has(id))),
    editing,
    edit: setEditing,
    set(id, value) {
      setValues({ ...values, [id]: value });
      setChanged(new Set([...changed, id]));
      setEditing(null);
    },
  };
}
