import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialCase, transition, type CaseCore, type CaseEvent } from '../../../hall/server/proxy/cases/state-machine';
import { RECORDING } from './fixtures';

const officer = { staffNumber: '100234', nameMasked: '王*' };
const at = '2026-12-03T02:10:00.000Z';

function run(events: CaseEvent[], from: CaseCore = initialCase()): CaseCore {
  return events.reduce((core, event) => {
    const next = transition(core, event);
    if (!next.ok) throw new Error(`${event.type} refused: ${next.error}`);
    return next.value;
  }, from);
}

const toRecorded: CaseEvent[] = [
  { type: 'claimed' },
  { type: 'principalVerified' },
  { type: 'officerJoined', officer },
  { type: 'recordingStarted', staffNumber: officer.staffNumber },
  { type: 'recordingStored', staffNumber: officer.staffNumber, recording: RECORDING },
];
const approve: CaseEvent = { type: 'decided', staffNumber: officer.staffNumber, approve: true, reason: null, at };

describe('a proxy case, step by step', () => {
  it('goes invited → principalJoined → principalVerified → inCall → recording → recorded → approved once both signed', () => {
    const states: string[] = [];
    let core = initialCase();
    for (const event of [...toRecorded, { type: 'principalSigned' } as const, { type: 'agentSigned' } as const, approve]) {
      core = run([event], core);
      states.push(core.state);
    }
    expect(states).toEqual(['principalJoined', 'principalVerified', 'inCall', 'recording', 'recorded', 'recorded', 'recorded', 'approved']);
    expect(core).toMatchObject({ officer, principalSigned: true, agentSigned: true, recording: RECORDING, decision: { approved: true, reason: null, at }, endReason: null });
  });

  it('refuses approval until the recording is stored and both have signed', () => {
    const inCall = run(toRecorded.slice(0, 3));
    expect(transition(inCall, approve)).toEqual({ ok: false, error: 'recordingMissing' });
    const recording = run(toRecorded.slice(3, 4), inCall);
    expect(transition(recording, approve)).toEqual({ ok: false, error: 'recordingMissing' });
    const recorded = run(toRecorded.slice(4), recording);
    expect(transition(recorded, approve)).toEqual({ ok: false, error: 'notSigned' });
    expect(transition(run([{ type: 'principalSigned' }], recorded), approve)).toEqual({ ok: false, error: 'notSigned' });
    expect(transition(run([{ type: 'agentSigned' }], recorded), approve)).toEqual({ ok: false, error: 'notSigned' });
  });

  it('refuses with a reason only, and then ends refusedByOfficer', () => {
    const inCall = run(toRecorded.slice(0, 3));
    expect(transition(inCall, { ...approve, approve: false, reason: ' ' })).toEqual({ ok: false, error: 'reasonMissing' });
    expect(transition(inCall, { ...approve, approve: false, reason: null })).toEqual({ ok: false, error: 'reasonMissing' });
    const refused = transition(inCall, { ...approve, approve: false, reason: ' 委托人未能说明委托事项 ' });
    expect(refused.ok && refused.value).toMatchObject({ state: 'refused', endReason: 'refusedByOfficer', decision: { approved: false, reason: '委托人未能说明委托事项' } });
  });

  it('keeps one officer per case: another officer is refused everywhere, the same one may come back', () => {
    const inCall = run(toRecorded.slice(0, 3));
    const other = { staffNumber: '100999', nameMasked: '李*' };
    expect(transition(inCall, { type: 'officerJoined', officer: other })).toEqual({ ok: false, error: 'otherOfficer' });
    expect(transition(inCall, { type: 'officerJoined', officer })).toEqual({ ok: true, value: inCall });
    expect(transition(inCall, { type: 'recordingStarted', staffNumber: other.staffNumber })).toEqual({ ok: false, error: 'otherOfficer' });
    expect(transition(inCall, { ...approve, staffNumber: other.staffNumber, approve: false, reason: '不是我的' })).toEqual({ ok: false, error: 'otherOfficer' });
  });

  it('lets no officer join before the principal is verified, and nobody sign before the recording', () => {
    const joined = run([{ type: 'claimed' }]);
    expect(transition(initialCase(), { type: 'officerJoined', officer })).toEqual({ ok: false, error: 'wrongState' });
    expect(transition(joined, { type: 'officerJoined', officer })).toEqual({ ok: false, error: 'wrongState' });
    const inCall = run(toRecorded.slice(0, 3));
    expect(transition(inCall, { type: 'principalSigned' })).toEqual({ ok: false, error: 'wrongState' });
    expect(transition(inCall, { type: 'agentSigned' })).toEqual({ ok: false, error: 'wrongState' });
    expect(transition(initialCase(), { type: 'principalVerified' })).toEqual({ ok: false, error: 'wrongState' });
    expect(transition(joined, { type: 'claimed' })).toEqual({ ok: false, error: 'wrongState' });
  });

  it('ends a case the right way: face failed, link expired, recording not stored, a party gone', () => {
    const joined = run([{ type: 'claimed' }]);
    expect(run([{ type: 'principalFaceFailed' }], joined)).toMatchObject({ state: 'failed', endReason: 'principalFaceFailed' });
    expect(run([{ type: 'linkExpired' }])).toMatchObject({ state: 'expired', endReason: 'linkExpired' });
    expect(run([{ type: 'linkExpired' }], joined)).toMatchObject({ state: 'expired' });
    const verified = run([{ type: 'principalVerified' }], joined);
    expect(transition(verified, { type: 'linkExpired' })).toEqual({ ok: false, error: 'wrongState' });
    const recording = run(toRecorded.slice(0, 4));
    expect(run([{ type: 'recordingFailed' }], recording)).toMatchObject({ state: 'dropped', endReason: 'recordingNotStored' });
    expect(run([{ type: 'ended', reason: 'principalLeft' }], recording)).toMatchObject({ state: 'dropped', endReason: 'principalLeft' });
  });

  it('never changes a final state', () => {
    const finals = [
      run([...toRecorded, { type: 'principalSigned' }, { type: 'agentSigned' }, approve]),
      run([{ type: 'linkExpired' }]),
      run([{ type: 'ended', reason: 'agentCancelled' }]),
      run([{ type: 'claimed' }, { type: 'principalFaceFailed' }]),
      run([...toRecorded.slice(0, 3), { ...approve, approve: false, reason: '理由不足' }]),
    ];
    for (const core of finals) {
      for (const event of [{ type: 'claimed' }, { type: 'ended', reason: 'officerLeft' }, approve, { type: 'linkExpired' }] as CaseEvent[]) {
        expect(transition(core, event)).toEqual({ ok: false, error: 'caseEnded' });
      }
    }
  });
});

