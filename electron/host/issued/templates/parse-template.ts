/**
 * Validates a template given as data (a service's imported JSON). The result
 * is cached per template object, so a service that passes the same imported
 * object every time pays for the check once.
 */
import { err, ok, type Result } from '../../../../domain/result';
import { DocumentTemplate } from './template-schema';

export type TemplateError = { kind: 'template'; templateId: string; message: string };

const cache = new WeakMap<object, Result<DocumentTemplate, TemplateError>>();

/** The validated template, or the first problem with its path. */
export function parseTemplate(template: unknown): Result<DocumentTemplate, TemplateError> {
  if (typeof template !== 'object' || template === null) return err({ kind: 'template', templateId: '?', message: 'a template is a JSON object' });
  let parsed = cache.get(template);
  if (!parsed) {
    parsed = validate(template);
    cache.set(template, parsed);
  }
  return parsed;
}

function validate(template: object): Result<DocumentTemplate, TemplateError> {
  const parsed = DocumentTemplate.safeParse(template);
  if (parsed.success) return ok(parsed.data);
  const id = 'id' in template && typeof template.id === 'string' ? template.id : '?';
  const issue = parsed.error.issues[0];
  return err({ kind: 'template', templateId: id, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
}
