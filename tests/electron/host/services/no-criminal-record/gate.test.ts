/**
 * No certificate without a passed face check, however the run is driven:
 * random event sequences without a passing verdict never reach the print,
 * and a run put at the review with the face check missing from what the host
 * passed (as a bug or a tampered snapshot would) is stopped at the print's gate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { FlowEvent } from '../../../../../electron/contract';
import type { FlowMachineEvent } from '../../../../../electron/host/flows/flow-events';
import { buildFlow, initialContext, type FlowContext } from '../../../../../electron/host/flows/library';
import type { CertificateIssueRequest, PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import noCriminalRecord from '../../../../../electron/host/services/no-criminal-record';
import { card, sandboxGateway, startService, testKit, typed } from '../flow-kit';

const CHEN = '410402199001011230';

/** The sandbox, counting what reaches the back-end. */
function countingGateway() {
  const base = sandboxGateway();
  const calls = { lookups: 0, queries: 0, issued: [] as CertificateIssueRequest[] };
  const gateway: PoliceGateway = {
    ...base,
    lookupPerson: (id) => ((calls.lookups += 1), base.lookupPerson(id)),
    queryCriminalRecord: (query) => ((calls.queries += 1), base.queryCriminalRecord(query)),
    issueCertificate: (request) => (calls.issued.push(request), base.issueCertificate(request)),
  };
  return { gateway, calls };
}

/** Every event the citizen or the host can send, except a face check that passes. */
const notPassing: fc.Arbitrary<FlowMachineEvent> = fc.oneof(
  fc.constantFrom<FlowEvent>(
    { type: 'CONFIRM' },
    { type: 'CONSENT', granted: true },
    { type: 'CONSENT', granted: false },
    { type: 'CHOOSE', value: 'employment' },
    { type: 'CHOOSE', value: 'abroad' },
    { type: 'CHOOSE', value: 'print' },
    { type: 'BACK' },
    { type: 'RETRY' },
    { type: 'REPRINT' },
  ),
  fc.record({ type: fc.constant('FACE_RESULT' as const), outcome: fc.constantFrom('noMatch' as const, 'refused' as const), attemptsLeft: fc.integer({ min: 0, max: 3 }) }),
  fc.constant<FlowMachineEvent>({ type: 'IDENTITY', identity: card(CHEN) }),
);

describe('no-criminal-record: the print is never entered without a passed face check', () => {
  it('random event sequences without a passing face verdict never print, issue or query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(card(CHEN), typed('410402200203100042'), typed('32010219920308005X')), fc.array(notPassing, { maxLength: 20 }), async (who, events) => {
        const { gateway, calls } = countingGateway();
        const run = startService(noCriminalRecord, who, { gateway });
        for (const event of events) {
          run.flow.send(event);
          const view = await run.settled();
          expect(view.step).not.toBe('a4Print');
          expect(view.stepId).not.toMatch(/^(purpose|record|review|print)$/);
        }
        expect(calls).toEqual({ lookups: 0, queries: 0, issued: [] });
        expect(run.documents.requests).toEqual([]);
        expect(run.faults).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a run at the review whose face check the host never passed fails at the print\'s gate, issuing nothing', async () => {
    const { gateway, calls } = countingGateway();
    const { kit, documents } = testKit(noCriminalRecord.id, noCriminalRecord.catalogue.name, 'certificates', { gateway, parsedSettings: { validityNote: false } });
    const built = buildFlow(noCriminalRecord.flow(kit), kit);
    const input = { sessionId: 'session-gate', flowId: 'flow-gate-0000', identity: card(CHEN) };
    // Everything the print needs, but the face check: a bug, or a snapshot tampered with.
    const context: FlowContext = {
      ...initialContext(input),
      consent: true,
      passed: ['identify', 'consent', 'registration', 'purpose', 'record'],
      facts: {
        registration: { name: '陈思远', holder: 'resident', registeredResidence: { provinceCode: '41', province: '河南省', city: '平顶山市' } },
        purpose: 'employment',
        record: { result: 'noRecord', queryDate: '2026-12-01', issuingOffice: '湖滨派出所' },
      },
    };
    const snapshot = built.machine.resolveState({ value: { review: 'step' }, context });
    const actor = createActor(built.machine, { snapshot, input });
    actor.start();
    expect(built.view(actor.getSnapshot() as never)).toMatchObject({ stepId: 'review' });
    actor.send({ type: 'CONFIRM' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = actor.getSnapshot();
    expect(built.view(after as never)).toMatchObject({ stepId: 'failed', data: { step: 'failed', reason: 'internal' } });
    expect(calls.issued).toEqual([]);
    expect(documents.requests).toEqual([]);
    actor.stop();
  });

  it('the same run with the face check passed goes on to print (the gate lets the right run in)', async () => {
    const { gateway, calls } = countingGateway();
    const { kit, documents } = testKit(noCriminalRecord.id, noCriminalRecord.catalogue.name, 'certificates', { gateway, parsedSettings: { validityNote: false } });
    const built = buildFlow(noCriminalRecord.flow(kit), kit);
    const input = { sessionId: 'session-gate', flowId: 'flow-gate-0001', identity: card(CHEN) };
    const context: FlowContext = {
      ...initialContext(input),
      consent: true,
      face: { passed: true, attempts: 1, last: 'passed' },
      passed: ['identify', 'consent', 'faceCheck', 'registration', 'purpose', 'record'],
      facts: { purpose: 'employment', record: { result: 'noRecord', queryDate: '2026-12-01', issuingOffice: '湖滨派出所' } },
    };
    const actor = createActor(built.machine, { snapshot: built.machine.resolveState({ value: { review: 'step' }, context }), input });
    actor.start();
    actor.send({ type: 'CONFIRM' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(built.view(actor.getSnapshot() as never)).toMatchObject({ stepId: 'print', data: { step: 'a4Print', state: 'printed' } });
    // The back-end is told the holder's document type by its code.
    expect(calls.issued).toEqual([expect.objectContaining({ type: 'noCriminalRecord', holder: { name: '陈思远', idNumber: CHEN, idDocumentType: 'residentIdCard' } })]);
    expect(documents.requests).toHaveLength(1);
    actor.stop();
  });

  it('a record that does not allow a certificate keeps the print shut even with everything else passed', async () => {
    const { kit, documents } = testKit(noCriminalRecord.id, noCriminalRecord.catalogue.name, 'certificates', { parsedSettings: { validityNote: false } });
    const built = buildFlow(noCriminalRecord.flow(kit), kit);
    const input = { sessionId: 'session-gate', flowId: 'flow-gate-0002', identity: card(CHEN) };
    const context: FlowContext = {
      ...initialContext(input),
      consent: true,
      face: { passed: true, attempts: 1, last: 'passed' },
      passed: ['identify', 'consent', 'faceCheck', 'registration', 'purpose', 'record'],
      facts: { purpose: 'employment', record: { result: 'record', queryDate: '2026-12-01', issuingOffice: '湖滨派出所' } },
    };
    const actor = createActor(built.machine, { snapshot: built.machine.resolveState({ value: { review: 'step' }, context }), input });
    actor.start();
    actor.send({ type: 'CONFIRM' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(built.view(actor.getSnapshot() as never)).toMatchObject({ stepId: 'failed', data: { reason: 'internal' } });
    expect(documents.requests).toEqual([]);
    actor.stop();
  });
});
