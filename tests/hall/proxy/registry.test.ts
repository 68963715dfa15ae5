import { describe, expect, it } from 'vitest';
import { ProxyDown, type IceServer, type ProxyCaseView, type SignalIn } from '../../../electron/contract/proxy';
import { PhoneCase } from '../../../hall/contract/proxy-api';
import { turnCredentialValid } from '../../../hall/server/proxy/turn-credentials';
import { PRINCIPAL_ID, RECORDING, SIGNATURE, openMessage } from './fixtures';
import { TURN, registryHarness, tokenOf, type RegistryHarness } from './registry-harness';

const officer = { staffNumber: '100234', name: '王建国' };
const otherOfficer = { staffNumber: '100999', name: '李娜' };

async function opened(h: RegistryHarness, kioskId = 'k1', requestId = 'req-00000001') {
  await h.registry.fromKiosk(kioskId, openMessage({ requestId }));
  const answer = h.lastTo(kioskId, 'opened');
  if (answer?.type !== 'opened') throw new Error(`no opened for ${kioskId}: ${JSON.stringify(h.toKiosk.at(-1))}`);
  return answer;
}

/** Opened, claimed, verified, joined, recorded: ready for signatures. */
async function recordedCase(h: RegistryHarness) {
  const answer = await opened(h);
  const claim = h.registry.claim(tokenOf(answer.inviteUrl));
  if (!claim.ok) throw new Error(claim.error);
  h.registry.principalVerified(answer.caseId);
  expect(h.registry.join(answer.caseId, officer).ok).toBe(true);
  expect(h.registry.recordingStarted(answer.caseId, officer).ok).toBe(true);
  expect(h.registry.recordingStored(answer.caseId, officer, RECORDING).ok).toBe(true);
  return { caseId: answer.caseId, phoneSecret: claim.value.phoneSecret };
}

describe('opening a proxy case from a kiosk', () => {
  it('answers opened with a one-time link, sends the SMS, and gives TURN credentials for the kiosk', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    expect(ProxyDown.parse(answer)).toEqual(answer);
    expect(answer.inviteUrl).toMatch(/^https:\/\/hall\.example:8751\/p\/#t=[A-Za-z0-9_-]{43}$/);
    expect(answer.sms).toBe('sent');
    expect(answer.case).toMatchObject({ state: 'invited', kioskId: 'k1', principal: { nameMasked: null, idNumberMasked: '4104**********4564' }, linkExpiresAt: '2026-12-03T02:10:00.000Z' });
    const turn = answer.iceServers[0]!;
    expect(turn.username).toMatch(new RegExp(`:${answer.caseId}:kiosk$`));
    expect(turnCredentialValid(TURN.secret, turn.username!, turn.credential!, h.clock.now())).toBe(true);
    const [sms] = h.sms.messages();
    expect(sms?.mobile).toBe('13812345678');
    expect(sms?.text).toBe(`【郑州市公安局出入境大厅】张* 请您通过视频确认代办 无犯罪记录证明，链接10分钟内有效：${answer.inviteUrl}`);
    // Logs: the masked mobile only, never the link, the token or the full numbers.
    expect(h.logs).toContain('SMS (sandbox) → 138****5678');
    const logText = h.logs.join('\n');
    for (const secret of [tokenOf(answer.inviteUrl), PRINCIPAL_ID, '13812345678']) expect(logText).not.toContain(secret);
  });

  it('refuses a service not allowed by proxy, an invalid ID number, and the agent as their own principal', async () => {
    const h = registryHarness();
    await h.registry.fromKiosk('k1', openMessage({ requestId: 'req-refused-1', serviceId: 'passport-photo' }));
    await h.registry.fromKiosk('k1', openMessage({ requestId: 'req-refused-2', principal: { idNumber: '410402195503014565', mobile: '13812345678' } }));
    await h.registry.fromKiosk('k1', openMessage({ requestId: 'req-refused-3', agent: { nameMasked: '张*', idNumberMasked: '4104**********4564' } }));
    expect(h.toKiosk.map((m) => m.message)).toEqual([
      { type: 'openRefused', requestId: 'req-refused-1', reason: 'serviceNotProxyAllowed' },
      { type: 'openRefused', requestId: 'req-refused-2', reason: 'invalidRequest' },
      { type: 'openRefused', requestId: 'req-refused-3', reason: 'principalIsAgent' },
    ]);
    expect(h.registry.list('all')).toEqual([]);
    expect(h.sms.messages()).toEqual([]);
  });

  it('keeps one live case per kiosk: a new open ends the old one; the same request again gets the same case', async () => {
    const h = registryHarness();
    const first = await opened(h, 'k1', 'req-00000001');
    const again = await opened(h, 'k1', 'req-00000001');
    expect(again.caseId).toBe(first.caseId);
    expect(again.inviteUrl).toBe(first.inviteUrl);
    expect(h.sms.messages()).toHaveLength(1);
    const second = await opened(h, 'k1', 'req-00000002');
    expect(second.caseId).not.toBe(first.caseId);
    expect(h.registry.list('open').map((c) => c.caseId)).toEqual([second.caseId]);
    expect(h.registry.list('all').find((c) => c.caseId === first.caseId)).toMatchObject({ state: 'dropped', endReason: 'agentCancelled' });
    expect(h.registry.claim(tokenOf(first.inviteUrl))).toEqual({ ok: false, error: 'linkExpired' });
  });

  it('sends one mobile at most three invitations an hour: a kiosk opening case after case cannot flood a phone', async () => {
    const h = registryHarness();
    const answers = [];
    for (let i = 1; i <= 5; i++) answers.push(await opened(h, 'k1', `req-0000000${i}`));
    expect(answers.map((a) => a.sms)).toEqual(['sent', 'sent', 'sent', 'failed', 'failed']);
    expect(h.sms.messages()).toHaveLength(3);
  });

  it('still opens when the SMS gateway fails (the QR code works), and says notConfigured without one', async () => {
    const failing = registryHarness({ sms: { send: () => Promise.resolve({ ok: false, error: 'failed' }) } });
    expect((await opened(failing)).sms).toBe('failed');
    const none = registryHarness({ sms: null });
    expect((await opened(none)).sms).toBe('notConfigured');
  });
});

