import { describe, expect, it } from 'vitest';
import { serverOrigins } from '../../../hall/server/http/security';

describe('the hall server’s own origins', () => {
  it('on loopback: 127.0.0.1 and localhost at its port, nothing else', () => {
    const { origins, hosts } = serverOrigins('http', '127.0.0.1', 8750);
    expect([...origins].sort()).toEqual(['http://127.0.0.1:8750', 'http://localhost:8750']);
    expect([...hosts].sort()).toEqual(['127.0.0.1:8750', 'localhost:8750']);
  });

  it('on every address: loopback plus the LAN names the config gives, never the wildcard itself', () => {
    const { origins, hosts } = serverOrigins('https', '0.0.0.0', 8750, ['https://hall-pc.lan:8750/']);
    expect([...origins].sort()).toEqual(['https://127.0.0.1:8750', 'https://hall-pc.lan:8750', 'https://localhost:8750']);
    expect(hosts.has('hall-pc.lan:8750')).toBe(true);
    expect(hosts.has('0.0.0.0:8750')).toBe(false);
  });
});
