/** The contract fuzzer's values: drawn from each schema's public JSON Schema form, valid ones accepted by zod, mutated ones refused. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Calls, Events } from '../../electron/contract';
import { declarationOf } from '../../scripts/fuzz/declaration';
import { seededRandom } from '../../scripts/fuzz/harness';
import { toJson } from '../../scripts/fuzz/json-values';
import { addStrippedKeys, refuse } from '../../scripts/fuzz/schema-refusals';
import { generate, vary } from '../../scripts/fuzz/schema-values';

/** Every kind the reader knows, in one schema. */
const Sample = z
  .object({
    id: z.string().min(1).max(8).regex(/^[a-z0-9-]+$/),
    at: z.string().datetime(),
    count: z.number().int().min(0).max(10),
    ratio: z.number().gt(0).lt(1),
    note: z.string().max(5).nullable().optional(),
    tags: z.array(z.enum(['a', 'b'])).min(1).max(3),
    event: z.discriminatedUnion('type', [z.object({ type: z.literal('BACK') }).strict(), z.object({ type: z.literal('PICK'), n: z.number() }).strict()]),
    extra: z.record(z.string(), z.boolean()),
    loose: z.object({ k: z.boolean() }),
  })
  .strict();

const throughJson = (v: unknown): unknown => JSON.parse(toJson(v));

describe('contract fuzz values', () => {
  it('draws values every call, result and event schema accepts, the same ones for the same seed', () => {
    const schemas = [...Object.values(Calls).flatMap((c) => [c.params, c.result]), ...Object.values(Events)];
    const r = seededRandom(21);
    for (const s of schemas) {
      for (let k = 0; k < 10; k++) {
        const v = generate(s, r);
        expect(s.safeParse(throughJson(v)).success, JSON.stringify(v).slice(0, 300)).toBe(true);
      }
    }
    const again = (seed: number): unknown[] => {
      const replay = seededRandom(seed);
      return Array.from({ length: 20 }, () => generate(Sample, replay));
    };
    expect(again(5)).toEqual(again(5));
  });

  it('keeps varied values valid and refuses every mutation it expects refused', () => {
    const r = seededRandom(8);
    let refused = 0;
    for (let k = 0; k < 400; k++) {
      const v = vary(Sample, generate(Sample, r), r);
      expect(Sample.safeParse(throughJson(v)).success).toBe(true);
      expect(Sample.safeParse(throughJson(addStrippedKeys(Sample, v, r).value)).success).toBe(true);
      const bad = refuse(Sample, v, r);
      if (!bad) continue;
      refused++;
      expect(Sample.safeParse(throughJson(bad.value)).success, bad.what).toBe(false);
    }
    expect(refused).toBeGreaterThan(200);
  });

  it('names a schema kind it cannot read instead of skipping it', () => {
    expect(() => declarationOf(z.object({ n: z.number().multipleOf(5) }))).toThrow(/keyword multipleOf at \.n is not supported/);
    expect(() => declarationOf(z.object({ d: z.date() }))).toThrow();
  });
});
