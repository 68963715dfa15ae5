import { describe, expect, it } from 'vitest';
import { createStatusCoalescer } from '../../../hall/server/link/status-coalescer';

describe('kiosk statuses written newest-per-kiosk in the background', () => {
  it('writes the first, skips those replaced while a write runs, writes the newest of each kiosk, and survives a failed write', async () => {
    const written: string[] = [];
    const errors: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const statuses = createStatusCoalescer<string>(async (packet) => {
      if (packet === 'k1#1') await gate;
      if (packet === 'k2#1') throw new Error('database down');
      written.push(packet);
    }, (error) => errors.push(error));

    statuses.offer('k1', 'k1#1');
    statuses.offer('k1', 'k1#2');
    statuses.offer('k2', 'k2#1');
    statuses.offer('k1', 'k1#3');
    statuses.offer('k3', 'k3#1');
    release();
    await statuses.idle();

    expect(written).toEqual(['k1#1', 'k1#3', 'k3#1']);
    expect(statuses.superseded()).toBe(1);
    expect(errors).toHaveLength(1);
    statuses.offer('k2', 'k2#2');
    await statuses.idle();
    expect(written.at(-1)).toBe('k2#2');
  });
});
