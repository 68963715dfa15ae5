#!/usr/bin/env node
// Runs @doyensec/electronegativity over the Electron sources (electron/) and,
// when it has been built, over the shipped bundles (dist/electron/). Offline:
// the check that downloads Electron's release list is excluded. The tool exits
// 0 whatever it finds, so this script reads its CSV and fails (exit 1) on any
// HIGH or MEDIUM finding not listed, with a reason, in
// security/electronegativity-accepted.json. It also fails if the tool produced
// no report, so a crash never passes as "no findings".
// Usage: node scripts/check-electronegativity.mjs [--verbose]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose');
const require = createRequire(import.meta.url);
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const electronVersion = require('electron/package.json').version;
const acceptedFile = join(root, 'security/electronegativity-accepted.json');
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/** Runs the tool over one folder; returns its findings with repo-relative file paths. */
function scan(target) {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const out = join(dir, 'report.csv');
  const args = [cli, '-i', join(root, target), '-o', out, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  try {
    if (run.error || !existsSync(out)) {
      throw new Error(`electronegativity produced no report for ${target} (status ${run.status}).\n${run.stderr ?? ''}${run.stdout ?? ''}${run.error ?? ''}`);
    }
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    const names = header.map((h) => h.trim());
    return rows.map((cells) => {
      const f = Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()]));
      const file = f.filename === 'N/A' ? 'N/A' : posix.join(target, f.filename.replaceAll('\\', '/'));
      return { issue: f.issue, severity: f.severity.toUpperCase(), confidence: f.confidence, file, location: f.location, sample: f.sample, description: f.description };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadAccepted() {
  const json = JSON.parse(readFileSync(acceptedFile, 'utf8'));
  const entries = Array.isArray(json.accepted) ? json.accepted : [];
  const problems = [];
  entries.forEach((entry, i) => {
    if (typeof entry.issue !== 'string' || !entry.issue) problems.push(`accepted[${i}]: "issue" is required`);
    if (typeof entry.file !== 'string' || !entry.file) problems.push(`accepted[${i}]: "file" is required`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`accepted[${i}] (${entry.issue}): a "reason" of at least 20 characters is required`);
  });
  return { entries, problems };
}

const matches = (entry, finding) =>
  entry.issue === finding.issue && entry.file === finding.file && (entry.sample === undefined || finding.sample.includes(entry.sample));

const targets = ['electron', ...(existsSync(join(root, 'dist/electron')) ? ['dist/electron'] : [])];
const { entries, problems } = loadAccepted();
let findings;
try {
  findings = targets.flatMap(scan);
} catch (error) {
  console.error(String(error.message ?? error));
  process.exit(1);
}

const used = new Set();
const failing = [];
const acceptedFindings = [];
for (const finding of findings) {
  if (!FAILING.has(finding.severity)) continue;
  const index = entries.findIndex((entry) => matches(entry, finding));
  if (index >= 0) {
    used.add(index);
    acceptedFindings.push({ finding, reason: entries[index].reason });
  } else failing.push(finding);
}

const bySeverity = {};
for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
const line = (f) => `  ${f.severity.padEnd(13)} ${f.issue.padEnd(42)} ${f.file}:${f.location}${f.sample && f.sample !== 'N/A' ? `  ${f.sample.slice(0, 90)}` : ''}`;

console.log(`electronegativity (Electron ${electronVersion}) over ${targets.join(', ')}: ${findings.length} finding(s) ${JSON.stringify(bySeverity)}`);
if (verbose) for (const f of findings) console.log(line(f));
if (acceptedFindings.length) {
  console.log(`accepted (${relative(root, acceptedFile)}):`);
  for (const { finding } of acceptedFindings) console.log(line(finding));
}
const below = findings.filter((f) => !FAILING.has(f.severity));
if (below.length && !verbose) {
  console.log('below MEDIUM (not failing):');
  for (const f of below) console.log(line(f));
}
entries.forEach((entry, i) => {
  if (!used.has(i)) console.warn(`warning: accepted[${i}] (${entry.issue} in ${entry.file}) matches no finding any more; remove it`);
});
for (const problem of problems) console.error(`error: ${problem}`);
if (failing.length) {
  console.error(`${failing.length} HIGH/MEDIUM finding(s) not accepted:`);
  for (const f of failing) console.error(`${line(f)}\n      ${f.description}`);
}
if (failing.length || problems.length) process.exit(1);
console.log('ok: no unaccepted HIGH or MEDIUM findings');
