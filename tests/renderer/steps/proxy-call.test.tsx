/**
 * The 可视化代办 step at the kiosk, phase by phase, as the agent (often an
 * elderly relative) sees it: the hall being asked, a refusal in plain words
 * with RETRY and BACK, the invitation's QR code (it carries the link) with
 * the SMS outcome and the link's countdown, the wait for the principal's face
 * check, the agent's signature (SIGN with the strokes), the officer's
 * review, and every end reason in both languages. The call itself is tested
 * in proxy-call-call.test.tsx.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignatureStrokes } from '../../../electron/contract';
import { ProxyEndReason, ProxyCallStepData } from '../../../electron/contract/proxy';
import { createMockKioskApi } from '../../../renderer/api/mock';
import { renderFlowStep } from '../flows/support';
import { INVITE_URL, proxyView, renderProxyStep } from './proxy-call-support';

const OPEN_REFUSED = ProxyCallStepData.shape.openRefusedReason.unwrap().options;

/** The QR code's dark modules as drawn (the SVG path's runs, less the quiet zone). */
function drawnModules(svg: Element): boolean[][] {
  const viewBox = svg.getAttribute('viewBox')!.split(' ').map(Number);
  const size = viewBox[2]! - 8;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, w] of (svg.querySelector('path')!.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let col = Number(x) - 4; col < Number(x) - 4 + Number(w); col++) grid[Number(y) - 4]![col] = true;
  }
  return grid;
}

/** The modules the qrcode package makes for `text`. */
function expectedModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  return Array.from({ length: n }, (_, row) =>
    Array.from({ length: n }, (_, col) => Boolean(qr.modules.get(row, col))),
  );
}

