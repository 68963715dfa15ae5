import { describe, expect, it } from 'vitest';
import { proxyBenchWanted } from '../../scripts/bench/proxy-part';

describe('whether npm run bench runs the proxy call bench', () => {
  it('runs it in a full run and for its row-id prefixes', () => {
    expect(proxyBenchWanted([])).toBe(true);
    expect(proxyBenchWanted(['proxy'])).toBe(true);
    expect(proxyBenchWanted(['proxy.call.cpu.kiosk'])).toBe(true);
  });

  it('does not run it when --only names other rows', () => {
    expect(proxyBenchWanted(['hall.help', 'face.flow'])).toBe(false);
  });
});
