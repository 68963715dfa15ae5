/** Paper widths of the kiosk's thermal printer and what fits on a line (DOMAIN.md §8). */

/** Supported roll widths in millimetres. */
export type PaperWidthMm = 58 | 80;

/** How much fits across the paper. */
export interface PaperLayout {
  /** Half-width (12-dot) columns per line; a 汉字 takes two. */
  columns: number;
  /** Printable dots per line (for QR sizing). */
  dots: number;
}

/** 80 mm: 576 dots, 48 half-width / 24 full-width characters; 58 mm: 384 dots, 32 / 16. */
export const PAPER_LAYOUTS: Readonly<Record<PaperWidthMm, PaperLayout>> = {
  80: { columns: 48, dots: 576 },
  58: { columns: 32, dots: 384 },
};

/** Layout options of the encoder: a paper width, optionally overriding the columns and dots for a given model. */
export interface LayoutOptions {
  paperWidthMm: PaperWidthMm;
  columns?: number;
  dots?: number;
}

/** Resolves {@link LayoutOptions} to columns and dots (at least 2 columns and 21 dots). */
export function resolveLayout(options: LayoutOptions): PaperLayout {
  const base = PAPER_LAYOUTS[options.paperWidthMm];
  return {
    columns: Math.max(2, Math.floor(options.columns ?? base.columns)),
    dots: Math.max(21, Math.floor(options.dots ?? base.dots)),
  };
}
