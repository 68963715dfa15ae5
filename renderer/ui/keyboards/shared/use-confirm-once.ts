/** Confirm that fires once per edit: a double tap on 确认 never submits twice. */
import { useCallback, useEffect, useRef } from 'react';

/**
 * Returns a handler that calls `onConfirm(value)` at most once until `value`
 * changes (any key press re-arms it, so a citizen can correct and confirm again).
 */
export function useConfirmOnce<T>(value: T, onConfirm: (value: T) => void): () => void {
  const armed = useRef(true);
  useEffect(() => {
    armed.current = true;
  }, [value]);
  return useCallback(() => {
    if (!armed.current) return;
    armed.current = false;
    onConfirm(value);
  }, [value, onConfirm]);
}
