// Whether dist/renderer is a complete build of today's sources, decided by
// content, never by file times: scripts/build-renderer.mjs records a hash of
// every input and of every file it produced in dist/renderer-build.json, and
// `npm start` rebuilds unless the inputs hash the same, every recorded output
// is there unchanged, and every output a kiosk needs (the page, the voice
// prompts, the face models) is among them. Any other build (a bare `vite build`,
// a test's build, a copy from elsewhere) fails one of these, so start rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RENDERER_MODELS } from './prepare-face-assets.mjs';

/** What the renderer build reads: the bundle's sources, the voice prompts, the build scripts, the dependencies. */
export const RENDERER_INPUTS = [
  'renderer',
  'electron/contract',
  'domain',
  'resources/voice',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'scripts/build-renderer.mjs',
  'scripts/build-voice.mjs',
  'scripts/prepare-face-assets.mjs',
  'scripts/renderer-build-state.mjs',
];

export const OUT_DIR = 'dist/renderer';
export const RECORD = 'dist/renderer-build.json';

/** Every file under `paths` (files or folders, relative to root), sorted, with `/` separators. */
function filesUnder(root, paths) {
  const files = [];
  for (const path of paths) {
    const abs = join(root, path);
    if (!existsSync(abs)) continue;
    if (!statSync(abs).isDirectory()) {
      files.push(path);
      continue;
    }
    for (const entry of readdirSync(abs, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return [...new Set(files)].sort();
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** One hash over the inputs' names and contents. */
export function inputsHash(root) {
  const hash = createHash('sha256');
  for (const file of filesUnder(root, RENDERER_INPUTS)) {
    hash.update(`${file}\0`);
    hash.update(sha256(readFileSync(join(root, file))));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Outputs a kiosk cannot do without, relative to dist/renderer: the page, the
 * voice manifest and every clip it lists, the face models' descriptions.
 */
export function requiredOutputs(root) {
  const required = ['index.html', 'voice/manifest.json'];
  const voiceManifest = join(root, 'resources/voice/manifest.json');
  if (existsSync(voiceManifest)) {
    const { clips = {} } = JSON.parse(readFileSync(voiceManifest, 'utf8'));
    for (const byKey of Object.values(clips)) for (const clip of Object.values(byKey)) required.push(`voice/${clip.file}`);
  }
  for (const model of RENDERER_MODELS) required.push(`face/models/${model}.json`);
  return required;
}

/** Records the build just made; returns the required outputs it lacks (empty when complete). */
export function recordBuild(root) {
  const out = join(root, OUT_DIR);
  const outputs = {};
  for (const file of filesUnder(out, ['.'])) outputs[file] = sha256(readFileSync(join(out, file)));
  const missing = requiredOutputs(root).filter((file) => !(file in outputs));
  if (missing.length === 0) writeFileSync(join(root, RECORD), `${JSON.stringify({ inputs: inputsHash(root), outputs }, null, 1)}\n`);
  return missing;
}

/**
 * Whether dist/renderer can be served as it is.
 * @returns {{ fresh: true } | { fresh: false, reason: string }}
 */
export function rendererBuildState(root) {
  const recordPath = join(root, RECORD);
  if (!existsSync(recordPath)) return { fresh: false, reason: 'no complete renderer build is recorded' };
  let record;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8'));
  } catch {
    return { fresh: false, reason: `${RECORD} is unreadable` };
  }
  const outputs = record?.outputs ?? {};
  for (const file of requiredOutputs(root)) {
    if (!(file in outputs)) return { fresh: false, reason: `the recorded build lacks ${OUT_DIR}/${file}` };
  }
  for (const [file, hash] of Object.entries(outputs)) {
    const path = join(root, OUT_DIR, file);
    if (!existsSync(path)) return { fresh: false, reason: `${OUT_DIR}/${file} is missing` };
    if (sha256(readFileSync(path)) !== hash) return { fresh: false, reason: `${OUT_DIR}/${file} is not the recorded build's` };
  }
  if (record.inputs !== inputsHash(root)) return { fresh: false, reason: 'the renderer sources changed since the last build' };
  return { fresh: true };
}
