import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleProvider, useIdleHold } from '../../../renderer/app/idle/IdleContext';
import { useIdleCountdown } from '../../../renderer/app/idle/useIdleCountdown';
import { useFacePresence } from '../../../renderer/camera/use-face-presence';
import type { FrameObservation } from '../../../renderer/camera/observation';

const TIMING = { idleMs: 6_000, countdownMs: 3_000 };

describe('the idle timer while the kiosk works for the citizen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not time out a citizen waiting on a long host answer; after it, the full limit runs again', () => {
    const expired = vi.fn();
    const { result, rerender } = renderHook(({ held }) => useIdleCountdown(TIMING, 'face', expired, held), { initialProps: { held: true } });
    act(() => void vi.advanceTimersByTime(60_000));
    expect(result.current.secondsLeft).toBeNull();
    expect(expired).not.toHaveBeenCalled();

    rerender({ held: false });
    act(() => void vi.advanceTimersByTime(5_900));
    expect(result.current.secondsLeft).toBeNull();
    act(() => void vi.advanceTimersByTime(200));
    expect(result.current.secondsLeft).toBe(3);
    act(() => void vi.advanceTimersByTime(3_000));
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('closes a countdown already on screen when work starts, and never expires during the work', () => {
    const expired = vi.fn();
    const { result, rerender } = renderHook(({ held }) => useIdleCountdown(TIMING, 'face', expired, held), { initialProps: { held: false } });
    act(() => void vi.advanceTimersByTime(6_000));
    expect(result.current.secondsLeft).toBe(3);
    rerender({ held: true });
    expect(result.current.secondsLeft).toBeNull();
    act(() => void vi.advanceTimersByTime(30_000));
    expect(expired).not.toHaveBeenCalled();
  });

  it('useIdleHold holds while active and releases on unmount; a release counts once', () => {
    let holds = 0;
    const control = {
      hold: () => {
        holds++;
        let done = false;
        return () => {
          if (!done) holds--;
          done = true;
        };
      },
      presence: () => {},
    };
    const wrapper = ({ children }: { children: ReactNode }) => <IdleProvider control={control}>{children}</IdleProvider>;
    const { rerender, unmount } = renderHook(({ active }) => useIdleHold(active), { wrapper, initialProps: { active: true } });
    expect(holds).toBe(1);
    rerender({ active: false });
    expect(holds).toBe(0);
    rerender({ active: true });
    expect(holds).toBe(1);
    unmount();
    expect(holds).toBe(0);
  });
});

describe('a face in view counts as the citizen being there', () => {
  const face = { faces: [{ box: { width: 100 } }] } as unknown as FrameObservation;
  const empty = { faces: [] } as unknown as FrameObservation;

  it('reports presence for frames with a face, at most once a second, never for empty frames', () => {
    const presence = vi.fn();
    let now = 0;
    const wrapper = ({ children }: { children: ReactNode }) => <IdleProvider control={{ hold: () => () => {}, presence }}>{children}</IdleProvider>;
    const { result } = renderHook(() => useFacePresence(() => now), { wrapper });
    result.current(empty);
    expect(presence).not.toHaveBeenCalled();
    result.current(face);
    now = 500;
    result.current(face);
    expect(presence).toHaveBeenCalledTimes(1);
    now = 1_000;
    result.current(face);
    expect(presence).toHaveBeenCalledTimes(2);
  });
});
