import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type EventEnvelope } from '../../../electron/contract';
import { defaultConfig } from '../../../electron/host/config/load';
import { createHost } from '../../../electron/host/create-host';
import { loadSampleCard } from '../../../drivers/idcard/sample-cards';
import { maskIdNumber, maskName } from '../../../domain/mask';
import { createFakeDevices } from './fake-devices';

const call = (method: string, params: unknown = {}) => ({ v: PROTOCOL_VERSION, type: 'call', id: 'r', method, params });

function sample(name: string) {
  const loaded = loadSampleCard(name);
  if (!loaded.ok) throw new Error(`sample ${name} missing`);
  return { text: loaded.value.text, photo: loaded.value.photo, readAt: new Date(), card: loaded.value.card };
}

async function makeHost(config = defaultConfig()) {
  const devices = createFakeDevices([]);
  const host = createHost(config, { logger: pino({ level: 'silent' }), devices });
  const events: EventEnvelope[] = [];
  host.onEvent((e) => events.push(e));
  await host.start();
  return { host, devices, events };
}

afterEach(() => vi.useRealTimers());

describe('card placed on the reader', () => {
  it('at the attract screen starts a session carrying the identity read', async () => {
    const { host, devices, events } = await makeHost();
    const { card, ...raw } = sample('resident-han');
    devices.present(raw);
    const started = events.find((e) => e.event === 'session.started');
    // Masked: the renderer's header needs no more, and the event goes over the wire to the screen.
    expect(started?.payload).toEqual({
      session: expect.objectContaining({ sessionId: expect.any(String) }),
      identity: { source: 'card', cardType: 'resident', nameMasked: maskName(card.name), idNumberMasked: `${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(14)}`, idNumberValid: true, expired: false },
    });
    const current = await host.dispatch(call('session.current'));
    expect(current).toMatchObject({ ok: true, result: { identity: { nameMasked: maskName(card.name) } } });
    expect(JSON.stringify([events, current])).not.toContain(card.name);
    expect(JSON.stringify([events, current])).not.toContain(card.idNumber);
    await host.stop();
  });

  it('a card read during a session is announced masked', async () => {
    const { host, devices, events } = await makeHost();
    const opened = await host.dispatch(call('session.start', { language: 'zh-CN', elderMode: false }));
    const sessionId = (opened as { result: { sessionId: string } }).result.sessionId;
    const { card, ...raw } = sample('resident-han');
    devices.present(raw);
    const read = events.find((e) => e.event === 'identity.read');
    expect(read?.payload).toEqual({ sessionId, identity: expect.objectContaining({ nameMasked: maskName(card.name), idNumberMasked: maskIdNumber(card.idNumber) }) });
    expect(JSON.stringify(events)).not.toContain(card.name);
    expect(JSON.stringify(events)).not.toContain(card.idNumber);
    // The session itself holds the full identity: the flows and the journal work on it.
    const typedLater = await host.dispatch(call('session.current'));
    expect(typedLater).toMatchObject({ result: { session: { sessionId }, identity: { nameMasked: maskName(card.name) } } });
    await host.stop();
  });

  it('a number typed in a session is announced masked like a card, so the header greets the person the flow acts for', async () => {
    const { host, devices, events } = await makeHost();
    const { card, ...raw } = sample('resident-han');
    devices.present(raw);
    const started = events.find((e) => e.event === 'session.started');
    const sessionId = (started?.payload as { session: { sessionId: string } }).session.sessionId;
    expect(await host.dispatch(call('identity.typed', { sessionId, idNumber: '11010519491231002X' }))).toMatchObject({ ok: true });
    const announced = events.filter((e) => e.event === 'identity.read').map((e) => e.payload);
    expect(announced).toEqual([{ sessionId, identity: expect.objectContaining({ source: 'typed', idNumberMasked: '1101**********002X', nameMasked: null }) }]);
    expect(JSON.stringify(events)).not.toContain(card.idNumber);
    await host.stop();
  });

  it('during a session becomes that session’s identity instead of starting another', async () => {
    const { host, devices, events } = await makeHost();
    const opened = await host.dispatch(call('session.start', { language: 'en', elderMode: true }));
    const sessionId = (opened as { result: { sessionId: string } }).result.sessionId;
    devices.present(sample('hmt-hong-kong'));
    expect(events.filter((e) => e.event === 'session.started')).toHaveLength(0);
    expect(events.find((e) => e.event === 'identity.read')?.payload).toMatchObject({ sessionId, identity: { cardType: 'hmt' } });
    await host.stop();
  });

  it('reports an unusable card by message key only, and a failed read likewise', async () => {
    const { host, devices, events } = await makeHost();
    const raw = sample('resident-han');
    const text = raw.text.slice();
    text[248] = 0x51; // 'Q': not a known card type
    devices.present({ ...raw, text });
    devices.readFailed();
    const failures = events.filter((e) => e.event === 'identity.readFailed').map((e) => e.payload);
    expect(failures).toEqual([{ messageKey: 'identity.unknownCardType' }, { messageKey: 'identity.readFailed' }]);
    expect(events.some((e) => e.event === 'session.started')).toBe(false);
    await host.stop();
  });

  it('flags a card whose ID number fails its checksum', async () => {
    const { host, devices, events } = await makeHost();
    devices.present(sample('resident-bad-checksum'));
    expect(events.find((e) => e.event === 'session.started')?.payload).toMatchObject({ identity: { idNumberValid: false } });
    await host.stop();
  });
});

