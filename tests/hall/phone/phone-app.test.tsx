/** The phone page's screens with the hall faked: what the principal sees at each step, and what it never sees. */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../domain/result';
import { PhoneApp } from '../../../hall/phone/app/PhoneApp';
import { takeInviteLink, takeInviteToken } from '../../../hall/phone/app/invite-token';
import { createPhoneI18n } from '../../../hall/phone/i18n';
import type { FaceScreenProps } from '../../../hall/phone/screens/FaceScreen';
import { SignPanel } from '../../../hall/phone/screens/SignPanel';
import { I18nextProvider } from 'react-i18next';
import { fakePhone, HALL, phoneCase, PRINCIPAL, type FakePhone } from './fake-phone';

const TOKEN = 'A'.repeat(43);

/** A face check that passes (or fails) as soon as it shows: the camera's part is the renderer's and tested there. */
function passingFace({ onVerified }: FaceScreenProps): ReactElement {
  useEffect(() => onVerified(), [onVerified]);
  return <p>face</p>;
}
function failingFace({ onFailed }: FaceScreenProps): ReactElement {
  useEffect(() => onFailed(), [onFailed]);
  return <p>face</p>;
}

function renderPhone(fake: FakePhone, options: { token?: string | null; garbledLink?: boolean; face?: typeof passingFace; language?: 'zh-CN' | 'en' } = {}) {
  const store = new Map<string, string>();
  const user = userEvent.setup();
  render(
    <PhoneApp
      api={fake.api}
      i18n={createPhoneI18n(options.language ?? 'zh-CN')}
      token={options.token === undefined ? TOKEN : options.token}
      garbledLink={options.garbledLink}
      openChannel={(caseId) => fake.openChannel(caseId)}
      createMesh={(o) => fake.createMesh(o)}
      openMedia={fake.openMedia}
      store={{ getItem: (key) => store.get(key) ?? null, setItem: (key, value) => void store.set(key, value) }}
      FaceStep={options.face ?? passingFace}
    />,
  );
  return { user };
}

