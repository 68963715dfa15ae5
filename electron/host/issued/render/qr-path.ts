/**
 * A QR code as one vector path (crisp at any printer resolution): one
 * rectangle per horizontal run of dark modules, in SVG path syntax with the
 * origin at the top-left, as pdf-lib's `drawSvgPath` expects.
 */
import QRCode from 'qrcode';

/** The path of `value`'s QR code, `size` units square, error correction M. */
export function qrSvgPath(value: string, size: number): string {
  const qr = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const unit = size / n;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      const x = (start * unit).toFixed(3);
      const y = (row * unit).toFixed(3);
      parts.push(`M${x} ${y}h${((col - start) * unit).toFixed(3)}v${unit.toFixed(3)}h${(-(col - start) * unit).toFixed(3)}Z`);
    }
  }
  return parts.join('');
}