const anyEvent: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.constantFrom<CaseEvent>(
    { type: 'claimed' },
    { type: 'principalVerified' },
    { type: 'principalFaceFailed' },
    { type: 'recordingFailed' },
    { type: 'principalSigned' },
    { type: 'agentSigned' },
    { type: 'linkExpired' },
    { type: 'ended', reason: 'networkLost' },
  ),
  fc.constantFrom('100234', '100999').map((staffNumber): CaseEvent => ({ type: 'officerJoined', officer: { staffNumber, nameMasked: '王*' } })),
  fc.constantFrom('100234', '100999').map((staffNumber): CaseEvent => ({ type: 'recordingStarted', staffNumber })),
  fc.constantFrom('100234', '100999').map((staffNumber): CaseEvent => ({ type: 'recordingStored', staffNumber, recording: RECORDING })),
  fc.record({ staffNumber: fc.constantFrom('100234', '100999'), approve: fc.boolean(), reason: fc.option(fc.string({ maxLength: 5 })) }).map(
    (d): CaseEvent => ({ type: 'decided', ...d, at }),
  ),
);

describe('a proxy case under any sequence of events (fast-check)', () => {
  it('is approved only with a stored recording, both signatures and one officer, and never leaves a final state', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let core = initialCase();
        let finalSeen: CaseCore | null = null;
        for (const event of events) {
          const next = transition(core, event);
          if (finalSeen) expect(next).toEqual({ ok: false, error: 'caseEnded' });
          if (!next.ok) continue;
          if (core.officer) expect(next.value.officer).toEqual(core.officer);
          core = next.value;
          if (core.state === 'approved') {
            expect(core.recording).not.toBeNull();
            expect(core.principalSigned && core.agentSigned).toBe(true);
            expect(core.decision?.approved).toBe(true);
          }
          if (core.state === 'refused') expect((core.decision?.reason ?? '').length).toBeGreaterThanOrEqual(2);
          if (['approved', 'refused', 'dropped', 'expired', 'failed'].includes(core.state)) finalSeen = core;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
