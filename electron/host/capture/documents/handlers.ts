/** `document.submit`: a page from the document camera, held in session.data for this session only. */
import { kioskError, type CallHandlers } from '../../api/dispatch';
import type { Logger } from '../../log/logger';
import type { SessionStore } from '../../session/session-store';
import { faceData } from '../../face/session-data';
import { decodeJpeg } from '../photo/decode-jpeg';

/** Pages a session may hold. */
export const MAX_DOCUMENT_PAGES = 10;

/** Creates `document.submit`. */
export function createDocumentHandlers(ctx: { sessions: SessionStore; logger: Logger; newId: () => string }): Pick<CallHandlers, 'document.submit'> {
  return {
    'document.submit': async ({ sessionId, jpeg }) => {
      const session = ctx.sessions.get(sessionId);
      if (!session) return { ok: false, error: kioskError('noSession') };
      ctx.sessions.touch(sessionId);
      const data = faceData(session);
      if (data.documents().length >= MAX_DOCUMENT_PAGES) return { ok: false, error: { ...kioskError('invalidParams'), messageKey: 'camera.document.tooManyPages' } };
      const bytes = new Uint8Array(Buffer.from(jpeg, 'base64'));
      const decoded = await decodeJpeg(bytes, { maxPixels: 8_000_000 });
      if (!decoded.ok) return { ok: false, error: { ...kioskError('invalidParams'), messageKey: 'camera.document.unreadable' } };
      const documentId = ctx.newId();
      const { width, height } = decoded.image;
      data.addDocument({ documentId, jpeg: bytes, width, height });
      ctx.logger.info({ sessionId, width, height, bytes: bytes.length }, 'document page captured');
      return { ok: true, value: { documentId, width, height, bytes: bytes.length } };
    },
  };
}
