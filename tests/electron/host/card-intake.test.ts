/** A card on the reader: its appended address reaches the identity; its prints stay in the session only, zeroed at the end. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadSampleCard } from '../../../drivers/idcard/sample-cards';
import type { RawCardRead } from '../../../drivers/manager';
import { createEventBus } from '../../../electron/host/events';
import { cardFingerprintsOf } from '../../../electron/host/session/card-fingerprint';
import { createCardIntake } from '../../../electron/host/session/card-intake';
import { currentAddress } from '../../../electron/host/session/identity';
import { createSessionStore } from '../../../electron/host/session/session-store';

function raw(name: string, extra: Partial<RawCardRead> = {}): RawCardRead {
  const loaded = loadSampleCard(name);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const { text, photo, appendedAddress, fingerprint } = loaded.value;
  return { text, photo, readAt: new Date(), ...(appendedAddress ? { appendedAddress } : {}), ...(fingerprint ? { fingerprint } : {}), ...extra };
}

function rig() {
  const sessions = createSessionStore();
  const bus = createEventBus(() => undefined);
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const intake = createCardIntake({ sessions, bus, logger, defaults: () => ({ language: 'zh-CN', elderMode: false }), onIdentityConflict: () => undefined });
  return { sessions, intake, lines };
}

describe('card intake: appended address and card fingerprints', () => {
  it('a holder who moved: the identity has the printed address and the appended (current) one', () => {
    const { sessions, intake } = rig();
    intake(raw('resident-moved'));
    const identity = sessions.current()!.identity!;
    expect(identity.address).toBe('江苏省南京市鼓楼区云南路31号5幢402室');
    expect(identity.appendedAddress).toBe('江苏省南京市玄武区珠江路88号2幢1101室');
    expect(currentAddress(identity)).toBe('江苏省南京市玄武区珠江路88号2幢1101室');
  });

  it('a card without one: appendedAddress null, the current address is the printed one; unread: unknown', () => {
    const { sessions, intake } = rig();
    intake(raw('resident-han'));
    const identity = sessions.current()!.identity!;
    expect(identity.appendedAddress).toBeNull();
    expect(currentAddress(identity)).toBe(identity.address);
    sessions.endAny('finished');
    intake(raw('resident-han', { appendedAddressUnread: true }));
    expect(sessions.current()!.identity!).not.toHaveProperty('appendedAddress');
  });

  it('an unusable appended address is left out and logged by its reason only', () => {
    const { sessions, intake, lines } = rig();
    intake(raw('resident-han', { appendedAddress: new Uint8Array(12).fill(0x41) }));
    expect(sessions.current()!.identity!).not.toHaveProperty('appendedAddress');
    expect(lines.join('')).toContain('unexpectedLength');
  });

  it('keeps the card prints in the session only, never logs them, and zeroes them when the session ends', () => {
    const { sessions, intake, lines } = rig();
    const card = raw('resident-moved');
    const copy = card.fingerprint!.slice();
    intake(card);
    const session = sessions.current()!;
    const kept = cardFingerprintsOf(session);
    expect(kept).toEqual({ kind: 'present', data: copy });
    expect(lines.join('')).not.toContain(Buffer.from(copy.subarray(8, 24)).toString('hex'));
    sessions.endAny('finished');
    expect(kept.kind === 'present' && kept.data.every((b) => b === 0)).toBe(true);
  });

  it('a card read without prints, or whose prints failed the check, says so', () => {
    const { sessions, intake } = rig();
    intake(raw('resident-han'));
    expect(cardFingerprintsOf(sessions.current()!)).toEqual({ kind: 'absent' });
    sessions.endAny('finished');
    intake(raw('resident-han', { fingerprintUnreadable: true }));
    expect(cardFingerprintsOf(sessions.current()!)).toEqual({ kind: 'unreadable' });
  });
});