describe('proxy step: asking the hall', () => {
  it('says it is contacting the hall and offers nothing to press', () => {
    renderFlowStep(proxyView('opening', { invite: null, case: null }, []));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('可视化代办');
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在联系大厅，请稍候…');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('a refusal says why, and offers RETRY and BACK', () => {
    const { send, view } = renderFlowStep(
      proxyView('openRefused', { invite: null, case: null, openRefusedReason: 'busy' }, ['RETRY', 'BACK']),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('暂时不能发起代办');
    expect(screen.getByRole('alert')).toHaveTextContent('民警现在都在忙，请稍后再试一次。');
    fireEvent.click(screen.getByTestId('proxy-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
    fireEvent.click(screen.getByTestId('proxy-back'));
    expect(send).toHaveBeenLastCalledWith({ type: 'BACK' });
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.refused']);
  });

  it('the hall out of reach (no reason from the hall) is said as such', () => {
    renderFlowStep(proxyView('openRefused', { invite: null, case: null, openRefusedReason: null }, ['RETRY', 'BACK']));
    expect(screen.getByRole('alert')).toHaveTextContent('现在连不上大厅，请稍后再试一次，或到窗口办理。');
  });

  it('words every refusal reason in Chinese and English', () => {
    const seen = new Map<string, string>();
    for (const language of ['zh-CN', 'en'] as const) {
      for (const reason of OPEN_REFUSED) {
        const { view } = renderFlowStep(
          proxyView('openRefused', { invite: null, case: null, openRefusedReason: reason }, ['RETRY', 'BACK']),
          {},
          { language },
        );
        const text = screen.getByRole('alert').textContent ?? '';
        expect(text, `${language} ${reason}`).not.toMatch(/flow\.|^\s*$/);
        expect(seen.has(text), `${language} ${reason} worded like another`).toBe(false);
        seen.set(text, reason);
        view.unmount();
      }
    }
  });
});

describe('proxy step: inviting the principal', () => {
  it('shows a large QR code that carries the invite link, never the link as text', () => {
    const { view } = renderFlowStep(proxyView('waitingForPrincipal'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请邀请委托人');
    const qr = screen.getByTestId('qr-code');
    expect(Number(qr.getAttribute('width'))).toBeGreaterThanOrEqual(360);
    expect(drawnModules(qr)).toEqual(expectedModules(INVITE_URL));
    expect(drawnModules(qr)).not.toEqual(expectedModules(`${INVITE_URL}x`));
    expect(view.container.textContent).not.toContain('fixture-invite-token');
    expect(screen.getByText('请用手机拍下二维码发给委托人，或委托人查看短信')).toBeInTheDocument();
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.invite']);
  });

  it('names the service and the principal by masked number only', () => {
    renderFlowStep(proxyView('waitingForPrincipal'));
    expect(screen.getByTestId('proxy-case')).toHaveTextContent('代办事项：示例事项');
    expect(screen.getByTestId('proxy-case')).toHaveTextContent('委托人：1101**********002X');
  });

  it('draws the QR code larger in elder mode', () => {
    renderFlowStep(proxyView('waitingForPrincipal'), {}, { elderMode: true });
    expect(Number(screen.getByTestId('qr-code').getAttribute('width'))).toBeGreaterThanOrEqual(420);
  });

  it('says whether the text message went out', () => {
    const words = {
      sent: '短信已发到委托人的手机。',
      failed: '短信没有发出去，请拍下二维码发给委托人。',
      notConfigured: '本机不发短信，请拍下二维码发给委托人。',
    } as const;
    for (const sms of ['sent', 'failed', 'notConfigured'] as const) {
      const invite = { url: INVITE_URL, sms, expiresAt: new Date(Date.now() + 60_000).toISOString() };
      const { view } = renderFlowStep(proxyView('waitingForPrincipal', { invite }));
      expect(screen.getByTestId('proxy-sms')).toHaveTextContent(words[sms]);
      view.unmount();
    }
  });

  it('cancel sends BACK', () => {
    const { send } = renderFlowStep(proxyView('waitingForPrincipal'));
    fireEvent.click(screen.getByTestId('proxy-cancel'));
    expect(send).toHaveBeenCalledWith({ type: 'BACK' });
  });

  describe('the link’s countdown', () => {
    beforeEach(() =>
      vi.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] }),
    );
    afterEach(() => vi.useRealTimers());

    it('counts down to the link’s end and then says it has ended', () => {
      const invite = { url: INVITE_URL, sms: 'sent' as const, expiresAt: '2026-12-03T08:02:05Z' };
      renderFlowStep(proxyView('waitingForPrincipal', { invite }));
      expect(screen.getByTestId('proxy-countdown')).toHaveTextContent('链接还有 2:05 失效');
      act(() => {
        vi.advanceTimersByTime(65_000);
      });
      expect(screen.getByTestId('proxy-countdown')).toHaveTextContent('链接还有 1:00 失效');
      act(() => {
        vi.advanceTimersByTime(61_000);
      });
      expect(screen.getByTestId('proxy-countdown')).toHaveTextContent('链接已经失效');
    });
  });
});

describe('proxy step: the principal checks their identity', () => {
  it('says the principal is checking on their phone, and the agent can still cancel', () => {
    const { send, view } = renderFlowStep(
      proxyView('principalChecking', { invite: null, case: { state: 'principalJoined' } }),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('委托人正在手机上核验身份');
    expect(screen.queryByTestId('qr-code')).toBeNull();
    fireEvent.click(screen.getByTestId('proxy-cancel'));
    expect(send).toHaveBeenCalledWith({ type: 'BACK' });
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.checking']);
  });
});

describe('proxy step: the idle timer', () => {
  it('is held while the agent waits for the principal, and released when the agent has to act', () => {
    const { hold, release, show } = renderProxyStep(proxyView('waitingForPrincipal'), { api: createMockKioskApi({}) });
    expect(hold).toHaveBeenCalled();
    expect(release).not.toHaveBeenCalled();
    show(proxyView('signing', { invite: null }, ['SIGN']));
    expect(release).toHaveBeenCalled();
  });

  it('is held while the hall is asked, and not after a refusal', () => {
    const { hold, release, show } = renderProxyStep(proxyView('opening', { invite: null, case: null }, []), {
      api: createMockKioskApi({}),
    });
    expect(hold).toHaveBeenCalled();
    show(proxyView('openRefused', { invite: null, case: null, openRefusedReason: 'busy' }, ['RETRY', 'BACK']));
    expect(release).toHaveBeenCalledTimes(hold.mock.calls.length);
  });
});

describe('proxy step: the agent signs', () => {
  const WIDTH = 900;
  const HEIGHT = 300;
  beforeEach(() => {
    const inert = new Proxy({}, { get: () => () => undefined, set: () => true }) as unknown as CanvasRenderingContext2D;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => inert as never);
    vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      right: WIDTH,
      bottom: HEIGHT,
      width: WIDTH,
      height: HEIGHT,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    } as DOMRect);
  });
  afterEach(() => vi.restoreAllMocks());

  function draw(points: Array<[number, number]>) {
    const pad = screen.getByTestId('signature-pad');
    const [first, ...rest] = points;
    act(() => {
      fireEvent.pointerDown(pad, { clientX: first![0], clientY: first![1], buttons: 1, pointerId: 1, pressure: 0.5 });
      for (const [x, y] of rest.slice(0, -1))
        fireEvent.pointerMove(window, { clientX: x, clientY: y, buttons: 1, pointerId: 1, pressure: 0.5 });
      const last = rest[rest.length - 1]!;
      fireEvent.pointerUp(window, { clientX: last[0], clientY: last[1], buttons: 0, pointerId: 1, pressure: 0 });
    });
  }

  it('sends the drawn strokes as SIGN, and confirms only once something is drawn', () => {
    const { send, view } = renderFlowStep(
      proxyView('signing', { invite: null, case: { state: 'recorded' } }, ['SIGN']),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请代办人签名');
    expect(screen.getByTestId('signature-pad')).toHaveAccessibleName('签名区：请用手指在此书写您的姓名');
    expect(screen.getByTestId('proxy-sign-confirm')).toBeDisabled();
    draw([
      [90, 60],
      [300, 150],
      [450, 240],
    ]);
    fireEvent.click(screen.getByTestId('proxy-sign-confirm'));
    expect(send).toHaveBeenCalledTimes(1);
    const event = send.mock.calls[0]![0] as { type: string; signature: unknown };
    expect(event.type).toBe('SIGN');
    const signature = SignatureStrokes.parse(event.signature);
    expect(signature.aspect).toBe(3);
    expect(signature.strokes).toHaveLength(1);
    expect(signature.strokes[0]![0]).toMatchObject({ x: 0.1, y: 0.2 });
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.sign']);
  });

  it('a refused signature is said and the pad starts clean', () => {
    const { show } = renderProxyStep(proxyView('signing', { invite: null }, ['SIGN']), { api: createMockKioskApi({}) });
    draw([
      [90, 60],
      [300, 150],
    ]);
    expect(screen.getByTestId('proxy-sign-confirm')).toBeEnabled();
    show(proxyView('signing', { invite: null, signatureProblem: 'tooShort' }, ['SIGN'], { seq: 1 }));
    expect(screen.getByTestId('proxy-sign-problem')).toHaveTextContent('签名太短，请在方框内完整写下您的姓名');
    expect(screen.getByTestId('proxy-sign-confirm')).toBeDisabled();
  });
});

describe('proxy step: the decision', () => {
  it('while the officer reviews: says so, nothing to press', () => {
    const { view } = renderFlowStep(
      proxyView(
        'awaitingDecision',
        { invite: null, case: { state: 'recorded', agentSigned: true, principalSigned: true } },
        [],
      ),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('民警正在审核');
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.deciding']);
  });

  it('approved: says the service for the principal starts', () => {
    renderFlowStep(proxyView('approved', { invite: null, case: { state: 'approved' } }, []));
    expect(screen.getByTestId('waiting')).toHaveTextContent('已同意，即将为委托人办理');
  });
});

describe('proxy step: the end', () => {
  it('refused by the officer: why, in the officer’s words too, that nothing was done, and the usual end', () => {
    const decision = { approved: false, reason: '委托人表示不了解所办事项', at: new Date().toISOString() };
    const { send, onFinish } = renderFlowStep(
      proxyView('ended', { invite: null, endReason: 'refusedByOfficer', case: { state: 'refused', decision } }, [
        'CONFIRM',
      ]),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('代办已结束');
    expect(screen.getByTestId('proxy-end-reason')).toHaveTextContent('民警没有同意这次代办。');
    expect(screen.getByTestId('proxy-officer-reason')).toHaveTextContent('民警说明：委托人表示不了解所办事项');
    expect(screen.getByText('这次没有办理任何事项。')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('proxy-finish'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('without CONFIRM accepted, the button ends the session', () => {
    const { send, onFinish } = renderFlowStep(
      proxyView('ended', { invite: null, endReason: 'linkExpired', case: { state: 'expired' } }, []),
    );
    fireEvent.click(screen.getByTestId('proxy-finish'));
    expect(onFinish).toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('words every end reason, differently, in Chinese and in English', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const seen = new Set<string>();
      for (const reason of ProxyEndReason.options) {
        const { view } = renderFlowStep(
          proxyView('ended', { invite: null, endReason: reason, case: { state: 'dropped', endReason: reason } }, [
            'CONFIRM',
          ]),
          {},
          { language },
        );
        const text = screen.getByTestId('proxy-end-reason').textContent ?? '';
        expect(text, `${language} ${reason}`).not.toMatch(/flow\.|^\s*$/);
        if (language === 'en') expect(text, reason).not.toMatch(/[\u4e00-\u9fff]/);
        expect(seen.has(text), `${language} ${reason} worded like another`).toBe(false);
        seen.add(text);
        expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.ended']);
        view.unmount();
      }
    }
  });

  it('speaks English in English', () => {
    renderFlowStep(
      proxyView('ended', { invite: null, endReason: 'principalLeft', case: { state: 'dropped' } }, ['CONFIRM']),
      {},
      { language: 'en' },
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The proxy has ended');
    expect(screen.getByTestId('proxy-end-reason')).toHaveTextContent('The person left the call.');
    expect(screen.getByTestId('proxy-finish')).toHaveTextContent('OK');
  });
});
