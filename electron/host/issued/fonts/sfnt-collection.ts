/**
 * TrueType/OpenType collections (.ttc/.otc, e.g. Debian's NotoSansCJK-*.ttc):
 * pdf-lib cannot embed them, so one face is copied out into a standalone
 * sfnt. Tables are shared inside a collection, so only the face's table
 * directory and the tables it names are copied, with offsets rewritten.
 */

/** True when `bytes` start with the `ttcf` collection tag. */
export function isFontCollection(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[0] === 0x74 && bytes[1] === 0x74 && bytes[2] === 0x63 && bytes[3] === 0x66;
}

/** Number of faces in a collection (0 for anything else). */
export function collectionFaceCount(bytes: Uint8Array): number {
  if (!isFontCollection(bytes)) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8);
}

/**
 * Copies face `index` of a collection into a standalone sfnt; `undefined`
 * when the bytes are not a collection or the face is out of range/corrupt.
 */
export function extractCollectionFace(bytes: Uint8Array, index: number): Uint8Array | undefined {
  const count = collectionFaceCount(bytes);
  if (index < 0 || index >= count || 12 + 4 * count > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = view.getUint32(12 + 4 * index);
  if (dir + 12 > bytes.length) return undefined;
  const numTables = view.getUint16(dir + 4);
  if (dir + 12 + 16 * numTables > bytes.length) return undefined;
  const tables: Array<{ record: number; offset: number; length: number }> = [];
  for (let i = 0; i < numTables; i++) {
    const record = dir + 12 + 16 * i;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > bytes.length) return undefined;
    tables.push({ record, offset, length });
  }
  const headerSize = 12 + 16 * numTables;
  const total = tables.reduce((sum, t) => sum + align4(t.length), headerSize);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(bytes.subarray(dir, dir + 12), 0);
  let cursor = headerSize;
  tables.forEach((t, i) => {
    const record = 12 + 16 * i;
    out.set(bytes.subarray(t.record, t.record + 8), record); // tag + checksum
    outView.setUint32(record + 8, cursor);
    outView.setUint32(record + 12, t.length);
    out.set(bytes.subarray(t.offset, t.offset + t.length), cursor);
    cursor += align4(t.length);
  });
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