describe("the service's name is the hall's", () => {
  it('names the service from the hall’s own table in the statement, the SMS and every view, whatever name the kiosk sent', async () => {
    const h = registryHarness();
    const forged = { 'zh-CN': '房产过户及全部财产处置', en: 'Transfer of all property' };
    await h.registry.fromKiosk('k1', openMessage({ serviceId: 'residence-permit-endorsement', serviceName: forged }));
    const answer = h.lastTo('k1', 'opened');
    if (answer?.type !== 'opened') throw new Error('not opened');
    const hallName = { 'zh-CN': '居住证签注', en: 'Residence permit annual endorsement' };
    expect(answer.case.serviceName).toEqual(hallName);
    expect(h.sms.messages()[0]?.text).toContain('请您通过视频确认代办 居住证签注，');
    h.registry.claim(tokenOf(answer.inviteUrl));
    h.registry.principalVerified(answer.caseId);
    const phone = h.registry.phoneCase(answer.caseId);
    if (!phone.ok) throw new Error(phone.error);
    expect(phone.value.statement.serviceName).toEqual(hallName);
    expect(phone.value.statement.text).toContain('代为办理“居住证签注”');
    const joined = h.registry.join(answer.caseId, officer);
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.value.statement.serviceName).toEqual(hallName);
    expect(h.registry.list('all')[0]?.serviceName).toEqual(hallName);
    expect(JSON.stringify([h.toKiosk, h.sms.messages(), phone.value, joined.value, h.registry.list('all')])).not.toContain('房产');
  });

  it('opens a case from a kiosk that sends no name at all, and refuses a configured service the hall has no name for', async () => {
    const h = registryHarness({ proxyServiceIds: ['no-criminal-record', 'household-move'] });
    const { serviceName: _ignored, ...nameless } = openMessage();
    await h.registry.fromKiosk('k1', nameless);
    expect(h.lastTo('k1', 'opened')).toMatchObject({ case: { serviceName: { 'zh-CN': '无犯罪记录证明' } } });
    await h.registry.fromKiosk('k2', openMessage({ requestId: 'req-unnamed-1', serviceId: 'household-move' }));
    expect(h.lastTo('k2', 'openRefused')).toEqual({ type: 'openRefused', requestId: 'req-unnamed-1', reason: 'serviceNotProxyAllowed' });
  });
});

