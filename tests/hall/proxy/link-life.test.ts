import { describe, expect, it } from 'vitest';
import { HallConfigFile } from '../../../hall/server/config';
import { openMessage } from './fixtures';
import { registryHarness, tokenOf } from './registry-harness';

describe('the invitation link\'s life (proxy.linkMinutes, proxy.linkSeconds)', () => {
  it('the config takes a life in whole seconds from 10 to 3600, and refuses anything else', () => {
    const life = (proxy: Record<string, unknown>) => HallConfigFile.safeParse({ proxy });
    expect(life({ linkSeconds: 20 }).data?.proxy).toMatchObject({ linkSeconds: 20, linkMinutes: 10 });
    expect(life({}).data?.proxy.linkSeconds).toBeUndefined();
    for (const linkSeconds of [9, 0, -5, 12.5, 3601, '20']) expect(life({ linkSeconds }).success, String(linkSeconds)).toBe(false);
  });

  it('a link of 20 seconds: claimable until then, then linkExpired and the waiting case ends expired; the SMS says a minute', async () => {
    const h = registryHarness({ linkSeconds: 20 });
    await h.registry.fromKiosk('k1', openMessage({ requestId: 'req-short-1' }));
    const opened = h.lastTo('k1', 'opened');
    if (opened?.type !== 'opened') throw new Error('not opened');
    expect(opened.case.linkExpiresAt).toBe('2026-12-03T02:00:20.000Z');
    expect(h.sms.messages()[0]?.text).toContain('链接1分钟内有效');
    h.clock.advance(19_000);
    expect(h.registry.list('open')).toMatchObject([{ state: 'invited' }]);
    h.clock.advance(1_000);
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'expired', endReason: 'linkExpired' } });
    expect(h.registry.claim(tokenOf(opened.inviteUrl))).toEqual({ ok: false, error: 'linkExpired' });
  });

  it('without linkSeconds, linkMinutes rules', async () => {
    const h = registryHarness({ linkMinutes: 3 });
    await h.registry.fromKiosk('k1', openMessage({ requestId: 'req-minutes-1' }));
    const opened = h.lastTo('k1', 'opened');
    if (opened?.type !== 'opened') throw new Error('not opened');
    expect(opened.case.linkExpiresAt).toBe('2026-12-03T02:03:00.000Z');
    expect(h.sms.messages()[0]?.text).toContain('链接3分钟内有效');
  });
});
