/**
 * The drawing surface: a canvas with signature_pad (smooth ink, pointer,
 * touch and mouse), sized to its box at the screen's pixel ratio. It tells
 * its owner the strokes after each one (as the contract's vector data) and
 * can be cleared; it knows nothing of flows or the host. Resizing clears
 * it: strokes measured on one size are not redrawn on another.
 */
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type ReactElement, type Ref } from 'react';
import SignaturePadEngine from 'signature_pad';
import type { SignatureStrokes } from '../../../electron/contract';
import type { Result } from '../../../domain/result';
import { padStrokes, type PadProblem } from './pad-strokes';

export interface SignaturePadHandle {
  clear(): void;
}

export interface SignaturePadProps {
  /** Elder mode: a taller pad and a broader pen. */
  elder: boolean;
  /** The accessible name of the drawing area. */
  label: string;
  /** After each stroke and after clearing: the strokes, or why there are none to send. */
  onChange: (strokes: Result<SignatureStrokes, PadProblem>) => void;
  ref?: Ref<SignaturePadHandle>;
}

/** `data-testid="signature-pad"` (the canvas). */
export function SignaturePad({ elder, label, onChange, ref }: SignaturePadProps): ReactElement {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const engine = useRef<SignaturePadEngine | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const changed = useRef(onChange);
  useLayoutEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useImperativeHandle(ref, () => ({
    clear() {
      engine.current?.clear();
      changed.current({ ok: false, error: 'empty' });
    },
  }));

  useEffect(() => {
    const canvas = canvasRef.current;
    // No 2D canvas (a test DOM without one): the pad stays inert rather than failing the screen.
    if (!canvas || !canvas.getContext('2d')) return;
    const pad = new SignaturePadEngine(canvas, { minWidth: elder ? 1.5 : 1, maxWidth: elder ? 4.5 : 3, penColor: '#0d1b2a', minDistance: 4 });
    engine.current = pad;
    const fit = () => {
      const rect = canvas.getBoundingClientRect();
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = Math.round(rect.width * ratio);
      canvas.height = Math.round(rect.height * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      size.current = { width: rect.width, height: rect.height };
      pad.clear();
      changed.current({ ok: false, error: 'empty' });
    };
    fit();
    const report = () => changed.current(padStrokes(pad.toData(), size.current.width, size.current.height));
    pad.addEventListener('endStroke', report);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      const rect = canvas.getBoundingClientRect();
      if (rect.width !== size.current.width || rect.height !== size.current.height) fit();
    });
    observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', report);
      pad.off();
      engine.current = null;
    };
  }, [elder]);

  return (
    <canvas
      ref={canvasRef}
      className={`signature-pad${elder ? ' signature-pad--elder' : ''}`}
      data-testid="signature-pad"
      role="img"
      aria-label={label}
    />
  );
}
