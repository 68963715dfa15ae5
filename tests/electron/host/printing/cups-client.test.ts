/**
 * The CUPS client's requests, seen through stand-in `lp` and `ipptool` tools
 * that record what they were asked (no real CUPS needed).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCupsClient } from '../../../../electron/host/printing/a4';

const dir = mkdtempSync(join(tmpdir(), 'onedoor-cups-client-'));
const log = join(dir, 'calls.jsonl');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tool that appends {tool, args, testFile} to the log and answers like the real one. */
function standIn(tool: 'lp' | 'ipptool'): string {
  const path = join(dir, tool);
  const answer = tool === 'lp' ? `console.log('request id is q-5 (1 file(s))');` : '';
  writeFileSync(
    path,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const file = args.at(-1);
const testFile = ${JSON.stringify(tool)} === 'ipptool' ? fs.readFileSync(file, 'utf8') : '';
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: ${JSON.stringify(tool)}, args, testFile }) + '\\n');
${answer}
`,
  );
  chmodSync(path, 0o755);
  return path;
}

interface Call {
  tool: string;
  args: string[];
  testFile: string;
}

/** The requesting-user-name a call sends: lp's -U (else the account lp runs as), ipptool's attribute with -d values filled in. */
function requestingUser(call: Call): string {
  if (call.tool === 'lp') {
    const i = call.args.indexOf('-U');
    return i >= 0 ? call.args[i + 1]! : userInfo().username;
  }
  const value = /requesting-user-name (\S+)/.exec(call.testFile)?.[1] ?? '';
  if (!value.startsWith('$')) return value;
  const define = call.args.find((a, i) => call.args[i - 1] === '-d' && a.startsWith(`${value.slice(1)}=`));
  return define?.split('=')[1] ?? '';
}

describe('CUPS client requests', () => {
  it('submits, cancels and purges as one requesting user, so the kiosk owns the jobs it cancels', async () => {
    const cups = createCupsClient({ lp: standIn('lp'), ipptool: standIn('ipptool') });
    expect(await cups.submit('q', new Uint8Array([0x25]), 'OneDoor N-1')).toEqual({ ok: true, value: 5 });
    expect((await cups.cancel('q', 5)).ok).toBe(true);
    expect((await cups.purge('q', 5)).ok).toBe(true);
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Call);
    expect(calls.map((c) => c.tool)).toEqual(['lp', 'ipptool', 'ipptool']);
    expect(new Set(calls.map(requestingUser))).toEqual(new Set([userInfo().username]));
    // The purge asks CUPS to delete the job's files and record, not only to stop it.
    expect(calls[2]!.testFile).toMatch(/ATTR boolean purge-job true/);
  });
});
