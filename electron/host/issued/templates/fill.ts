/**
 * `{{field}}` placeholders. A field the data lacks is a template error,
 * never an empty gap on an official document.
 */
import { err, ok, type Result } from '../../../../domain/result';

/** Values a template can reference: text, or a list for list blocks. */
export type TemplateVars = Readonly<Record<string, string | readonly string[] | undefined>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Replaces every placeholder in `text`; the first unknown or empty one is the error. */
export function fillPlaceholders(text: string, vars: TemplateVars): Result<string, string> {
  let missing: string | undefined;
  const out = text.replace(PLACEHOLDER, (_m, name: string) => {
    const value = vars[name];
    if (typeof value !== 'string' || value === '') {
      missing ??= name;
      return '';
    }
    return value;
  });
  return missing === undefined ? ok(out) : err(missing);
}

/** True when `field` is absent, empty text or an empty list (for `when`). */
export function isEmptyField(vars: TemplateVars, field: string): boolean {
  const value = vars[field];
  return value === undefined || value.length === 0;
}
