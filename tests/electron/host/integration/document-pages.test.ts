/**
 * The host as composed (createHost): `document.submit` and
 * `document.deletePage` are wired, checked against the contract, and take
 * no page outside a document capture step (no registered service has one
 * yet; the step itself is tested in tests/electron/host/flows/library).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageJpeg } from '../capture/documents/pages';
import { startHarness, type HostHarness } from './host-harness';

let h: HostHarness;
let jpeg: string;
beforeAll(async () => {
  h = await startHarness();
  jpeg = Buffer.from(await pageJpeg()).toString('base64');
}, 30_000);
afterAll(() => h?.close());

describe('document pages in the composed host', () => {
  it('refuses a page outside a document capture step, and a call without its step and paper', async () => {
    const { sessionId } = await h.call<{ sessionId: string }>('session.start', { language: 'zh-CN', elderMode: false });
    expect(await h.raw('document.submit', { sessionId, stepId: 'papers', paper: 'lease', jpeg })).toMatchObject({ ok: false, error: { messageKey: 'camera.document.notAsked' } });
    expect(await h.raw('document.deletePage', { sessionId, stepId: 'papers', paper: 'lease', pageId: 'page-1' })).toMatchObject({ ok: false, error: { messageKey: 'camera.document.unknownPage' } });
    expect(await h.raw('document.submit', { sessionId, jpeg })).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
    await h.call('session.end', { sessionId, reason: 'finished' });
    expect(await h.raw('document.submit', { sessionId, stepId: 'papers', paper: 'lease', jpeg })).toMatchObject({ ok: false, error: { code: 'noSession' } });
  });
});
