/**
 * Reassembles a capture's template and image from its data reports: the
 * template's chunks first, then the image's, each numbered from 0, each full
 * but the last, each blob checked against the CRC-32 its CAPTURE response
 * announced. Anything else is a typed error; memory is bounded by the
 * announced lengths, which the decoder already bounded.
 */
import type { Result } from '../../domain/result';
import { CRC32_INIT, crc32Final, crc32Update } from './checksums';
import { MAX_CHUNK, type BlobKind, type CaptureHeader } from './protocol';

export type AssemblyError =
  | { kind: 'unexpectedChunk'; message: string }
  | { kind: 'overflow'; message: string }
  | { kind: 'blobChecksum'; blob: BlobKind; message: string };

/** The blobs of one capture, once every byte arrived and checked. */
export interface AssembledCapture {
  template: Uint8Array;
  image: Uint8Array | null;
}

export type AssemblyStep = Result<{ done: false } | { done: true; capture: AssembledCapture }, AssemblyError>;

export interface CaptureAssembler {
  /** Adds one data report's chunk. After an error or completion every further chunk is an error. */
  push(chunk: { blob: BlobKind; index: number; bytes: Uint8Array }): AssemblyStep;
}

/** Starts reassembly for a capture announced by `header`. */
export function createCaptureAssembler(header: CaptureHeader): CaptureAssembler {
  const blobs: Array<{ kind: BlobKind; length: number; crc: number }> = [{ kind: 'template', length: header.templateLength, crc: header.templateCrc32 }];
  if (header.imageLength > 0) blobs.push({ kind: 'image', length: header.imageLength, crc: header.imageCrc32 });
  const out = blobs.map((b) => new Uint8Array(b.length));
  let current = 0;
  let filled = 0;
  let nextIndex = 0;
  let crc = CRC32_INIT;
  let finished = false;

  const error = (e: AssemblyError): AssemblyStep => {
    finished = true;
    return { ok: false, error: e };
  };

  return {
    push(chunk) {
      if (finished) return error({ kind: 'unexpectedChunk', message: 'a chunk after the capture was complete or refused' });
      const blob = blobs[current]!;
      if (chunk.blob !== blob.kind) return error({ kind: 'unexpectedChunk', message: `a ${chunk.blob} chunk while the ${blob.kind} is being sent` });
      if (chunk.index !== nextIndex) return error({ kind: 'unexpectedChunk', message: `${blob.kind} chunk ${chunk.index}; expected ${nextIndex}` });
      const left = blob.length - filled;
      const expected = Math.min(MAX_CHUNK, left);
      if (chunk.bytes.length > left) return error({ kind: 'overflow', message: `${blob.kind} chunk ${chunk.index} goes past the announced ${blob.length} bytes` });
      if (chunk.bytes.length !== expected) return error({ kind: 'unexpectedChunk', message: `${blob.kind} chunk ${chunk.index} carries ${chunk.bytes.length} bytes; only the last chunk may be short` });
      out[current]!.set(chunk.bytes, filled);
      crc = crc32Update(crc, chunk.bytes);
      filled += chunk.bytes.length;
      nextIndex += 1;
      if (filled < blob.length) return { ok: true, value: { done: false } };
      if (crc32Final(crc) !== blob.crc) return error({ kind: 'blobChecksum', blob: blob.kind, message: `${blob.kind} CRC-32 does not match the announced one` });
      current += 1;
      filled = 0;
      nextIndex = 0;
      crc = CRC32_INIT;
      if (current < blobs.length) return { ok: true, value: { done: false } };
      finished = true;
      return { ok: true, value: { done: true, capture: { template: out[0]!, image: out[1] ?? null } } };
    },
  };
}
