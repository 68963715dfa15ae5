/**
 * Touch-kiosk behaviour the CSS cannot enforce alone: no long-press/context
 * menu, no pinch or ctrl+wheel zoom, no dragging images or text out.
 */

/** Installs the listeners on `win`; returns a function that removes them. */
export function installTouchLockdown(win: Window): () => void {
  const prevent = (event: Event): void => event.preventDefault();
  const multiTouch = (event: TouchEvent): void => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const zoomWheel = (event: WheelEvent): void => {
    if (event.ctrlKey) event.preventDefault();
  };
  const zoomKeys = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) event.preventDefault();
  };
  const doc = win.document;
  doc.addEventListener('contextmenu', prevent);
  doc.addEventListener('dragstart', prevent);
  doc.addEventListener('selectstart', prevent);
  doc.addEventListener('gesturestart', prevent);
  doc.addEventListener('touchmove', multiTouch, { passive: false });
  win.addEventListener('wheel', zoomWheel, { passive: false });
  win.addEventListener('keydown', zoomKeys);
  return () => {
    doc.removeEventListener('contextmenu', prevent);
    doc.removeEventListener('dragstart', prevent);
    doc.removeEventListener('selectstart', prevent);
    doc.removeEventListener('gesturestart', prevent);
    doc.removeEventListener('touchmove', multiTouch);
    win.removeEventListener('wheel', zoomWheel);
    win.removeEventListener('keydown', zoomKeys);
  };
}
