/**
 * The back-end call behind a photo studio's 数码照片回执: the standard photo
 * the studio uploaded under the receipt's code, for the spec the kiosk's
 * photo step asks for. A real gateway answers `POST /v1/ops/studio-photo`
 * with the same shapes; the sandbox answers from studio-receipts.sandbox.json
 * beside this file and the photos in resources/sandbox/studio-photos/.
 * The photo step belongs to the step library, not to one service, so the
 * library declares this operation (served by `npm run sandbox-gateway` too).
 * A receipt unknown to the back-end is the gateway's `notFound`.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PhotoSpecId } from '../../../contract';
import { RECEIPT_CODE } from '../../../../domain/photo-receipt-code';
import { resourcesPath } from '../../../../drivers/resources-dir';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import sandboxData from './studio-receipts.sandbox.json' with { type: 'json' };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The receipt's code, the spec asked for, and whose photo it must be: the
 * session's fixed identity, so a code read off someone else's receipt (or
 * guessed) brings no one else's photo: the back-end answers `notFound`.
 */
export const StudioPhotoRequest = z.object({ receiptCode: z.string().regex(RECEIPT_CODE), spec: PhotoSpecId, idNumber: z.string().regex(/^[0-9]{17}[0-9X]$/) }).strict();
export type StudioPhotoRequest = z.infer<typeof StudioPhotoRequest>;

/** The largest photo (base64) the back-end may send: above every spec's byte range (100 KB of JPEG). */
const MAX_PHOTO_BASE64 = 140_000;

export const StudioPhotoAnswer = z.discriminatedUnion('status', [
  /** The photo, of the spec asked for; `takenOn` is when the studio uploaded it. */
  z.object({ status: z.literal('found'), spec: PhotoSpecId, jpeg: z.string().min(16).max(MAX_PHOTO_BASE64).regex(/^[A-Za-z0-9+/]+=*$/), takenOn: IsoDate }).strict(),
  /** The receipt is for another kind of photo (e.g. a 驾驶证 photo offered for an ID card). */
  z.object({ status: z.literal('wrongSpec'), spec: PhotoSpecId }).strict(),
  /** The receipt is too old for the back-end to accept. */
  z.object({ status: z.literal('expired'), takenOn: IsoDate }).strict(),
]);
export type StudioPhotoAnswer = z.infer<typeof StudioPhotoAnswer>;

/**
 * How long the sandbox accepts a receipt. An assumption (local rules differ;
 * the real back-end decides): six months.
 */
export const SANDBOX_RECEIPT_VALID_DAYS = 180;

/** `holders`: whose photo it is (the studio registers the photo under the person's ID number). */
const SandboxReceipts = z.record(
  z.string().regex(RECEIPT_CODE),
  z.object({ spec: PhotoSpecId, ageDays: z.number().int().min(0), holders: z.array(z.string().regex(/^[0-9]{17}[0-9X]$/)).min(1) }).strict(),
);
const sandboxReceipts = sandboxTable(SandboxReceipts, sandboxData.receipts);

/** The day `days` before `today` (`YYYY-MM-DD`, calendar arithmetic in UTC). */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export const studioPhoto: BackendOperation<StudioPhotoRequest, StudioPhotoAnswer> = {
  name: 'studio-photo',
  request: StudioPhotoRequest,
  response: StudioPhotoAnswer,
  sandbox: async (request, world) => {
    const table = sandboxReceipts();
    if (!table.ok) return table;
    // Own keys only: the code is the citizen's input. Another person's receipt is as unknown as a made-up code.
    const receipt = Object.hasOwn(table.value, request.receiptCode) ? table.value[request.receiptCode] : undefined;
    if (!receipt?.holders.includes(request.idNumber.toUpperCase())) return { ok: false, error: { kind: 'notFound' } };
    const takenOn = daysBefore(world.today(), receipt.ageDays);
    if (receipt.ageDays > SANDBOX_RECEIPT_VALID_DAYS) return { ok: true, value: { status: 'expired', takenOn } };
    if (receipt.spec !== request.spec) return { ok: true, value: { status: 'wrongSpec', spec: receipt.spec } };
    const jpeg = await readFile(resourcesPath('sandbox', 'studio-photos', `${receipt.spec}.jpg`));
    return { ok: true, value: { status: 'found', spec: receipt.spec, jpeg: jpeg.toString('base64'), takenOn } };
  },
};