describe('typed ID number', () => {
  it('accepts a valid typed number as the session identity and refuses an invalid one', async () => {
    const { host } = await makeHost();
    const opened = await host.dispatch(call('session.start', { language: 'zh-CN', elderMode: false }));
    const sessionId = (opened as { result: { sessionId: string } }).result.sessionId;
    expect(await host.dispatch(call('identity.typed', { sessionId, idNumber: '11010519491231002x' }))).toMatchObject({
      ok: true,
      result: { source: 'typed', idNumberMasked: '1101**********002X', nameMasked: null },
    });
    expect(await host.dispatch(call('identity.typed', { sessionId, idNumber: '110105194912310021' }))).toMatchObject({ ok: false, error: { messageKey: 'idNumber.invalid' } });
    await host.stop();
  });
});

describe('help, preferences and the idle backstop', () => {
  it('raises a help call that staff screens hear', async () => {
    const { host, events } = await makeHost();
    const reply = await host.dispatch(call('help.request', { sessionId: null, reason: 'button', step: 'attract' }));
    expect(reply.ok).toBe(true);
    expect(events.find((e) => e.event === 'help.requested')?.payload).toMatchObject({ reason: 'button', kioskId: 'HB-KIOSK-01' });
    await host.stop();
  });

  it('changes language and elder mode mid-session', async () => {
    const { host } = await makeHost();
    const opened = await host.dispatch(call('session.start', { language: 'zh-CN', elderMode: false }));
    const sessionId = (opened as { result: { sessionId: string } }).result.sessionId;
    expect(await host.dispatch(call('session.preferences', { sessionId, language: 'en', elderMode: true }))).toMatchObject({ result: { language: 'en', elderMode: true } });
    await host.stop();
  });

  it('ends and wipes a session with no activity for the backstop time, even without a renderer', async () => {
    vi.useFakeTimers();
    const { host, devices, events } = await makeHost(defaultConfig({ session: { backstopSeconds: 60 } }));
    devices.present(sample('resident-han'));
    await vi.advanceTimersByTimeAsync(59_000);
    const sessionId = ((await host.dispatch(call('session.current'))) as { result: { session: { sessionId: string } } }).result.session.sessionId;
    await host.dispatch(call('session.activity', { sessionId }));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(events.some((e) => e.event === 'session.ended')).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(events.find((e) => e.event === 'session.ended')?.payload).toEqual({ sessionId, reason: 'timeout' });
    expect(await host.dispatch(call('session.current'))).toMatchObject({ result: { session: null, identity: null } });
    await host.stop();
  });
});