describe("the case's time limit", () => {
  it('ends a case live past caseMinutes as caseTimeLimit, and tells the kiosk, the console and the phone', async () => {
    const h = registryHarness({ caseMinutes: 20 });
    const consoles: ProxyCaseView[] = [];
    h.registry.onCase((view) => consoles.push(view));
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    const phoneViews: PhoneCase[] = [];
    h.registry.onPhoneCase(answer.caseId, (view) => phoneViews.push(view));
    h.registry.principalVerified(answer.caseId);
    expect(h.registry.join(answer.caseId, officer).ok).toBe(true);
    h.registry.attached(answer.caseId, 'console');
    h.clock.advance(19 * 60_000);
    expect(h.registry.list('open')).toMatchObject([{ state: 'inCall' }]);
    h.clock.advance(60_000);
    expect(h.registry.list('open')).toEqual([]);
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'dropped', endReason: 'caseTimeLimit' } });
    expect(consoles.at(-1)).toMatchObject({ caseId: answer.caseId, state: 'dropped', endReason: 'caseTimeLimit' });
    expect(phoneViews.at(-1)).toMatchObject({ state: 'dropped', endReason: 'caseTimeLimit' });
    expect(h.registry.principalIdNumber(answer.caseId)).toBeNull();
  });

  it('leaves a case decided before the limit as it was', async () => {
    const h = registryHarness({ caseMinutes: 20 });
    const { caseId } = await recordedCase(h);
    expect(h.registry.decide(caseId, officer, { approve: false, reason: '委托人表示并不知情' }).ok).toBe(true);
    h.clock.advance(25 * 60_000);
    expect(h.registry.list('all')).toMatchObject([{ state: 'refused', endReason: 'refusedByOfficer' }]);
  });
});

describe("the principal's link", () => {
  it('is claimed once: the first phone gets a secret, any later claim is linkUsed, an unknown one linkUnknown', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    const token = tokenOf(answer.inviteUrl);
    const first = h.registry.claim(token);
    expect(first.ok && first.value.claimed).toEqual({ hallName: '郑州市公安局出入境大厅', linkExpiresAt: '2026-12-03T02:10:00.000Z', maxFaceAttempts: 3 });
    expect(h.registry.claim(token)).toEqual({ ok: false, error: 'linkUsed' });
    expect(h.registry.claim('x'.repeat(43))).toEqual({ ok: false, error: 'linkUnknown' });
    if (!first.ok) throw new Error('claim failed');
    expect(h.registry.phoneCaseId(first.value.phoneSecret)).toEqual({ ok: true, value: answer.caseId });
    expect(h.registry.phoneCaseId('y'.repeat(43))).toEqual({ ok: false, error: 'notClaimed' });
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'principalJoined' } });
    // Before the face check the phone learns nothing about the case.
    expect(h.registry.phoneCase(answer.caseId)).toEqual({ ok: false, error: 'notVerified' });
    expect(h.registry.principalIdNumber(answer.caseId)).toBe(PRINCIPAL_ID);
  });

  it('expires after 10 minutes: a late claim is linkExpired and a case not yet verified ends expired', async () => {
    const h = registryHarness();
    const unused = await opened(h, 'k1');
    const claimedOnly = await opened(h, 'k2');
    expect(h.registry.claim(tokenOf(claimedOnly.inviteUrl)).ok).toBe(true);
    h.clock.advance(10 * 60_000);
    expect(h.registry.claim(tokenOf(unused.inviteUrl))).toEqual({ ok: false, error: 'linkExpired' });
    expect(h.registry.list('all').map((c) => [c.kioskId, c.state, c.endReason]).sort()).toEqual([
      ['k1', 'expired', 'linkExpired'],
      ['k2', 'expired', 'linkExpired'],
    ]);
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'expired', endReason: 'linkExpired' } });
    // The principal's full number is gone with the case.
    expect(h.registry.principalIdNumber(unused.caseId)).toBeNull();
  });

  it('does not expire a verified case at the link deadline', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    h.registry.principalVerified(answer.caseId);
    h.clock.advance(11 * 60_000);
    expect(h.registry.list('open')).toMatchObject([{ state: 'principalVerified' }]);
  });

  it('ends failed when the face check runs out of tries', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    const claim = h.registry.claim(tokenOf(answer.inviteUrl));
    h.registry.principalFaceFailed(answer.caseId);
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'failed', endReason: 'principalFaceFailed' } });
    if (claim.ok) expect(h.registry.phoneCaseId(claim.value.phoneSecret)).toEqual({ ok: false, error: 'caseEnded' });
  });
});

