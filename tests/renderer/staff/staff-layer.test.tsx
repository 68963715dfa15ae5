/**
 * The kiosk shell with staff: the out-of-service page citizens see, the
 * hidden corner gesture (hold top-left 3 s, then top-right within 2 s), and
 * the attract screen back when the host signs the officer out.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../renderer/api/mock';
import { cornerGesture, type CornerState } from '../../../renderer/staff/corner-gesture';
import { renderApp } from '../support/render-app';
import { officer } from './support';

describe('the corner gesture', () => {
  const run = (events: Parameters<typeof cornerGesture>[1][]) => {
    let state: CornerState = { kind: 'idle' };
    let done = false;
    for (const event of events) ({ state, done } = cornerGesture(state, event));
    return done;
  };
  it('opens only after a 3 s hold then the far corner within 2 s', () => {
    expect(
      run([
        { kind: 'leftDown', at: 0 },
        { kind: 'leftUp', at: 3_000 },
        { kind: 'rightTap', at: 4_500 },
      ]),
    ).toBe(true);
    expect(
      run([
        { kind: 'leftDown', at: 0 },
        { kind: 'leftUp', at: 2_900 },
        { kind: 'rightTap', at: 3_000 },
      ]),
    ).toBe(false);
    expect(
      run([
        { kind: 'leftDown', at: 0 },
        { kind: 'leftUp', at: 3_000 },
        { kind: 'rightTap', at: 5_001 },
      ]),
    ).toBe(false);
    expect(run([{ kind: 'rightTap', at: 0 }])).toBe(false);
  });
});

describe('staff in the kiosk shell', () => {
  it('shows citizens the out-of-service page with the message, and takes it away when back in service', async () => {
    const { api } = renderApp({
      'kiosk.serviceState': () =>
        ok<'kiosk.serviceState'>({
          outOfService: { message: '设备维护中，请到3号窗口办理', since: '2026-12-03T02:00:00.000Z', by: 'hall' },
        }),
    });
    expect(await screen.findByTestId('out-of-service-message')).toHaveTextContent('设备维护中，请到3号窗口办理');
    expect(screen.getByText('暂停服务')).toBeInTheDocument();
    act(() => api.emit('kiosk.serviceState', { outOfService: null }));
    expect(screen.queryByTestId('out-of-service')).toBeNull();
  });

  it('opens the staff number pad from the hidden gesture, and a tap in a corner alone opens nothing', async () => {
    renderApp();
    await screen.findByTestId('attract-screen');
    const realNow = Date.now;
    let t = 1_000_000;
    Date.now = () => t;
    try {
      // A citizen's tap in each corner: nothing.
      fireEvent.pointerDown(window, { clientX: 10, clientY: 10 });
      fireEvent.pointerUp(window, { clientX: 10, clientY: 10 });
      fireEvent.pointerDown(window, { clientX: window.innerWidth - 10, clientY: 10 });
      expect(screen.queryByTestId('staff-number-pad')).toBeNull();
      fireEvent.pointerDown(window, { clientX: 10, clientY: 10 });
      t += 3_200;
      fireEvent.pointerUp(window, { clientX: 12, clientY: 11 });
      t += 500;
      fireEvent.pointerDown(window, { clientX: window.innerWidth - 10, clientY: 10 });
    } finally {
      Date.now = realNow;
    }
    expect(await screen.findByTestId('staff-number-pad')).toBeInTheDocument();
  });

  it('returns to the attract screen when the host signs the officer out', async () => {
    const { api } = renderApp({ 'staff.devices': () => ok<'staff.devices'>({ devices: [] }) });
    await screen.findByTestId('attract-screen');
    act(() => api.emit('staff.changed', { phase: 'signedIn', officer, idleSignOutMs: 120_000 }));
    expect(await screen.findByTestId('staff-maintenance')).toBeInTheDocument();
    act(() => api.emit('staff.changed', { phase: 'signedOut' }));
    expect(screen.queryByTestId('staff-maintenance')).toBeNull();
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
  });
});
