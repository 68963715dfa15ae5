import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontkit } from '../../../../electron/host/issued/fonts/fontkit';
import { collectionFaceCount, extractCollectionFace, isFontCollection } from '../../../../electron/host/issued/fonts/sfnt-collection';

const TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('font collections', () => {
  it('rejects non-collections and out-of-range faces', () => {
    const notTtc = new Uint8Array(16);
    expect(isFontCollection(notTtc)).toBe(false);
    expect(extractCollectionFace(notTtc, 0)).toBeUndefined();
  });

  it.skipIf(!existsSync(TTC))('copies one face of Debian Noto Sans CJK into a standalone font fontkit can read', () => {
    const bytes = new Uint8Array(readFileSync(TTC));
    expect(collectionFaceCount(bytes)).toBeGreaterThan(1);
    const collection = fontkit.create(bytes) as unknown as { fonts: Array<{ postscriptName: string }> };
    const index = collection.fonts.findIndex((f) => f.postscriptName === 'NotoSansCJKsc-Regular');
    const face = fontkit.create(extractCollectionFace(bytes, index)!);
    expect(face.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(face.hasGlyphForCodePoint(0x20bb7)).toBe(true); // 𠮷
  });
});
