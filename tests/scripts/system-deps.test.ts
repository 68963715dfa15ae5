/** The system package check `npm test` runs, narrowed to some packages as `npm run hall` asks for its broker. */
import { describe, expect, it } from 'vitest';
import { ensureSystemPackages } from '../../scripts/system-deps.mjs';

describe('ensureSystemPackages with only some packages', () => {
  it('answers present for the hall broker here (the hall tests need it) without installing or listing anything', () => {
    const said: string[] = [];
    expect(ensureSystemPackages({ only: ['mosquitto'], log: (line) => said.push(line) })).toBe(true);
    expect(said).toEqual([]);
  });

  it('refuses a name that is not one of the project\'s packages rather than checking nothing', () => {
    expect(() => ensureSystemPackages({ only: ['mosquito'] })).toThrow(/not one of the project's system packages: mosquito/);
  });
});
