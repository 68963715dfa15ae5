import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowEvent, FlowView } from '../../../electron/contract';
import { createMockKioskApi, fail, ok, type MockHandlers, type MockKioskApi } from '../../../renderer/api/mock';
import { FlowRunner } from '../../../renderer/flows';
import type { Language } from '../../../renderer/i18n';
import { renderWithKiosk } from './support';
import { views } from './views';

interface Script {
  start: FlowView;
  /** The view the host answers to each event, in order. */
  answers?: Array<{ event: FlowEvent; view: FlowView } | { event: FlowEvent; error: string }>;
}

function runFlow(script: Script, options: { language?: Language; elderMode?: boolean; handlers?: MockHandlers } = {}) {
  const answers = [...(script.answers ?? [])];
  let finished = 0;
  let left = 0;
  const api: MockKioskApi = createMockKioskApi({
    'flow.start': () => ok<'flow.start'>(script.start),
    'flow.send': ({ event }) => {
      const next = answers.shift();
      if (!next) throw new Error(`unscripted event ${JSON.stringify(event)}`);
      expect(event).toEqual(next.event);
      return 'view' in next ? ok<'flow.send'>(next.view) : fail('invalidParams', next.error);
    },
    'help.request': () => ok<'help.request'>({ callId: 'call-1', queuedAt: '2026-05-01T08:02:00.000Z' }),
    ...options.handlers,
  });
  const rendered = renderWithKiosk(
    <FlowRunner
      api={api}
      sessionId="s-1"
      serviceId="no-criminal-record"
      elderMode={options.elderMode ?? false}
      onFinish={() => void (finished += 1)}
      onLeave={() => void (left += 1)}
    />,
    { language: options.language, elderMode: options.elderMode },
  );
  return { api, ...rendered, finished: () => finished, left: () => left, answersLeft: () => answers.length };
}

const runner = () => screen.getByTestId('flow-runner');

