/**
 * Both hands, palms down, as the citizen sees their own hands over the
 * scanner: the left hand on the left, thumbs toward the middle. The finger
 * asked for is highlighted; fingers already taken are marked. Finger codes
 * are the 指位代码 (docs/fingerprint-protocol.md §11).
 */
import type { ReactElement } from 'react';

/** Each finger's drawing: x of its tip, its length, its angle (thumbs lean in). */
const FINGERS: ReadonlyArray<{ code: number; x: number; length: number; angle: number }> = [
  // Left hand (16 thumb … 20 little), drawn on the left: little finger outermost.
  { code: 20, x: 30, length: 60, angle: -8 },
  { code: 19, x: 62, length: 80, angle: -3 },
  { code: 18, x: 94, length: 88, angle: 0 },
  { code: 17, x: 126, length: 80, angle: 3 },
  { code: 16, x: 168, length: 56, angle: 40 },
  // Right hand (11 thumb … 15 little), mirrored.
  { code: 11, x: 252, length: 56, angle: -40 },
  { code: 12, x: 294, length: 80, angle: -3 },
  { code: 13, x: 326, length: 88, angle: 0 },
  { code: 14, x: 358, length: 80, angle: 3 },
  { code: 15, x: 390, length: 60, angle: 8 },
];

export function HandDiagram({ finger, taken, label }: { finger: number | null; taken: readonly number[]; label: string }): ReactElement {
  return (
    <svg className="hand-diagram" viewBox="0 0 420 220" role="img" aria-label={label} data-testid="hand-diagram">
      <rect x="14" y="110" width="140" height="96" rx="40" className="hand-diagram__palm" />
      <rect x="266" y="110" width="140" height="96" rx="40" className="hand-diagram__palm" />
      {FINGERS.map((f) => {
        const state = f.code === finger ? 'current' : taken.includes(f.code) ? 'taken' : 'idle';
        const baseY = f.code === 16 || f.code === 11 ? 150 : 120;
        return (
          <rect
            key={f.code}
            data-testid={`finger-${f.code}`}
            data-state={state}
            className={`hand-diagram__finger is-${state}`}
            x={f.x - 13}
            y={baseY - f.length}
            width="26"
            height={f.length + 12}
            rx="13"
            transform={`rotate(${f.angle} ${f.x} ${baseY})`}
          />
        );
      })}
    </svg>
  );
}
