/**
 * The order test files are handed to the workers: vitest's own (groups,
 * projects, then slowest or largest first), except that the e2e files that
 * start a hall (heavy-slot.ts: one at a time across workers) are spread
 * evenly among the light ones. Left together, both workers would pick heavy
 * files and one would sit waiting for the slot instead of running a light
 * file meanwhile.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const STARTS_A_HALL = /\b(startHallProcess|startProxyParties)\(/;

function isHeavy(spec: TestSpecification): boolean {
  try {
    return STARTS_A_HALL.test(readFileSync(spec.moduleId, 'utf8'));
  } catch {
    return false;
  }
}

/** `heavy` placed at even intervals in `light`, the first heavy first (the slot is the bottleneck: start it at once). */
export function spreadOut<T>(light: readonly T[], heavy: readonly T[]): T[] {
  if (heavy.length === 0) return [...light];
  const out: T[] = [];
  const gap = light.length / heavy.length;
  let next = 0;
  heavy.forEach((file, i) => {
    const until = Math.round(i * gap);
    while (next < until) out.push(light[next++]!);
    out.push(file);
  });
  while (next < light.length) out.push(light[next++]!);
  return out;
}

export default class HeavySpreadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = sorted.filter((spec) => spec.project.name === 'e2e');
    if (e2e.length === 0) return sorted;
    const heavy = e2e.filter(isHeavy);
    const spread = spreadOut(
      e2e.filter((spec) => !heavy.includes(spec)),
      heavy,
    );
    // The e2e group keeps its place (after the unit projects); only its inner order changes.
    const firstE2e = sorted.findIndex((spec) => spec.project.name === 'e2e');
    const rest = sorted.filter((spec) => spec.project.name !== 'e2e');
    return [...rest.slice(0, firstE2e), ...spread, ...rest.slice(firstE2e)];
  }
}
