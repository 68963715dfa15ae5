/**
 * `npm start`'s decision whether dist/renderer can be served: by what the
 * build read and wrote, never by file times. Played on a small stand-in
 * project in a temporary folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordBuild, rendererBuildState } from '../../scripts/renderer-build-state.mjs';

const MODELS = ['blazeface', 'facemesh', 'iris', 'antispoof', 'liveness'];
const VOICE_MANIFEST = JSON.stringify({ version: 1, clips: { en: { 'voice.welcome': { file: 'en/voice.welcome.wav', source: 'espeak', textHash: 'x' } } } });

let root = '';
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};

/** What scripts/build-renderer.mjs leaves: the bundle, voice/ copied from resources/voice, the face models. */
function buildAll() {
  rmSync(join(root, 'dist/renderer'), { recursive: true, force: true });
  write('dist/renderer/index.html', '<html>app</html>');
  write('dist/renderer/assets/index-abc.js', 'console.log(1)');
  cpSync(join(root, 'resources/voice'), join(root, 'dist/renderer/voice'), { recursive: true });
  for (const model of MODELS) write(`dist/renderer/face/models/${model}.json`, '{}');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'onedoor-build-state-'));
  write('renderer/main.tsx', 'export {}');
  write('electron/contract/api.ts', 'export {}');
  write('vite.config.ts', 'export default {}');
  write('resources/voice/manifest.json', VOICE_MANIFEST);
  write('resources/voice/en/voice.welcome.wav', 'RIFF');
  buildAll();
  expect(recordBuild(root)).toEqual([]);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('whether npm start must rebuild the renderer', () => {
  it('serves a complete, recorded build of the current sources as it is', () => {
    expect(rendererBuildState(root)).toEqual({ fresh: true });
  });

  it('rebuilds when a later build (a test build, a bare vite build) left dist/renderer without voice/, however new its files are', () => {
    rmSync(join(root, 'dist/renderer/voice'), { recursive: true });
    const future = new Date(Date.now() + 3600_000);
    utimesSync(join(root, 'dist/renderer/index.html'), future, future);
    const state = rendererBuildState(root);
    expect(state.fresh).toBe(false);
    expect(state).toMatchObject({ reason: expect.stringContaining('dist/renderer/voice/') });
  });

  it('rebuilds when an output was replaced, even by an older file', () => {
    writeFileSync(join(root, 'dist/renderer/assets/index-abc.js'), 'console.log(2)');
    utimesSync(join(root, 'dist/renderer/assets/index-abc.js'), new Date(0), new Date(0));
    expect(rendererBuildState(root)).toMatchObject({ fresh: false, reason: expect.stringContaining('assets/index-abc.js') });
  });

  it('rebuilds when a source changed, even with an old file time, and not when a source was only touched', () => {
    const source = join(root, 'renderer/main.tsx');
    const future = new Date(Date.now() + 3600_000);
    utimesSync(source, future, future);
    expect(rendererBuildState(root)).toEqual({ fresh: true });

    writeFileSync(source, 'export const changed = 1');
    utimesSync(source, new Date(0), new Date(0));
    expect(rendererBuildState(root)).toMatchObject({ fresh: false, reason: expect.stringContaining('sources changed') });
  });

  it('rebuilds when a voice clip was added to the sources', () => {
    write('resources/voice/en/voice.goodbye.wav', 'RIFF2');
    expect(rendererBuildState(root).fresh).toBe(false);
  });

  it('records no build that lacks an output the kiosk needs, so start keeps rebuilding until one is complete', () => {
    rmSync(join(root, 'dist/renderer-build.json'));
    rmSync(join(root, 'dist/renderer/voice'), { recursive: true });
    expect(recordBuild(root)).toEqual(['voice/manifest.json', 'voice/en/voice.welcome.wav']);
    expect(rendererBuildState(root)).toMatchObject({ fresh: false, reason: expect.stringContaining('no complete renderer build') });
  });
});
