/**
 * The fonts a document is set in: per style (regular, bold) a fallback chain
 * of faces. The first face is always loaded; later ones load only when a
 * character is missing from the faces before them. A character no face has
 * is reported by name, so a blank box is never printed silently.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../../../domain/result';
import { fontkit, type Font } from './fontkit';
import { extractCollectionFace, isFontCollection } from './sfnt-collection';

export type FontStyle = 'regular' | 'bold';

/** One face on disk. For a collection (.ttc), `postscriptName` picks the face. */
export interface FontFaceSource {
  path: string;
  postscriptName?: string;
  /** Skip silently when the file does not exist (system fallbacks). */
  optional?: boolean;
}

/** The fallback chain per style; the first entry is the primary face. */
export interface FontChainConfig {
  regular: FontFaceSource[];
  bold: FontFaceSource[];
}

/** A face ready to measure and subset. `bytes` is a standalone sfnt (never a collection). */
export interface LoadedFace {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly font: Font;
}

export type FontError =
  | { kind: 'fontUnavailable'; path: string; message: string }
  | { kind: 'missingGlyph'; char: string; codePoint: string; style: FontStyle };

const NOTO_SC_DIR = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const DEBIAN_NOTO_CJK = '/usr/share/fonts/opentype/noto';

/**
 * Noto Sans SC (Google Fonts build, npm) first: it covers GB 18030's CJK
 * Unified Ideographs incl. Ext A (䶮) but only ~220 Ext B characters. Then,
 * when installed, Debian's Noto Sans CJK SC (fonts-noto-cjk, a .ttc) which
 * adds ~2 100 Ext B characters.
 */
export function defaultFontChain(): FontChainConfig {
  return {
    regular: [
      { path: join(NOTO_SC_DIR, '400Regular', 'NotoSansSC_400Regular.ttf') },
      { path: join(DEBIAN_NOTO_CJK, 'NotoSansCJK-Regular.ttc'), postscriptName: 'NotoSansCJKsc-Regular', optional: true },
    ],
    bold: [
      { path: join(NOTO_SC_DIR, '700Bold', 'NotoSansSC_700Bold.ttf') },
      { path: join(DEBIAN_NOTO_CJK, 'NotoSansCJK-Bold.ttc'), postscriptName: 'NotoSansCJKsc-Bold', optional: true },
    ],
  };
}

/** Fonts of one chain config, loaded lazily and cached for the process. */
export interface FontLibrary {
  /**
   * Makes sure every character of `text` has a face in `style`'s chain,
   * loading fallbacks as needed; the first uncovered character is an error.
   */
  cover(style: FontStyle, text: string): Promise<Result<void, FontError>>;
  /** The face for a code point among the faces loaded so far (call `cover` first). */
  faceFor(style: FontStyle, codePoint: number): LoadedFace | undefined;
}

const faceCache = new Map<string, Promise<Result<LoadedFace | undefined, FontError>>>();

/** Reads one face (cached by path and name); `undefined` for a missing optional face. */
export function loadFace(source: FontFaceSource): Promise<Result<LoadedFace | undefined, FontError>> {
  const id = source.postscriptName ? `${source.path}#${source.postscriptName}` : source.path;
  let cached = faceCache.get(id);
  if (!cached) {
    cached = readFace(id, source);
    faceCache.set(id, cached);
  }
  return cached;
}

async function readFace(id: string, source: FontFaceSource): Promise<Result<LoadedFace | undefined, FontError>> {
  if (source.optional && !existsSync(source.path)) return ok(undefined);
  try {
    let bytes: Uint8Array = new Uint8Array(await readFile(source.path));
    if (isFontCollection(bytes)) {
      const collection = fontkit.create(bytes) as unknown as { fonts?: Font[] };
      const index = (collection.fonts ?? []).findIndex((f) => f.postscriptName === source.postscriptName);
      const face = index < 0 ? undefined : extractCollectionFace(bytes, index);
      if (!face) return err({ kind: 'fontUnavailable', path: source.path, message: `no face ${source.postscriptName ?? '(unnamed)'} in collection` });
      bytes = face;
    }
    const font = fontkit.create(bytes);
    if (typeof font.hasGlyphForCodePoint !== 'function') {
      return err({ kind: 'fontUnavailable', path: source.path, message: 'not a single font face' });
    }
    return ok({ id, bytes, font });
  } catch (error) {
    return err({ kind: 'fontUnavailable', path: source.path, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Creates a library over `config` (default: {@link defaultFontChain}). */
export function createFontLibrary(config: FontChainConfig = defaultFontChain()): FontLibrary {
  const loaded: Record<FontStyle, LoadedFace[]> = { regular: [], bold: [] };
  const next: Record<FontStyle, number> = { regular: 0, bold: 0 };

  const findLoaded = (style: FontStyle, cp: number): LoadedFace | undefined =>
    loaded[style].find((face) => face.font.hasGlyphForCodePoint(cp));

  async function loadNext(style: FontStyle): Promise<Result<boolean, FontError>> {
    const chain = config[style];
    while (next[style] < chain.length) {
      const source = chain[next[style]]!;
      next[style] += 1;
      const face = await loadFace(source);
      if (!face.ok) return face;
      if (face.value) {
        loaded[style].push(face.value);
        return ok(true);
      }
    }
    return ok(false);
  }

  return {
    async cover(style, text) {
      if (loaded[style].length === 0) {
        const first = await loadNext(style);
        if (!first.ok) return first;
      }
      for (const char of new Set(Array.from(text))) {
        const cp = char.codePointAt(0)!;
        if (isLayoutControl(cp)) continue;
        while (!findLoaded(style, cp)) {
          const more = await loadNext(style);
          if (!more.ok) return more;
          if (!more.value) {
            return err({ kind: 'missingGlyph', char, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, style });
          }
        }
      }
      return ok(undefined);
    },
    faceFor: (style, cp) => findLoaded(style, cp),
  };
}

/** Line breaks and tabs are layout, not glyphs. */
export function isLayoutControl(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x09;
}
