/**
 * A QR code drawn as SVG from its text (the `qrcode` package's module
 * matrix, one rectangle per run of dark modules), crisp at any size, with
 * the quiet zone scanners need. The text is named for screen readers by
 * `label`, never read out.
 */
import QRCode from 'qrcode';
import { useMemo, type ReactElement } from 'react';

const QUIET = 4;

export function QrCode({ text, label, size }: { text: string; label: string; size: number }): ReactElement {
  const { path, n } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const count = qr.modules.size;
    const parts: string[] = [];
    for (let row = 0; row < count; row++) {
      let col = 0;
      while (col < count) {
        if (!qr.modules.get(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < count && qr.modules.get(row, col)) col++;
        parts.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h${start - col}Z`);
      }
    }
    return { path: parts.join(''), n: count + 2 * QUIET };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n} ${n}`} shapeRendering="crispEdges" data-testid="qr-code">
      <rect width={n} height={n} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
