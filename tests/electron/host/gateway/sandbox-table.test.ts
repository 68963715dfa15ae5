import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sandboxTable } from '../../../../electron/host/gateway/operation';

// A service's sandbox.json is checked when its operation is first called: a broken file fails that call, not the host's start.
describe('a service sandbox table', () => {
  const People = z.record(z.string(), z.object({ points: z.number().int() }).strict());

  it('answers with the checked table', () => {
    const table = sandboxTable(People, { '110101199003071233': { points: 3 } });
    expect(table()).toEqual({ ok: true, value: { '110101199003071233': { points: 3 } } });
  });

  it('turns a broken table into a bad answer that names the field, not the value', () => {
    const table = sandboxTable(People, { '110101199003071233': { points: 'three' } });
    const answer = table();
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ kind: 'badResponse' });
    expect(JSON.stringify(answer.error)).toContain('110101199003071233.points');
    expect(JSON.stringify(answer.error)).not.toContain('three');
  });
});
