import { describe, expect, it } from 'vitest';
import { installTouchLockdown } from '../../../renderer/app/lockdown';

describe('touch lockdown', () => {
  it('blocks the context menu, ctrl+wheel zoom and multi-touch moves until removed', () => {
    const remove = installTouchLockdown(window);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);

    const wheel = new WheelEvent('wheel', { ctrlKey: true, cancelable: true });
    window.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(true);
    const scroll = new WheelEvent('wheel', { cancelable: true });
    window.dispatchEvent(scroll);
    expect(scroll.defaultPrevented).toBe(false);

    remove();
    const after = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
