/**
 * A compromised renderer sends whatever bytes it likes to `document.submit`:
 * random bytes, and a real page cut short or with bytes flipped. The handler
 * answers every one with a value (a refused page or an error), never throws,
 * and keeps nothing that it did not accept.
 */
import fc from 'fast-check';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentHandlers } from '../../../../../electron/host/capture/documents/handlers';
import { sessionPages } from '../../../../../electron/host/capture/documents/session-pages';
import type { DocumentFlowPort } from '../../../../../electron/host/flows/document-to-flow';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { pageJpeg } from './pages';

/** A flow whose document step always asks for the page and takes every accepted one. */
const flow: DocumentFlowPort = {
  asked: () => [{ value: 'lease', maxPages: 20, pageIds: [] }],
  pageAccepted: () => true,
  pageDeleted: () => true,
};

function setup() {
  const sessions = createSessionStore();
  const started = sessions.start({ language: 'zh-CN', elderMode: false });
  if (!started.ok) throw new Error('no session');
  let n = 0;
  const handlers = createDocumentHandlers({ sessions, logger: pino({ level: 'silent' }), newId: () => `p${++n}`, flow });
  const sessionId = started.value.sessionId;
  const submit = (bytes: Uint8Array) => handlers['document.submit']({ sessionId, stepId: 'papers', paper: 'lease', jpeg: Buffer.from(bytes).toString('base64') });
  return { sessions, sessionId, submit };
}

let good: Uint8Array;
beforeAll(async () => {
  good = await pageJpeg({ width: 1024, height: 768 });
});

describe('document.submit with hostile bytes', () => {
  it('random bytes (with or without a JPEG start marker) are refused as values', async () => {
    const run = setup();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 4096 }), async (soi, noise) => {
        const bytes = soi ? new Uint8Array([0xff, 0xd8, 0xff, ...noise]) : noise;
        const reply = await run.submit(bytes);
        expect(reply.ok ? reply.value.accepted : false).toBe(false);
      }),
      { numRuns: 150 },
    );
    expect(sessionPages(run.sessions.get(run.sessionId)!).count()).toBe(0);
  });

  it('a real page cut short or with bytes flipped never crashes the handler', async () => {
    const run = setup();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), async (cut, flips) => {
        const bytes = good.slice(0, cut);
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        const reply = await run.submit(bytes);
        // A value either way; an accepted page is one the host could decode and measure.
        if (!reply.ok) expect(reply.error.messageKey).toMatch(/^camera\.document\./);
        else if (reply.value.accepted) expect(reply.value.width).toBe(1024);
        else expect(reply.value.messageKey).toMatch(/^camera\.document\./);
      }),
      { numRuns: 60 },
    );
  });
});
