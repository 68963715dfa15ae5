/**
 * The kiosk's flows from the service modules and the site's settings
 * (`services.settings.<serviceId>`): settings that break a service's schema,
 * or name a service the kiosk does not have, stop the host at start with a
 * message naming the field, rather than failing in front of a citizen; the
 * settings a service accepts reach its flow.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../electron/host/config/load';
import { createDocumentPages } from '../../../electron/host/capture/documents/document-pages';
import { createSessionAttachments } from '../../../electron/host/flows/session-attachments';
import { createSessionStore } from '../../../electron/host/session/session-store';
import { createHost } from '../../../electron/host/create-host';
import { createKioskFlows } from '../../../electron/host/services/kiosk-flows';
import type { FlowKit } from '../../../electron/host/flows/library';
import { SERVICE_MODULES } from '../../../electron/host/services/registry';
import { createFakeDevices } from './fake-devices';
import { identity, kioskFlows, passFace, recordingDesk, recordingQueue, recordingSlips, sandbox, startRun, waitForView } from './flows/kiosk-flow-fakes';

const logger = pino({ level: 'silent' });

function flowsWith(settings: Record<string, unknown>) {
  return createKioskFlows({
    config: defaultConfig({ services: { settings } }),
    modules: SERVICE_MODULES,
    gateway: sandbox(),
    documents: recordingDesk(),
    slips: recordingSlips(),
    applications: recordingQueue(),
    documentPages: createDocumentPages(createSessionStore()), attachments: createSessionAttachments(createSessionStore(), 'HB-KIOSK-01'),
    logger,
  });
}

/** A run of the 无犯罪记录证明 flow to its review, for the purpose `purpose`. */
async function toReview(settings: Record<string, unknown>, purpose: string) {
  const h = kioskFlows({ config: { services: { settings } } });
  const flow = startRun(h, 'no-criminal-record', identity('410402199001011230', { name: '陈思远' }));
  flow.send({ type: 'CONFIRM' });
  flow.send({ type: 'CONSENT', granted: true });
  flow.send(passFace);
  await waitForView(flow, (v) => v.stepId === 'purpose');
  flow.send({ type: 'CHOOSE', value: purpose });
  const review = await waitForView(flow, (v) => v.step === 'review');
  return { h, flow, review };
}

describe('kiosk flows and the site’s service settings', () => {
  it('hands the endorsement writer to every flow’s kit when the kiosk has one, and none when it has not', () => {
    const writer = { readPermit: async () => ({ ok: false as const, error: 'noCard' as const }), writeEndorsement: async () => ({ ok: false as const, error: 'noCard' as const }) };
    const kits: Array<FlowKit['endorsementWriter']> = [];
    const base = SERVICE_MODULES[0]!;
    const spy = { ...base, flow: (kit: FlowKit) => (kits.push(kit.endorsementWriter), base.flow(kit)) };
    const deps = { config: defaultConfig(), modules: [spy], gateway: sandbox(), documents: recordingDesk(), slips: recordingSlips(), applications: recordingQueue(), documentPages: createDocumentPages(createSessionStore()), attachments: createSessionAttachments(createSessionStore(), 'HB-KIOSK-01'), logger };
    expect(createKioskFlows({ ...deps, endorsementWriter: writer }).ok).toBe(true);
    expect(createKioskFlows(deps).ok).toBe(true);
    expect(kits).toEqual([writer, undefined]);
  });

  it('builds a flow for every service module with the default settings', () => {
    const built = flowsWith({});
    if (!built.ok) throw new Error(built.error);
    expect(built.value.map((flow) => flow.id).sort()).toEqual(SERVICE_MODULES.map((module) => module.id).sort());
  });

  it('refuses settings that break a service’s schema, naming the service and the field', () => {
    const built = flowsWith({ 'no-criminal-record': { validityNote: 'yes' } });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.error).toMatch(/^services\.settings\.no-criminal-record\.validityNote: /);
    // A setting the service does not know is refused too (a typo must not be ignored).
    expect(flowsWith({ 'no-criminal-record': { validityNotes: true } })).toMatchObject({ ok: false, error: expect.stringMatching(/^services\.settings\.no-criminal-record/) });
  });

  it('refuses settings for a service the kiosk does not have', () => {
    expect(flowsWith({ passport: { fast: true } })).toEqual({ ok: false, error: 'services.settings: no kiosk service is called passport' });
    expect(flowsWith({ 'no-criminal-record': {}, passport: {}, visa: {} })).toEqual({ ok: false, error: 'services.settings: no kiosk service is called passport, visa' });
  });

  it('refuses settings for a service that reads none, rather than ignoring them', () => {
    const settingless = SERVICE_MODULES.find((module) => !module.settings);
    if (!settingless) return;
    expect(flowsWith({ [settingless.id]: { anything: 1 } })).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^services\\.settings\\.${settingless.id}: `)) });
    expect(flowsWith({ [settingless.id]: {} }).ok).toBe(true);
  });

  it('a host with such settings does not start, and says which setting is wrong', () => {
    const config = defaultConfig({ services: { settings: { 'no-criminal-record': { validityNote: 'yes' } } } });
    expect(() => createHost(config, { logger, devices: createFakeDevices([]) })).toThrow(/OneDoor cannot start: services\.settings\.no-criminal-record\.validityNote/);
  });

  it('the settings a service accepts reach its flow: the validity note shows on the review and prints on the certificate only where the site asks', async () => {
    const validity = 'svc.no-criminal-record.notes.validity';
    const plain = await toReview({}, 'employment');
    expect(plain.review.data).toMatchObject({ step: 'review', noteKeys: expect.not.arrayContaining([validity]) });

    const asked = await toReview({ 'no-criminal-record': { validityNote: true } }, 'employment');
    expect(asked.review.data).toMatchObject({ step: 'review', noteKeys: expect.arrayContaining([validity]) });
    asked.flow.send({ type: 'CONFIRM' });
    await waitForView(asked.flow, (v) => v.data.step === 'a4Print' && v.data.state === 'printed');
    expect(asked.h.desk.issued[0]!.request.vars.notes).toEqual(['请按用证单位要求的有效期限使用本证明。']);
  });
});
