/**
 * The kit's `attachments` desk over the session store: the bytes of each
 * capture step's piece, from the session that captured them (the photo
 * candidates, the scanner's templates, the papers' PDFs), each checked
 * against the hash the flow recorded when it accepted it. The signature's
 * strokes are in the flow's fact already; this adds the kiosk where it was
 * given. What it returns goes into the application (the outbox, encrypted);
 * nothing here logs content.
 */
import { createHash } from 'node:crypto';
import { err, ok } from '../../../domain/result';
import type { ApplicationAttachments } from '../gateway/application-attachments';
import { faceData } from '../face/session-data';
import { sessionPages } from '../capture/documents/session-pages';
import type { SessionStore } from '../session/session-store';
import type { AttachmentDesk } from './library/attachments';
import { sessionFingerprints } from './fingerprint-to-flow';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Creates the desk for this kiosk's sessions. */
export function createSessionAttachments(sessions: SessionStore, kioskId: string): AttachmentDesk {
  return {
    resolve(sessionId, refs) {
      const session = sessions.get(sessionId);
      if (!session) return err('no session');
      const attachments: ApplicationAttachments = {};
      for (const ref of refs) {
        switch (ref.kind) {
          case 'photo': {
            const photo = faceData(session)
              .candidates(ref.spec)
              .find((candidate) => candidate.passed && sha256(candidate.jpeg) === ref.sha256);
            if (!photo) return err(`${ref.step}: the chosen photo is not in the session`);
            attachments.photo = { step: ref.step, spec: ref.spec, jpegBase64: base64(photo.jpeg), sha256: ref.sha256 };
            break;
          }
          case 'fingerprints': {
            const kept = sessionFingerprints(session).filter((print) => print.stepId === ref.step);
            const prints = [];
            for (const print of ref.prints) {
              const template = kept.findLast((p) => p.finger === print.finger && sha256(p.template) === print.sha256)?.template;
              if (!template) return err(`${ref.step}: the template of finger ${print.finger} is not in the session`);
              prints.push({ finger: print.finger, quality: print.quality, templateBase64: base64(template), sha256: print.sha256 });
            }
            attachments.fingerprints = { step: ref.step, prints, exemptions: ref.exemptions };
            break;
          }
          case 'signature':
            attachments.signature = { step: ref.step, documentKey: ref.documentKey, strokes: ref.strokes, signedAt: ref.signedAt, kioskId, sha256: ref.sha256 };
            break;
          case 'papers': {
            const papers = [];
            for (const paper of ref.papers) {
              const pdf = sessionPages(session).pdf(ref.step, paper.paper);
              if (!pdf || sha256(pdf) !== paper.sha256) return err(`${ref.step}: the PDF of ${paper.paper} is not in the session`);
              papers.push({ step: ref.step, paper: paper.paper, pages: paper.pages, pdfBase64: base64(pdf), sha256: paper.sha256 });
            }
            attachments.papers = [...(attachments.papers ?? []), ...papers];
            break;
          }
          default: {
            const unknown: never = ref;
            return unknown;
          }
        }
      }
      return ok(attachments);
    },
  };
}
