/**
 * `npm run hall -- recording export <caseId> --out FILE`: decrypts one 可视化代办
 * recording for an audit (Matroska: the kiosk's and the phone's picture and
 * voice). The file is written owner-only and never over an existing one.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { HallConfig } from '../hall/server/config';
import { loadOrCreateRecordingKey } from '../hall/server/proxy/recording/recording-key';
import { recordingPaths } from '../hall/server/proxy/recording/recording-paths';
import { createRecordingStore } from '../hall/server/proxy/recording/recording-store';

export const RECORDING_USAGE = 'npm run hall -- recording export <caseId> --out FILE [--config FILE]';

export async function recordingCommand(config: HallConfig, argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, config: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: ${RECORDING_USAGE}\n`);
    return 64;
  }
  const [action, caseId] = parsed.positionals;
  const out = parsed.values.out;
  if (action !== 'export' || !caseId || !out || parsed.positionals.length !== 2) {
    process.stderr.write(`Usage: ${RECORDING_USAGE}\n`);
    return 64;
  }
  const paths = recordingPaths(config.dataDir);
  const key = loadOrCreateRecordingKey(paths.keyDir);
  if (!key.ok) {
    process.stderr.write(`The recording key ${key.error.path} cannot be used (${key.error.kind}). 录像密钥无法使用。\n`);
    return 1;
  }
  const store = createRecordingStore({ dir: paths.dir, key: key.value, retentionDays: 1, log: (message) => process.stderr.write(`${message}\n`) });
  const plaintext = await store.open(caseId);
  if (!plaintext) {
    process.stderr.write(`No readable recording for case ${caseId} (unknown, deleted after its retention, or damaged). 没有该案件的可用录像。\n`);
    return 1;
  }
  const target = resolve(out);
  try {
    writeFileSync(target, plaintext, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(code === 'EEXIST' ? `${target} exists already; choose another --out. 目标文件已存在。\n` : `Cannot write ${target}: ${code ?? 'error'}. 无法写入。\n`);
    return 1;
  }
  process.stdout.write(`Wrote the recording of case ${caseId} to ${target} (${plaintext.byteLength} bytes). 录像已导出到 ${target}。\n`);
  return 0;
}
