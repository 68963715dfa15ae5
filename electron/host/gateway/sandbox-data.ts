/**
 * The sandbox back-end's synthetic people (resources/sandbox/citizens.json),
 * validated with zod so a broken data file fails loudly at start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesPath } from '../../../drivers/resources-dir';
import { APPLICATION_REJECTIONS } from './police-gateway';

const Residence = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  province: z.string().min(1),
  city: z.string().min(1),
  district: z.string().min(1).optional(),
});

const SandboxCitizen = z
  .object({
    label: z.string(),
    /** Name as the population database holds it (for typed ID numbers). */
    name: z.string().min(1),
    holder: z.enum(['resident', 'hmt', 'foreigner']),
    registeredResidence: Residence.nullable(),
    /** Holds a valid 居住证 issued where the hall is (an out-of-province resident the kiosk may serve as local). */
    residencePermitHere: z.boolean().optional(),
    criminalRecord: z.enum(['noRecord', 'record', 'sealedJuvenile', 'needsReview']),
    /** resources/faces/<faceRef>.jpg, for a real face matcher. */
    faceRef: z.string().regex(/^[a-z0-9-]+$/).optional(),
    /** What the sandbox answers without a face matcher. */
    face: z.enum(['match', 'noMatch']).default('match'),
    /** Deterministic failures, to exercise the kiosk's error paths. */
    simulate: z
      .object({
        query: z.enum(['timeout', 'unavailable']).optional(),
        /** The back-end refuses this person's applications for good (HTTP 422) with this reason. */
        application: z.enum(APPLICATION_REJECTIONS).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const SandboxData = z
  .object({
    version: z.literal(1),
    description: z.string().optional(),
    issuingOffice: z.string().min(1),
    verifyUrlBase: z.string().min(1),
    citizens: z.record(z.string().regex(/^[0-9A-Z]{15,18}$/), SandboxCitizen),
  })
  .strict();

export type SandboxData = z.infer<typeof SandboxData>;
export type SandboxCitizen = z.infer<typeof SandboxCitizen>;

/** Where the shipped data file lives (resources/ may be moved by ONEDOOR_RESOURCES_DIR). */
export function defaultSandboxDataPath(env: NodeJS.ProcessEnv = process.env): string {
  const resources = env.ONEDOOR_RESOURCES_DIR ?? resourcesPath();
  return join(resources, 'sandbox', 'citizens.json');
}

/** Loads and validates the data file; `{error}` names the problem. */
export function loadSandboxData(path: string = defaultSandboxDataPath()): { data: SandboxData } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { error: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = SandboxData.safeParse(raw);
  if (!parsed.success) return { error: `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { data: parsed.data };
}
