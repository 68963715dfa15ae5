/**
 * Nothing the kiosk sends the hall carries an ID number in the clear:
 * supervision and help messages, the status, and the journal rows mask what
 * they take from the session, the journal and the audit log — even when a
 * "masked" field holds a full number by mistake.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_NUMBER_PATTERN } from '../../../../domain/mask';
import type { EventEnvelope, EventName, EventPayload } from '../../../../electron/contract';
import { PROTOCOL_VERSION } from '../../../../electron/contract';
import { HelpCallMessage, KioskStatusMessage, SupervisionMessage, AuditRow, SessionRow } from '../../../../electron/contract/hall-link';
import { auditRowOf, sessionRowOf } from '../../../../electron/host/hall-link/journal-rows';
import { withoutIdNumbers } from '../../../../electron/host/hall-link/no-id-numbers';
import { createSessionTracker } from '../../../../electron/host/hall-link/session-tracker';
import { buildStatus } from '../../../../electron/host/hall-link/status';
import type { TransactionRow } from '../../../../electron/host/journal/transactions-repo';

const idNumber = fc.tuple(fc.stringMatching(/^[1-9]\d{16}$/), fc.constantFrom(...'0123456789X')).map(([head, check]) => head + check);
/** A field that should be masked, sometimes holding a full number, sometimes text around one. */
const leaky = fc.oneof(idNumber, idNumber.map((n) => `${n.slice(0, 4)}**********${n.slice(14)}`), fc.tuple(fc.string({ maxLength: 6 }), idNumber).map(([a, n]) => `${a} ${n}`), fc.string({ maxLength: 20 }));
const name = fc.oneof(fc.constantFrom('张三', '欧阳娜娜', 'JOHN SMITH', '张*', ''), idNumber, fc.string({ maxLength: 10 }));

const hasIdNumber = (value: unknown) => ID_NUMBER_PATTERN.test(JSON.stringify(value));
const envelope = <E extends EventName>(event: E, payload: EventPayload<E>): EventEnvelope => ({ v: PROTOCOL_VERSION, type: 'event', event, payload });
const AT = '2026-12-03T08:00:00.000Z';

describe('what the hall receives is masked', () => {
  it('supervision and help messages from session events never carry an ID number', () => {
    fc.assert(
      fc.property(leaky, name, leaky, name, (idMasked, nameMasked, laterId, laterName) => {
        const tracker = createSessionTracker({ now: () => new Date(AT), newId: () => 'x', categoryOf: () => 'huzheng', sessionStartedAt: () => null });
        const identity = (id: string, n: string) => ({ source: 'card' as const, cardType: 'resident' as const, nameMasked: n || null, idNumberMasked: id, idNumberValid: true, expired: false });
        const out = [
          tracker.handle(envelope('session.started', { session: { sessionId: 's1', startedAt: AT, language: 'zh-CN', elderMode: false }, identity: identity(idMasked, nameMasked) })),
          tracker.handle(envelope('identity.read', { sessionId: 's1', identity: identity(laterId, laterName) })),
          tracker.handle(envelope('help.requested', { callId: 'c1', reason: 'button', kioskId: 'K', queuedAt: AT })),
          tracker.handle(envelope('session.ended', { sessionId: 's1', reason: 'cancelled' })),
        ].flatMap((t) => t.out);
        for (const o of out) {
          expect(hasIdNumber(o.message)).toBe(false);
          // Still valid for the hall's schemas.
          if (o.kind === 'supervision') SupervisionMessage.parse(o.message);
          if (o.kind === 'help') HelpCallMessage.parse(o.message);
        }
      }),
    );
  });

  it('the status masks the session and the signed-in officer', () => {
    fc.assert(
      fc.property(leaky, name, name, (idMasked, nameMasked, officer) => {
        const tracker = createSessionTracker({ now: () => new Date(AT), newId: () => 'x', categoryOf: () => null, sessionStartedAt: () => null });
        tracker.handle(envelope('session.started', { session: { sessionId: 's1', startedAt: AT, language: 'en', elderMode: false }, identity: { source: 'typed', cardType: null, nameMasked: nameMasked || null, idNumberMasked: idMasked, idNumberValid: true, expired: false } }));
        const status = buildStatus(
          { kioskId: 'K-1', hallName: '湖滨派出所', version: '1.0.0', devices: () => [], consumables: () => [], outOfService: () => null, staffSignedIn: () => (officer ? { staffNumber: '0001', nameMasked: officer } : null), session: () => tracker.current(), journalBacklog: () => 0 },
          new Date(AT),
        );
        KioskStatusMessage.parse(status);
        expect(hasIdNumber(status)).toBe(false);
      }),
    );
  });

  it('journal rows mask the session row and any number in an audit subject or detail', () => {
    fc.assert(
      fc.property(leaky, leaky, fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(leaky, fc.integer(), fc.boolean())), (stored, subject, detail) => {
        const transaction = { session_id: 's1', service_id: 'hukou-certificate', started_at: AT, ended_at: AT, outcome: 'completed', last_step: 'done', id_number_masked: stored, fee_fen: 0 } as TransactionRow;
        const session = sessionRowOf(transaction, () => 'huzheng');
        SessionRow.parse(session);
        expect(hasIdNumber(session)).toBe(false);
        const audit = auditRowOf({ id: 7, at: AT, actor: 'staff', action: 'dock.act', session_id: 's1', subject, detail: JSON.stringify(detail) });
        AuditRow.parse(audit);
        expect(hasIdNumber(audit)).toBe(false);
      }),
    );
  });

  it("the link's last guard masks a number in any string, and leaves other values as they are", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), leaky, fc.boolean(), fc.constant(null))), idNumber, (json, n) => {
        const out = withoutIdNumbers({ json, step: `step-${n}`, nested: [{ text: n }], count: 3 });
        expect(hasIdNumber(out)).toBe(false);
        expect(out.count).toBe(3);
      }),
    );
  });

  it('the last guard drops NUL characters, which the hall refuses (a refused journal batch would be rows lost)', () => {
    const out = withoutIdNumbers({ step: 'pho\u0000to', detail: { note: '\u0000' } });
    expect(out).toEqual({ step: 'photo', detail: { note: '' } });
  });
});