describe('opening the link', () => {
  it('takes the token from the fragment and drops it from the address', () => {
    const replaced: string[] = [];
    const token = takeInviteToken({ hash: `#t=${TOKEN}`, pathname: '/p/', search: '' }, { replaceState: (_s, _t, url) => void replaced.push(String(url)) });
    expect(token).toBe(TOKEN);
    expect(replaced).toEqual(['/p/']);
    expect(takeInviteToken({ hash: '#t=short', pathname: '/p/', search: '' }, { replaceState: () => undefined })).toBeNull();
  });

  it.each([
    ['linkUsed', '这个链接已经用过了'],
    ['linkExpired', '这个链接已经过期'],
    ['linkUnknown', '这个链接无法使用'],
  ] as const)('a %s link is refused in plain words, with nothing about anyone', async (code, words) => {
    const fake = fakePhone();
    fake.claimAnswer = err(code);
    fake.caseAnswer = err('notClaimed');
    renderPhone(fake);
    expect(await screen.findByTestId('claim-problem')).toHaveTextContent(words);
    expect(screen.getByTestId('hall-name')).toHaveTextContent('');
    expect(document.body.textContent).not.toContain(PRINCIPAL);
    expect(screen.queryByTestId('consent-agree')).toBeNull();
  });

  it('tells a garbled link (cut short, changed) from no link at all', () => {
    const keep = { replaceState: () => undefined };
    expect(takeInviteLink({ hash: `#t=${TOKEN}`, pathname: '/p/', search: '' }, keep)).toEqual({ kind: 'token', token: TOKEN });
    expect(takeInviteLink({ hash: '#t=AAAA', pathname: '/p/', search: '' }, keep)).toEqual({ kind: 'garbled' });
    expect(takeInviteLink({ hash: `#t=${TOKEN.slice(0, 20)}%3C`, pathname: '/p/', search: '' }, keep)).toEqual({ kind: 'garbled' });
    expect(takeInviteLink({ hash: '', pathname: '/p/', search: '' }, keep)).toEqual({ kind: 'none' });
  });

  it('a garbled link on a phone with no case of its own is a link that cannot be used', async () => {
    const fake = fakePhone();
    fake.caseAnswer = err('notClaimed');
    renderPhone(fake, { token: null, garbledLink: true });
    expect(await screen.findByTestId('claim-problem')).toHaveTextContent('这个链接无法使用');
    expect(fake.calls).toEqual(['case']);
  });

  it('a garbled link on the phone that claimed the case goes back into it', async () => {
    const fake = fakePhone();
    fake.caseAnswer = err('notVerified');
    renderPhone(fake, { token: null, garbledLink: true });
    expect(await screen.findByTestId('intro-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('claim-problem')).toBeNull();
  });

  it('without a token or a claimed cookie asks for the link', async () => {
    const fake = fakePhone();
    fake.caseAnswer = err('notClaimed');
    renderPhone(fake, { token: null });
    expect(await screen.findByTestId('claim-problem')).toHaveTextContent('请用代办人发给您的链接打开本页面');
    expect(fake.calls).toEqual(['case']);
  });
});

describe('consent', () => {
  it('shows only the hall and what will happen, then starts the face check on agreement', async () => {
    const fake = fakePhone();
    fake.caseAnswer = err('notVerified');
    renderPhone(fake, { face: () => <p data-testid="face-stub">face</p> });
    expect(await screen.findByTestId('intro-screen')).toHaveTextContent('刷脸核对您的身份');
    expect(screen.getByTestId('hall-name')).toHaveTextContent(HALL);
    expect(document.body.textContent).not.toContain(PRINCIPAL);
    await userEvent.click(screen.getByTestId('consent-agree'));
    expect(await screen.findByTestId('face-stub')).toBeInTheDocument();
    expect(fake.calls).toEqual([`claim:${TOKEN.length}`, 'consent:true']);
  });

  it('declining tells the principal nothing was done and leaves the case', async () => {
    const fake = fakePhone();
    renderPhone(fake);
    await userEvent.click(await screen.findByTestId('consent-decline'));
    expect(await screen.findByTestId('outcome-screen')).toHaveAttribute('data-outcome', 'declined');
    expect(screen.getByTestId('outcome-screen')).toHaveTextContent('您没有同意，本次没有办理任何业务');
    expect(fake.calls).toEqual([`claim:${TOKEN.length}`, 'consent:false', 'leave']);
  });

  it('a face check out of tries ends in plain words', async () => {
    const fake = fakePhone();
    renderPhone(fake, { face: failingFace });
    await userEvent.click(await screen.findByTestId('consent-agree'));
    expect(await screen.findByTestId('outcome-screen')).toHaveTextContent('身份核对没有通过，没有办理任何业务');
  });
});

describe('the call', () => {
  async function inCall(fake: FakePhone) {
    fake.caseAnswer = ok(phoneCase());
    const rendered = renderPhone(fake);
    await userEvent.click(await screen.findByTestId('consent-agree'));
    await screen.findByTestId('call-screen');
    return rendered;
  }

  it('after the face check: the agent and officer tiles, a mesh as the phone calling kiosk and console, and a wait for the officer', async () => {
    const fake = fakePhone();
    await inCall(fake);
    expect(screen.getByTestId('tile-kiosk')).toHaveTextContent('代办人');
    expect(screen.getByTestId('tile-console')).toHaveTextContent('请稍等，民警马上就来');
    expect(fake.channels).toEqual([{ caseId: 'case-0001-abcdef', closed: false }]);
    await act(async () => undefined);
    expect(fake.meshes.map((m) => [m.self, [...m.peers]])).toEqual([['phone', ['kiosk', 'console']]]);
    expect(await window.onedoorCallStats?.()).toEqual({ kiosk: { state: 'connecting', framesDecoded: 0, audioPacketsReceived: 0, relayed: false } });
    expect(screen.queryByTestId('statement')).toBeNull();
  });

  it('shows the statement large while recording, then the signature pad, then waits for the decision', async () => {
    const fake = fakePhone();
    await inCall(fake);
    act(() => fake.push(phoneCase({ state: 'recording', officerPresent: true })));
    expect(screen.getByTestId('statement-text')).toHaveTextContent(`我是${PRINCIPAL}，今天自愿委托李*代我办理无犯罪记录证明。`);
    expect(screen.getByTestId('statement')).toHaveTextContent('请大声读出下面这段话');
    act(() => fake.push(phoneCase({ state: 'recorded', officerPresent: true })));
    expect(screen.queryByTestId('statement')).toBeNull();
    expect(screen.getByTestId('sign-panel')).toHaveTextContent('请用手指在框里签上您的名字');
    expect(screen.getByTestId('sign-confirm')).toBeDisabled();
    act(() => fake.push(phoneCase({ state: 'recorded', officerPresent: true, principalSigned: true })));
    expect(screen.getByTestId('waiting-decision')).toHaveTextContent('您已签名。请等民警确认。');
  });

  it.each([
    [phoneCase({ state: 'approved' }), 'approved', '民警已同意。代办人将为您办理“无犯罪记录证明”。'],
    [phoneCase({ state: 'refused', endReason: 'refusedByOfficer' }), 'refusedByOfficer', '民警没有同意这次代办，没有办理任何业务。'],
    [phoneCase({ state: 'dropped', endReason: 'recordingNotStored' }), 'recordingNotStored', '录像没有保存成功，没有办理任何业务'],
    [phoneCase({ state: 'dropped', endReason: 'agentCancelled' }), 'agentCancelled', '代办人取消了办理'],
    // The hall dropped the case because this phone was away too long: its network, not "you left".
    [phoneCase({ state: 'dropped', endReason: 'principalLeft' }), 'networkLost', '网络断了，通话结束，没有办理任何业务。'],
  ])('tells the outcome and closes the call (%#)', async (view, outcome, words) => {
    const fake = fakePhone();
    await inCall(fake);
    act(() => fake.push(view));
    expect(screen.getByTestId('outcome-screen')).toHaveAttribute('data-outcome', outcome);
    expect(screen.getByTestId('outcome-screen')).toHaveTextContent(words);
    expect(fake.channels[0]!.closed).toBe(true);
  });

  it('leaving tells the hall and says nothing was done', async () => {
    const fake = fakePhone();
    await inCall(fake);
    await userEvent.click(screen.getByTestId('call-leave'));
    expect(await screen.findByTestId('outcome-screen')).toHaveTextContent('您已退出，没有办理任何业务');
    expect(fake.calls.at(-1)).toBe('leave');
  });

  it('a reload of a verified phone goes straight back to the call', async () => {
    const fake = fakePhone();
    fake.caseAnswer = ok(phoneCase({ state: 'inCall', officerPresent: true }));
    renderPhone(fake, { token: null });
    expect(await screen.findByTestId('call-screen')).toHaveAttribute('data-state', 'inCall');
    expect(fake.calls).toEqual(['case']);
  });
});

describe('signing', () => {
  const strokes = { aspect: 2, strokes: [[{ x: 0.1, y: 0.2, t: 0 }, { x: 0.6, y: 0.5, t: 80 }]] };
  it('sends the strokes, and says so when they did not go through', async () => {
    const sent: number[] = [];
    let answer = false;
    render(
      <I18nextProvider i18n={createPhoneI18n('zh-CN')}>
        <SignPanel initial={ok(strokes)} onSign={async (s) => (sent.push(s.strokes.length), answer)} />
      </I18nextProvider>,
    );
    await userEvent.click(screen.getByTestId('sign-confirm'));
    expect(sent).toEqual([1]);
    expect(await screen.findByTestId('sign-failed')).toHaveTextContent('签名没有提交成功，请再试一次');
    answer = true;
    await userEvent.click(screen.getByTestId('sign-confirm'));
    expect(sent).toEqual([1, 1]);
  });
});

describe('language', () => {
  it('switches to English and back', async () => {
    const fake = fakePhone();
    renderPhone(fake);
    await screen.findByTestId('intro-screen');
    await userEvent.click(screen.getByTestId('language-switch'));
    expect(screen.getByTestId('intro-screen')).toHaveTextContent('Show your face to prove who you are');
    expect(screen.getByTestId('consent-agree')).toHaveTextContent('I agree: start');
    await userEvent.click(screen.getByTestId('language-switch'));
    expect(screen.getByTestId('consent-agree')).toHaveTextContent('同意，开始刷脸');
  });
});
