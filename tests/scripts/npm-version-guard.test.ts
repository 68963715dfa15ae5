/**
 * The install refuses an npm that ignores `allowScripts` (and so would run
 * every dependency's install script, Electron's download included): npm
 * 11.18.0 is the first with the enforcing `strict-allow-scripts` checks
 * (allowScripts itself arrived, advisory only, in 11.16.0).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmVersionProblem } from '../../scripts/check-npm.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: Record<string, string>;
  devEngines?: { packageManager?: { name: string; version: string; onFail?: string } };
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const npmrc = readFileSync(path.join(root, '.npmrc'), 'utf8').split('\n').map((line) => line.trim());

/** Runs the guard as npm would run the root's preinstall, under the given npm. */
function preinstallUnder(npmVersion: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/check-npm.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, npm_config_user_agent: `npm/${npmVersion} node/v20.20.2 linux x64 workspaces/false` },
  });
}

describe('the npm an install needs', () => {
  it('package.json asks for an npm that enforces allowScripts, in engines and in devEngines (npm refuses to run otherwise)', () => {
    expect(pkg.engines.npm).toBe('>=11.18.0');
    expect(pkg.devEngines?.packageManager).toEqual({ name: 'npm', version: pkg.engines.npm, onFail: 'error' });
    expect(npmrc).toContain('strict-allow-scripts=true');
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'better-sqlite3': true });
  });

  it('the root preinstall runs the guard, for npm releases that predate devEngines', () => {
    expect(pkg.scripts.preinstall).toBe('node scripts/check-npm.mjs');
  });

  it.each(['10.8.2', '11.15.0', '11.16.0', '11.17.1'])('fails the install under npm %s, saying why and what to do', (version) => {
    const run = preinstallUnder(version);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`npm ${version}`);
    expect(run.stderr).toContain('>=11.18.0');
    expect(run.stderr).toContain('allowScripts');
    expect(run.stderr).toContain('npm install -g npm@11');
  });

  it.each(['11.18.0', '11.19.1', '12.0.2'])('lets npm %s through', (version) => {
    const run = preinstallUnder(version);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('refuses when it cannot tell which npm runs it (not npm, or no user agent)', () => {
    expect(npmVersionProblem('yarn/1.22.22 npm/? node/v20.20.2', '>=11.18.0')).toMatch(/cannot tell/);
    expect(npmVersionProblem(undefined, '>=11.18.0')).toMatch(/cannot tell/);
  });
});
