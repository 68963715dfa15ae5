/**
 * A hall command the kiosk cannot trust is refused, with a reason: not JSON,
 * not a command the contract knows, or older than ten minutes (a click queued
 * while the kiosk was offline must not end today's session). A valid command
 * acts only through the kiosk's ports, and one that needs a citizen says when
 * there is none.
 */
import { describe, expect, it, vi } from 'vitest';
import { MAX_COMMAND_AGE_MS, readCommand, runCommand, type CommandPorts } from '../../../../electron/host/hall-link/commands';

const NOW = new Date('2026-12-03T08:00:00.000Z');
const message = (command: unknown, at = NOW.toISOString()) => JSON.stringify({ commandId: 'c-1', at, by: { username: 'officer.li', role: 'officer' }, command });

const ports = (sessionId: string | null): CommandPorts & Record<string, ReturnType<typeof vi.fn>> => ({
  currentSessionId: vi.fn(() => sessionId),
  hint: vi.fn(),
  moreTime: vi.fn(),
  endSession: vi.fn(),
  setOutOfService: vi.fn(),
  helpAnswered: vi.fn(),
});

describe('hall commands at the kiosk', () => {
  it('refuses bytes that are not JSON, with no id to answer', () => {
    expect(readCommand(Buffer.from('{not json'), NOW)).toEqual({ ok: false, error: { kind: 'notJson' } });
  });

  it('refuses an unknown command type and says which command it was', () => {
    const read = readCommand(message({ type: 'reboot' }), NOW);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatchObject({ kind: 'malformed', commandId: 'c-1' });
  });

  it('refuses a command with a bad field (a hint too long, time out of range)', () => {
    expect(readCommand(message({ type: 'hint', text: '长'.repeat(121) }), NOW).ok).toBe(false);
    expect(readCommand(message({ type: 'moreTime', seconds: 5 }), NOW).ok).toBe(false);
  });

  it('refuses a command older than ten minutes, and takes one just younger', () => {
    const old = new Date(NOW.getTime() - MAX_COMMAND_AGE_MS - 1000).toISOString();
    expect(readCommand(message({ type: 'endSession' }, old), NOW)).toMatchObject({ ok: false, error: { kind: 'stale', commandId: 'c-1' } });
    const recent = new Date(NOW.getTime() - MAX_COMMAND_AGE_MS + 1000).toISOString();
    expect(readCommand(message({ type: 'endSession' }, recent), NOW).ok).toBe(true);
  });

  it('out of service queued while the kiosk was offline is applied when it is back, up to a week later; a hint that old is not', () => {
    const hourAgo = new Date(NOW.getTime() - 3_600_000).toISOString();
    expect(readCommand(message({ type: 'outOfService', message: '维护中' }, hourAgo), NOW).ok).toBe(true);
    expect(readCommand(message({ type: 'hint', text: '请看屏幕' }, hourAgo), NOW).ok).toBe(false);
    const weekAgo = new Date(NOW.getTime() - 8 * 24 * 3_600_000).toISOString();
    expect(readCommand(message({ type: 'outOfService', message: null }, weekAgo), NOW).ok).toBe(false);
  });

  it('a hint, more time or an end with no citizen at the kiosk is answered noSession and does nothing', () => {
    const p = ports(null);
    expect(runCommand({ type: 'hint', text: '请看屏幕' }, 'officer.li', p)).toBe('noSession');
    expect(runCommand({ type: 'moreTime', seconds: 60 }, 'officer.li', p)).toBe('noSession');
    expect(runCommand({ type: 'endSession' }, 'officer.li', p)).toBe('noSession');
    expect(p.hint).not.toHaveBeenCalled();
    expect(p.endSession).not.toHaveBeenCalled();
  });

  it('a command naming the session the officer watched is refused when another session is on (a late or re-delivered command never reaches the next citizen)', () => {
    const p = ports('s-2');
    expect(runCommand({ type: 'hint', text: '请看屏幕', sessionId: 's-1' }, 'officer.li', p)).toBe('noSession');
    expect(runCommand({ type: 'endSession', sessionId: 's-1' }, 'officer.li', p)).toBe('noSession');
    expect(runCommand({ type: 'moreTime', seconds: 60, sessionId: 's-1' }, 'officer.li', p)).toBe('noSession');
    expect(p.hint).not.toHaveBeenCalled();
    expect(p.endSession).not.toHaveBeenCalled();
    expect(runCommand({ type: 'hint', text: '请看屏幕', sessionId: 's-2' }, 'officer.li', p)).toBe('done');
    expect(p.hint).toHaveBeenCalledWith('s-2', '请看屏幕');
  });

  it('acts on the current session, the service state and help calls', () => {
    const p = ports('s-1');
    expect(runCommand({ type: 'hint', text: '请看屏幕' }, 'officer.li', p)).toBe('done');
    expect(p.hint).toHaveBeenCalledWith('s-1', '请看屏幕');
    expect(runCommand({ type: 'moreTime', seconds: 120 }, 'officer.li', p)).toBe('done');
    expect(p.moreTime).toHaveBeenCalledWith('s-1', 120);
    expect(runCommand({ type: 'outOfService', message: '维护中' }, 'officer.li', p)).toBe('done');
    expect(p.setOutOfService).toHaveBeenCalledWith('维护中', 'officer.li');
    expect(runCommand({ type: 'helpClaimed', callId: 'h-1', etaMinutes: 2 }, 'officer.li', p)).toBe('done');
    expect(p.helpAnswered).toHaveBeenCalledWith('h-1', 'claimed', 2);
    expect(runCommand({ type: 'helpResolved', callId: 'h-1' }, 'officer.li', p)).toBe('done');
    expect(p.helpAnswered).toHaveBeenLastCalledWith('h-1', 'resolved', null);
  });
});