describe('a proxy case from the link to the decision', () => {
  it('runs to approved: the phone sees the statement, both sign, the officer approves, the kiosk reports completion', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    const claim = h.registry.claim(tokenOf(answer.inviteUrl));
    if (!claim.ok) throw new Error(claim.error);
    const phoneViews: PhoneCase[] = [];
    h.registry.onPhoneCase(answer.caseId, (view) => phoneViews.push(view));
    h.registry.principalVerified(answer.caseId);
    const phone = h.registry.phoneCase(answer.caseId);
    if (!phone.ok) throw new Error(phone.error);
    expect(PhoneCase.parse(phone.value)).toEqual(phone.value);
    expect(phone.value.statement).toMatchObject({ principalIdNumberMasked: '4104**********4564', agentNameMasked: '张*', date: '2026-12-03', hallName: '郑州市公安局出入境大厅' });
    expect(phone.value.statement.text).toBe('本人（身份证号 4104**********4564）委托 张*（身份证号 4104**********1238）于 2026-12-03 在郑州市公安局出入境大厅代为办理“无犯罪记录证明”。');
    expect(phone.value.iceServers[0]?.username).toMatch(/:phone$/);

    const joined = h.registry.join(answer.caseId, officer);
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.value.case).toMatchObject({ state: 'inCall', officer: { staffNumber: '100234', nameMasked: '王**' } });
    expect(joined.value.iceServers[0]?.username).toMatch(/:console$/);
    expect(h.registry.join(answer.caseId, otherOfficer)).toEqual({ ok: false, error: 'otherOfficer' });
    h.registry.attached(answer.caseId, 'console');
    expect(phoneViews.at(-1)).toMatchObject({ state: 'inCall', officerPresent: true });

    expect(h.registry.recordingStarted(answer.caseId, officer)).toMatchObject({ ok: true, value: { state: 'recording' } });
    expect(h.registry.decide(answer.caseId, officer, { approve: true })).toEqual({ ok: false, error: 'recordingMissing' });
    expect(h.registry.recordingStored(answer.caseId, officer, RECORDING)).toMatchObject({ ok: true, value: { state: 'recorded', recording: RECORDING } });
    expect(h.registry.decide(answer.caseId, officer, { approve: true })).toEqual({ ok: false, error: 'notSigned' });
    expect(h.registry.principalSigned(answer.caseId, SIGNATURE)).toMatchObject({ ok: true, value: { principalSigned: true } });
    await h.registry.fromKiosk('k1', { type: 'agentSigned', caseId: answer.caseId, signatureSha256: 'b'.repeat(64) });
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { principalSigned: true, agentSigned: true } });
    const approved = h.registry.decide(answer.caseId, officer, { approve: true });
    expect(approved).toMatchObject({ ok: true, value: { state: 'approved', decision: { approved: true, reason: null } } });
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'approved' } });
    expect(phoneViews.at(-1)).toMatchObject({ state: 'approved' });
    expect(h.registry.principalIdNumber(answer.caseId)).toBeNull();
    await h.registry.fromKiosk('k1', { type: 'completed', caseId: answer.caseId, outcome: 'completed' });
    expect(h.registry.list('all')).toMatchObject([{ state: 'approved' }]);
  });

  it('refuses with the reason, and tells the kiosk', async () => {
    const h = registryHarness();
    const { caseId } = await recordedCase(h);
    const refused = h.registry.decide(caseId, officer, { approve: false, reason: '委托人表示并不知情' });
    expect(refused).toMatchObject({ ok: true, value: { state: 'refused', endReason: 'refusedByOfficer', decision: { approved: false, reason: '委托人表示并不知情' } } });
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'refused' } });
    expect(h.registry.decide(caseId, officer, { approve: true })).toEqual({ ok: false, error: 'caseEnded' });
  });

  it('drops the case when the recording could not be stored', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    h.registry.principalVerified(answer.caseId);
    h.registry.join(answer.caseId, officer);
    h.registry.recordingStarted(answer.caseId, officer);
    h.registry.recordingFailed(answer.caseId);
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'dropped', endReason: 'recordingNotStored' } });
  });

  it('keeps a signature before the recording out, and the other officer away from the decision', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    expect(h.registry.principalSigned(answer.caseId, SIGNATURE)).toEqual({ ok: false, error: 'notVerified' });
    h.registry.principalVerified(answer.caseId);
    expect(h.registry.principalSigned(answer.caseId, SIGNATURE)).toEqual({ ok: false, error: 'badRequest' });
    h.registry.join(answer.caseId, officer);
    expect(h.registry.decide(answer.caseId, otherOfficer, { approve: false, reason: '代为拒绝' })).toEqual({ ok: false, error: 'otherOfficer' });
    expect(h.registry.join('unknown-case-id', officer)).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('the kiosk speaks only for its own case', () => {
  it("ignores another kiosk's cancel, signature, signal and completion", async () => {
    const h = registryHarness();
    const { caseId } = await recordedCase(h);
    const consoleGot: SignalIn[] = [];
    h.registry.hub.attach(caseId, 'console', (signal) => consoleGot.push(signal));
    const before = h.toKiosk.length;
    await h.registry.fromKiosk('k2', { type: 'cancel', caseId, reason: 'agentCancelled' });
    await h.registry.fromKiosk('k2', { type: 'agentSigned', caseId, signatureSha256: 'c'.repeat(64) });
    await h.registry.fromKiosk('k2', { type: 'signal', caseId, to: 'console', body: { kind: 'hello' } });
    expect(consoleGot).toEqual([]);
    expect(h.registry.list('open')).toMatchObject([{ caseId, state: 'recorded', agentSigned: false }]);
    expect(h.toKiosk.slice(before)).toEqual([]);
    await h.registry.fromKiosk('k1', { type: 'signal', caseId, to: 'console', body: { kind: 'hello' } });
    expect(consoleGot).toEqual([{ caseId, from: 'kiosk', body: { kind: 'hello' } }]);
    await h.registry.fromKiosk('k1', { type: 'cancel', caseId, reason: 'kioskSessionEnded' });
    expect(h.registry.list('all')).toMatchObject([{ caseId, state: 'dropped', endReason: 'kioskSessionEnded' }]);
    // The console is told bye from both its peers: its call ends.
    expect(consoleGot.slice(-2)).toEqual([
      { caseId, from: 'kiosk', body: { kind: 'bye' } },
      { caseId, from: 'phone', body: { kind: 'bye' } },
    ]);
  });
});

describe('signalling through the hub', () => {
  it('relays between phone, console and kiosk with the sender stamped, and drops a signal to an absent party', async () => {
    const h = registryHarness();
    const { caseId } = await recordedCase(h);
    const phoneGot: SignalIn[] = [];
    const leavePhone = h.registry.hub.attach(caseId, 'phone', (signal) => phoneGot.push(signal));
    h.registry.hub.relay(caseId, 'console', 'phone', { kind: 'hello' });
    h.registry.hub.relay(caseId, 'phone', 'kiosk', { kind: 'candidate', candidate: null });
    expect(phoneGot).toEqual([{ caseId, from: 'console', body: { kind: 'hello' } }]);
    expect(h.lastTo('k1', 'signal')).toEqual({ type: 'signal', caseId, from: 'phone', body: { kind: 'candidate', candidate: null } });
    h.registry.hub.relay(caseId, 'phone', 'console', { kind: 'hello' });
    expect(h.registry.hub.dropped()).toBe(1);
    leavePhone();
    h.registry.hub.relay(caseId, 'console', 'phone', { kind: 'hello' });
    expect(phoneGot).toHaveLength(1);
    expect(h.registry.hub.dropped()).toBe(2);
  });
});

describe('presence and the reconnect window', () => {
  it('keeps a case through a phone reconnect within 30 s and drops it after', async () => {
    const h = registryHarness();
    const { caseId } = await recordedCase(h);
    h.registry.attached(caseId, 'phone');
    h.registry.detached(caseId, 'phone');
    h.clock.advance(29_000);
    h.registry.attached(caseId, 'phone');
    h.clock.advance(60_000);
    expect(h.registry.list('open')).toHaveLength(1);
    h.registry.detached(caseId, 'phone');
    h.clock.advance(30_000);
    expect(h.registry.list('all')).toMatchObject([{ state: 'dropped', endReason: 'principalLeft' }]);
  });

  it('tells a verified phone that was away how its case ended; nothing while it is live, nothing to an unknown secret', async () => {
    const h = registryHarness();
    const { caseId, phoneSecret } = await recordedCase(h);
    expect(h.registry.endedPhoneCase(phoneSecret)).toBeNull();
    h.registry.attached(caseId, 'phone');
    h.registry.detached(caseId, 'phone');
    h.clock.advance(30_000);
    expect(h.registry.phoneCaseId(phoneSecret)).toEqual({ ok: false, error: 'caseEnded' });
    expect(h.registry.endedPhoneCase(phoneSecret)).toMatchObject({ caseId, state: 'dropped', endReason: 'principalLeft' });
    expect(h.registry.endedPhoneCase('y'.repeat(43))).toBeNull();
  });

  it('drops the case when the officer is gone 30 s, or leaves on purpose', async () => {
    const h = registryHarness();
    const { caseId } = await recordedCase(h);
    h.registry.attached(caseId, 'console');
    h.registry.detached(caseId, 'console');
    h.clock.advance(30_000);
    expect(h.lastTo('k1', 'case')).toMatchObject({ case: { state: 'dropped', endReason: 'officerLeft' } });

    const again = registryHarness();
    const second = await recordedCase(again);
    again.registry.officerLeft(second.caseId, otherOfficer);
    expect(again.registry.list('open')).toHaveLength(1);
    again.registry.officerLeft(second.caseId, officer);
    expect(again.registry.list('all')).toMatchObject([{ state: 'dropped', endReason: 'officerLeft' }]);
  });

  it('drops the case when the principal leaves on purpose', async () => {
    const h = registryHarness();
    const { caseId } = await recordedCase(h);
    h.registry.phoneLeft(caseId);
    expect(h.registry.list('all')).toMatchObject([{ state: 'dropped', endReason: 'principalLeft' }]);
  });
});

describe('TURN credentials over a long call', () => {
  it('sends the kiosk fresh ICE servers before the old credentials lapse', async () => {
    const h = registryHarness();
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    h.registry.principalVerified(answer.caseId);
    h.clock.advance(9 * 60_000 + 1000);
    const fresh = h.lastTo('k1', 'iceServers');
    if (fresh?.type !== 'iceServers') throw new Error('no fresh ICE servers');
    const turn = fresh.iceServers[0]!;
    expect(turnCredentialValid(TURN.secret, turn.username!, turn.credential!, new Date(h.clock.now().getTime() + 5 * 60_000))).toBe(true);
  });

  it('gives the phone and the console fresh credentials before theirs lapse, again and again, and stops when the case ends', async () => {
    const h = registryHarness({ caseMinutes: 60 });
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    const phoneViews: PhoneCase[] = [];
    h.registry.onPhoneCase(answer.caseId, (view) => phoneViews.push(view));
    h.registry.principalVerified(answer.caseId);
    const joined = h.registry.join(answer.caseId, officer);
    if (!joined.ok) throw new Error(joined.error);
    h.registry.attached(answer.caseId, 'console');
    const consoleIce: Array<{ at: Date; iceServers: IceServer[] }> = [];
    h.registry.onConsoleIceServers(answer.caseId, (iceServers) => consoleIce.push({ at: h.clock.now(), iceServers }));
    const valid = (iceServers: IceServer[] | undefined, role: string, at: Date) => {
      const turn = iceServers?.[0];
      return turn?.username?.endsWith(`:${role}`) === true && turnCredentialValid(TURN.secret, turn.username, turn.credential!, at);
    };
    // Through a 25-minute call, both always hold credentials that are still good a minute from now.
    for (let minute = 1; minute <= 25; minute += 1) {
      h.clock.advance(60_000);
      const soon = new Date(h.clock.now().getTime() + 60_000);
      expect(valid(phoneViews.at(-1)?.iceServers, 'phone', soon)).toBe(true);
      expect(valid(consoleIce.at(-1)?.iceServers ?? joined.value.iceServers, 'console', soon)).toBe(true);
    }
    expect(consoleIce.length).toBeGreaterThanOrEqual(2);
    h.registry.officerLeft(answer.caseId, officer);
    const [phoneCount, consoleCount] = [phoneViews.length, consoleIce.length];
    h.clock.advance(30 * 60_000);
    expect([phoneViews.length, consoleIce.length]).toEqual([phoneCount, consoleCount]);
  });
});

describe('watching and closing', () => {
  it('tells every change to the console, and ends every live case hallUnavailable when the hall stops', async () => {
    const h = registryHarness();
    const seen: ProxyCaseView[] = [];
    h.registry.onCase((view) => seen.push(view));
    const answer = await opened(h);
    h.registry.claim(tokenOf(answer.inviteUrl));
    await h.registry.close();
    expect(seen.map((v) => v.state)).toEqual(['invited', 'principalJoined', 'dropped']);
    expect(seen.at(-1)?.endReason).toBe('hallUnavailable');
    expect(JSON.stringify(seen)).not.toContain(PRINCIPAL_ID);
  });
});
