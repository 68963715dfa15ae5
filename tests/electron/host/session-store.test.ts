import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../electron/host/session/identity';

describe('session store', () => {
  it('holds one session at a time and wipes its data at the end', () => {
    const store = createSessionStore();
    const started = store.start({ language: 'zh-CN', elderMode: false });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(store.start({ language: 'en', elderMode: true })).toEqual({ ok: false, error: 'sessionActive' });
    const data = store.current()!.data;
    data.set('identity', { name: '张三' });
    expect(store.end(started.value.sessionId, 'finished').ok).toBe(true);
    expect(data.size).toBe(0);
    expect(store.current()).toBeUndefined();
  });

  it('refuses to end a session that is not the current one', () => {
    const store = createSessionStore();
    expect(store.end('nope', 'cancelled')).toEqual({ ok: false, error: 'noSession' });
  });

  it('an identity, once fixed, is never replaced: the same number is no change, another is a conflict; a new session starts unfixed', () => {
    const store = createSessionStore();
    const typed = (n: string) => identityFromTyped(n)!;
    const first = store.start({ language: 'zh-CN', elderMode: false });
    if (!first.ok) throw new Error('no session');
    const id = first.value.sessionId;
    expect(store.fixIdentity(id)).toBe(false);
    expect(store.offerIdentity(id, typed('410403195806150041'))).toEqual({ kind: 'set' });
    expect(store.offerIdentity(id, typed('410402199001011230'))).toEqual({ kind: 'set' });
    expect(store.fixIdentity(id)).toBe(true);
    expect(store.offerIdentity(id, typed('410402199001011230'))).toEqual({ kind: 'same' });
    expect(store.offerIdentity(id, typed('410403195806150041'))).toEqual({ kind: 'conflict' });
    expect(store.current()?.identity?.idNumber).toBe('410402199001011230');
    expect(store.offerIdentity('other', typed('410403195806150041'))).toEqual({ kind: 'noSession' });
    store.end(id, 'identityChanged');
    const next = store.start({ language: 'zh-CN', elderMode: false });
    if (!next.ok) throw new Error('no session');
    expect(store.current()).toMatchObject({ identity: null, identityFixed: false });
    expect(store.offerIdentity(next.value.sessionId, typed('410403195806150041'))).toEqual({ kind: 'set' });
  });
});
