/**
 * The signature screen with the real signature_pad, drawn on with pointer
 * events. jsdom has no 2D canvas, so the canvas gets a context that draws
 * nothing and a size of 900 × 300 CSS pixels; everything else (the pad's
 * pointer handling, its point groups, our normalisation, the screen) is real.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignatureStrokes, type FlowEvent, type FlowView } from '../../../electron/contract';
import { createMockKioskApi } from '../../../renderer/api/mock';
import { renderStep, steps } from '../../../renderer/steps';
import { renderFlowStep, renderWithKiosk } from '../flows/support';
import { fixtureKey, viewOf } from '../flows/views';

const WIDTH = 900;
const HEIGHT = 300;

/** A 2D context whose every method does nothing (signature_pad only draws through it). */
function inertContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {};
  return new Proxy(state, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => inertContext() as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, right: WIDTH, bottom: HEIGHT, width: WIDTH, height: HEIGHT, x: 0, y: 0, toJSON: () => ({}) } as DOMRect);
});
afterEach(() => vi.restoreAllMocks());

const signatureView = (over: { problem?: 'tooShort' | 'tooSmall' | null; accepts?: FlowView['accepts']; seq?: number } = {}) =>
  viewOf(
    { step: 'signature', titleKey: fixtureKey('sign.title'), documentKey: fixtureKey('sign.document'), problem: over.problem ?? null },
    over.accepts ?? ['SIGN', 'BACK'],
    { seq: over.seq ?? 0, ...(over.problem ? { messageKey: `flow.signature.${over.problem}` } : {}) },
  );

/** One stroke through `points` (CSS pixels on the pad): down, moves, up, as a finger would. */
function draw(points: Array<[number, number]>) {
  const pad = screen.getByTestId('signature-pad');
  const [first, ...rest] = points;
  act(() => {
    fireEvent.pointerDown(pad, { clientX: first![0], clientY: first![1], buttons: 1, pointerId: 1, pressure: 0.5 });
    for (const [x, y] of rest.slice(0, -1)) fireEvent.pointerMove(window, { clientX: x, clientY: y, buttons: 1, pointerId: 1, pressure: 0.5 });
    const last = rest[rest.length - 1] ?? first!;
    fireEvent.pointerUp(window, { clientX: last[0], clientY: last[1], buttons: 0, pointerId: 1, pressure: 0 });
  });
}

describe('signature step', () => {
  it('says what is signed, offers a large pad, and confirms only once something is drawn', () => {
    const { view } = renderFlowStep(signatureView());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请签名确认');
    expect(screen.getByTestId('signature-document')).toHaveTextContent('用于：申请表');
    expect(screen.getByTestId('signature-pad')).toHaveAccessibleName('签名区：请用手指在此书写您的姓名');
    expect(screen.getByTestId('signature-confirm')).toBeDisabled();
    expect(view.voice.keys()).toEqual(['voice.flow.signature']);
  });

  it('sends the strokes as vector data, normalised to the pad, with their times and pressure', async () => {
    const { send } = renderFlowStep(signatureView());
    draw([
      [90, 60],
      [300, 150],
      [450, 240],
    ]);
    draw([
      [500, 90],
      [700, 200],
    ]);
    const confirm = screen.getByTestId('signature-confirm');
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);
    expect(send).toHaveBeenCalledTimes(1);
    const event = send.mock.calls[0]![0] as Extract<FlowEvent, { type: 'SIGN' }>;
    expect(event.type).toBe('SIGN');
    expect(SignatureStrokes.safeParse(event.signature).success).toBe(true);
    expect(event.signature.aspect).toBe(3);
    expect(event.signature.strokes).toHaveLength(2);
    expect(event.signature.strokes[0]![0]).toMatchObject({ x: 0.1, y: 0.2, t: 0, p: 0.5 });
    expect(event.signature.strokes[0]!.at(-1)).toMatchObject({ x: 0.5, y: 0.8 });
    expect(event.signature.strokes[1]![0]).toMatchObject({ x: 0.5556, y: 0.3 });
    // Vector data only: nothing like an image goes to the host.
    expect(JSON.stringify(event)).not.toMatch(/data:image|base64/);
  });

  it('clear empties the pad: nothing to confirm until the citizen signs again', () => {
    const { send } = renderFlowStep(signatureView());
    draw([
      [90, 60],
      [450, 240],
    ]);
    expect(screen.getByTestId('signature-confirm')).toBeEnabled();
    fireEvent.click(screen.getByTestId('signature-clear'));
    expect(screen.getByTestId('signature-confirm')).toBeDisabled();
    draw([
      [100, 100],
      [600, 120],
    ]);
    fireEvent.click(screen.getByTestId('signature-confirm'));
    const event = send.mock.calls[0]![0] as Extract<FlowEvent, { type: 'SIGN' }>;
    expect(event.signature.strokes).toHaveLength(1);
    expect(event.signature.strokes[0]![0]).toMatchObject({ x: 0.1111, y: 0.3333 });
  });

  it('when the host refuses a signature (a dot), the pad is cleared for a fresh one', () => {
    let show: (view: FlowView) => void = () => undefined;
    const api = createMockKioskApi({});
    function Screen(): ReactElement {
      const [view, setView] = useState(signatureView());
      show = setView;
      return renderStep(steps, {
        view,
        api,
        sessionId: 's-1',
        elderMode: false,
        send: () => Promise.resolve(),
        accepts: (type) => view.accepts.includes(type),
        refresh: () => Promise.resolve(),
        onError: () => undefined,
        onFinish: () => undefined,
      });
    }
    renderWithKiosk(<Screen />);
    draw([[450, 150]]);
    expect(screen.getByTestId('signature-confirm')).toBeEnabled();
    act(() => show(signatureView({ problem: 'tooShort', seq: 1 })));
    expect(screen.getByTestId('signature-confirm')).toBeDisabled();
  });

  it('cannot confirm while the host takes no signature', () => {
    renderFlowStep(signatureView({ accepts: ['BACK'] }));
    draw([
      [90, 60],
      [450, 240],
    ]);
    expect(screen.getByTestId('signature-confirm')).toBeDisabled();
  });

  it('elder mode: the taller pad', () => {
    renderFlowStep(signatureView(), {}, { elderMode: true });
    expect(screen.getByTestId('signature-pad')).toHaveClass('signature-pad--elder');
  });

  it('speaks English in English', () => {
    renderFlowStep(signatureView(), {}, { language: 'en' });
    expect(screen.getByTestId('signature-document')).toHaveTextContent('for: the application form');
    expect(screen.getByTestId('signature-confirm')).toHaveTextContent('Confirm signature');
    expect(screen.getByTestId('signature-clear')).toHaveTextContent('Clear and sign again');
  });
});
