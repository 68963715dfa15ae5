/**
 * Reads and validates `resources/templates/<type>.json` (cached per path).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentType } from '../document-types';
import { err, ok, type Result } from '../result';
import { DocumentTemplate } from './template-schema';
import { resourcesPath } from '../../../../drivers/resources-dir';

/** The repository's `resources/` folder (templates, seal). */
export const DEFAULT_RESOURCES_DIR: string = resourcesPath();

export type TemplateError = { kind: 'template'; templateId: string; message: string };

const cache = new Map<string, Promise<Result<DocumentTemplate, TemplateError>>>();

/** Loads the template for `type` from `<resourcesDir>/templates/`. */
export function loadTemplate(type: DocumentType, resourcesDir: string = DEFAULT_RESOURCES_DIR): Promise<Result<DocumentTemplate, TemplateError>> {
  const path = join(resourcesDir, 'templates', `${type}.json`);
  let cached = cache.get(path);
  if (!cached) {
    cached = readTemplate(type, path);
    cache.set(path, cached);
  }
  return cached;
}

async function readTemplate(type: DocumentType, path: string): Promise<Result<DocumentTemplate, TemplateError>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return err({ kind: 'template', templateId: type, message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` });
  }
  const parsed = DocumentTemplate.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({ kind: 'template', templateId: type, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
  }
  if (parsed.data.id !== type) return err({ kind: 'template', templateId: type, message: `template id is ${parsed.data.id}` });
  return ok(parsed.data);
}