describe('FlowRunner', () => {
  it('starts the flow with the host and draws its first step with the progress', async () => {
    const { api } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    expect(api.callsTo('flow.start')).toEqual([{ sessionId: 's-1', serviceId: 'no-criminal-record' }]);
    const progress = screen.getByTestId('flow-progress');
    expect(progress).toHaveAttribute('data-step-index', '0');
    expect(progress).toHaveTextContent('第1步，共8步');
    expect(progress.querySelector('[aria-current="step"]')).toHaveTextContent('核验身份');
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('drives a scripted certificate run from identify to done, following flow.changed for host-side moves', async () => {
    const { api, finished, answersLeft } = runFlow({
      start: views.identifyCard(),
      answers: [
        { event: { type: 'CONFIRM' }, view: views.consent() },
        { event: { type: 'CONSENT', granted: true }, view: views.consent(true) },
        { event: { type: 'PURPOSE', purpose: 'employment' }, view: views.queryRunning() },
        { event: { type: 'CONFIRM' }, view: views.printing() },
        { event: { type: 'CONFIRM' }, view: views.done() },
      ],
    });
    fireEvent.click(await screen.findByTestId('identify-confirm'));
    fireEvent.click(await screen.findByTestId('query-consent-agree'));
    await screen.findByTestId('waiting');
    // The host checked the 户籍 and the face check passed: it says so with flow.changed.
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.purpose() }));
    expect(screen.getByTestId('flow-progress')).toHaveAttribute('data-step-index', '3');
    fireEvent.click(screen.getByTestId('purpose-employment'));
    await screen.findByTestId('query-step');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.review() }));
    fireEvent.click(screen.getByTestId('review-confirm'));
    await screen.findByTestId('print-step');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.printed() }));
    fireEvent.click(screen.getByTestId('print-collected'));
    fireEvent.click(await screen.findByTestId('done-finish'));
    expect(finished()).toBe(1);
    expect(answersLeft()).toBe(0);
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('ignores flow.changed for another session', async () => {
    const { api } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    act(() => api.emit('flow.changed', { sessionId: 's-other', view: views.purpose() }));
    expect(runner()).toHaveAttribute('data-step', 'identify');
  });

  it('shows back only when the host allows it, and sends BACK', async () => {
    runFlow({
      start: views.identifyCard(),
      answers: [
        { event: { type: 'CONFIRM' }, view: views.consent() },
        { event: { type: 'BACK' }, view: views.identifyCard() },
      ],
    });
    await screen.findByTestId('identify-step');
    expect(screen.queryByTestId('flow-back')).toBeNull();
    fireEvent.click(screen.getByTestId('identify-confirm'));
    fireEvent.click(await screen.findByTestId('flow-back'));
    await waitFor(() => expect(runner()).toHaveAttribute('data-step', 'identify'));
    expect(screen.queryByTestId('flow-back')).toBeNull();
  });

  it('a double tap sends one event', async () => {
    let release: () => void = () => {};
    const { api } = runFlow(
      { start: views.review() },
      {
        handlers: {
          'flow.send': () =>
            new Promise((resolve) => {
              release = () => resolve(ok<'flow.send'>(views.printing()));
            }),
        },
      },
    );
    const confirm = await screen.findByTestId('review-confirm');
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(screen.getByTestId('flow-back'));
    expect(api.callsTo('flow.send')).toHaveLength(1);
    await act(async () => release());
    await screen.findByTestId('print-step');
  });

  it('the reprint button is offered once: after the reprint, it is gone', async () => {
    const { api } = runFlow({
      start: views.printed(true),
      answers: [{ event: { type: 'REPRINT' }, view: views.printing() }],
    });
    fireEvent.click(await screen.findByTestId('print-reprint'));
    await screen.findByTestId('waiting');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.printed(false) }));
    expect(screen.queryByTestId('print-reprint')).toBeNull();
    expect(api.callsTo('flow.send')).toEqual([{ sessionId: 's-1', event: { type: 'REPRINT' } }]);
  });

  it('shows the host’s message in words, in Chinese and in English', async () => {
    runFlow({ start: views.identifyExpired() });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('该证件已过有效期');
  });

  it('shows the host’s message in English', async () => {
    runFlow({ start: views.notPrinted() }, { language: 'en' });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent(
      'Paper is jammed in the printer. Please ask staff for help.',
    );
  });

  it('side steps explain themselves in a neutral note, not as an error', async () => {
    runFlow({ start: views.referral('exitEntry') });
    expect(await screen.findByTestId('flow-note')).toHaveTextContent('外国人的证明由出入境管理部门办理。');
    expect(screen.queryByTestId('flow-problem')).toBeNull();
  });

  it('an unknown message key still shows words', async () => {
    runFlow({ start: { ...views.identifyExpired(), messageKey: 'flow.somethingNew' } });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('暂时无法办理，请稍后再试或咨询工作人员');
  });

  it('a refused event is an error in words and voice', async () => {
    const { voice } = runFlow({
      start: views.review(),
      answers: [{ event: { type: 'CONFIRM' }, error: 'flow.eventNotAccepted' }],
    });
    fireEvent.click(await screen.findByTestId('review-confirm'));
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('这一步暂时不能这样操作');
    expect(voice.keys()).toContain('voice.error');
  });

  it('a retry that runs again takes the last problem off the screen', async () => {
    const { api } = runFlow({
      start: views.queryFailed(2),
      answers: [{ event: { type: 'RETRY' }, view: views.queryRunning() }],
    });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('系统响应超时');
    fireEvent.click(screen.getByTestId('query-retry'));
    await waitFor(() => expect(screen.queryByTestId('flow-problem')).toBeNull());
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('in elder mode, two errors in one step bring the shell’s offer of staff help', async () => {
    const { api } = runFlow(
      {
        start: views.queryFailed(2),
        answers: [{ event: { type: 'RETRY' }, view: views.queryRunning() }],
      },
      { elderMode: true },
    );
    await screen.findByTestId('flow-problem');
    expect(screen.queryByTestId('help-offer')).toBeNull();
    fireEvent.click(screen.getByTestId('query-retry'));
    await screen.findByTestId('waiting');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.queryFailed(1) }));
    await screen.findByTestId('help-offer');
    fireEvent.click(screen.getByTestId('help-offer-accept'));
    await screen.findByTestId('help-dialog');
    expect(api.callsTo('help.request')).toEqual([{ sessionId: 's-1', reason: 'repeatedErrors', step: 'flow.query' }]);
  });

  it('the same problem view arriving twice (event, then answer) counts once', async () => {
    const { api } = runFlow(
      { start: views.identifyCard(), answers: [{ event: { type: 'CONFIRM' }, view: views.identifyExpired() }] },
      { elderMode: true, handlers: {} },
    );
    await screen.findByTestId('identify-step');
    // The host pushes flow.changed before answering the send.
    api.setHandler('flow.send', () => {
      api.emit('flow.changed', { sessionId: 's-1', view: views.identifyExpired() });
      return ok<'flow.send'>(views.identifyExpired());
    });
    fireEvent.click(screen.getByTestId('identify-confirm'));
    await screen.findByTestId('flow-problem');
    expect(screen.queryByTestId('help-offer')).toBeNull();
  });

  it('a flow that cannot start says why, and offers to try again or go back', async () => {
    const { left, api } = runFlow(
      { start: views.identifyCard() },
      { handlers: { 'flow.start': () => fail('deviceUnavailable', 'service.deviceDown.camera') } },
    );
    expect(await screen.findByTestId('flow-start-failed')).toHaveTextContent('人像摄像头暂不可用');
    fireEvent.click(screen.getByTestId('flow-leave'));
    expect(left()).toBe(1);
    api.setHandler('flow.start', () => ok<'flow.start'>(views.identifyCard()));
    fireEvent.click(screen.getByTestId('flow-start-retry'));
    await screen.findByTestId('identify-step');
  });

  it('unsubscribes from flow.changed when it goes away', async () => {
    const { api, unmount } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    expect(api.listenerCount('flow.changed')).toBe(1);
    unmount();
    expect(api.listenerCount('flow.changed')).toBe(0);
  });

  it('zero latency: the answer to an event, older than the view the host already pushed, does not roll the step back', async () => {
    const { api } = runFlow({ start: { ...views.purpose(), seq: 3 } });
    await screen.findByTestId('purpose-step');
    // The query finished at once: the host pushes review (seq 5) before its answer to PURPOSE (query, seq 4) arrives.
    api.setHandler('flow.send', () => {
      api.emit('flow.changed', { sessionId: 's-1', view: { ...views.review(), seq: 5 } });
      return ok<'flow.send'>({ ...views.queryRunning(), seq: 4 });
    });
    fireEvent.click(screen.getByTestId('purpose-employment'));
    await waitFor(() => expect(api.callsTo('flow.send')).toHaveLength(1));
    await act(async () => undefined);
    expect(runner()).toHaveAttribute('data-step', 'review');
    expect(screen.getByTestId('review-confirm')).toBeVisible();
    // Nor does a stale refresh answer.
    api.setHandler('flow.current', () => ok<'flow.current'>({ view: { ...views.queryRunning(), seq: 4 } }));
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: { ...views.queryRunning(), seq: 4 } }));
    expect(runner()).toHaveAttribute('data-step', 'review');
  });

  it('the start answer does not roll back a newer view of the same run that came first; views of another run are ignored', async () => {
    const host: { api?: MockKioskApi } = {};
    const { api } = runFlow(
      { start: views.identifyCard() },
      {
        handlers: {
          'flow.start': async () => {
            // The run moved on at once: its event goes out before the answer to flow.start.
            await Promise.resolve();
            host.api?.emit('flow.changed', { sessionId: 's-1', view: { ...views.consent(), flowId: 'flow-2', seq: 1 } });
            return ok<'flow.start'>({ ...views.identifyCard(), flowId: 'flow-2', seq: 0 });
          },
        },
      },
    );
    host.api = api;
    await waitFor(() => expect(api.callsTo('flow.start')).toHaveLength(1));
    await act(async () => undefined);
    expect(runner()).toHaveAttribute('data-step', 'consent');
    // A late view of a run that is gone (flow-1) changes nothing, whatever its number.
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: { ...views.purpose(), flowId: 'flow-1', seq: 9 } }));
    expect(runner()).toHaveAttribute('data-step', 'consent');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: { ...views.faceCheck(), flowId: 'flow-2', seq: 2 } }));
    expect(runner()).toHaveAttribute('data-step', 'faceCheck');
  });
});
