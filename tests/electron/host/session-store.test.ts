import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../electron/host/session/session-store';

describe('session store', () => {
  it('holds one session at a time and wipes its data at the end', () => {
    const store = createSessionStore();
    const started = store.start({ language: 'zh-CN', elderMode: false });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(store.start({ language: 'en', elderMode: true })).toEqual({ ok: false, reason: 'sessionActive' });
    const data = store.current()!.data;
    data.set('identity', { name: '张三' });
    expect(store.end(started.session.sessionId, 'finished').ok).toBe(true);
    expect(data.size).toBe(0);
    expect(store.current()).toBeUndefined();
  });

  it('refuses to end a session that is not the current one', () => {
    const store = createSessionStore();
    expect(store.end('nope', 'cancelled')).toEqual({ ok: false, reason: 'noSession' });
  });
});
