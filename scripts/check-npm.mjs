// Root `preinstall`: refuses an npm that does not enforce `allowScripts`.
//
// Such an npm ignores `allowScripts` and `strict-allow-scripts=true` (.npmrc)
// and runs every dependency's install script, Electron's binary download
// included. npm 10.9+ already stops earlier on `devEngines` in package.json;
// this catches the npm 10.8 that ships with Node 20, which knows no devEngines
// (it runs this after unpacking the dependencies, but the install still fails
// instead of finishing as if all were well). No dependencies: it runs before
// node_modules exists. The required version is package.json's engines.npm.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `X.Y.Z` → numbers, or undefined. */
function parseVersion(text) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text ?? '');
  return match ? match.slice(1, 4).map(Number) : undefined;
}

function atLeast(version, minimum) {
  for (let i = 0; i < 3; i++) if (version[i] !== minimum[i]) return version[i] > minimum[i];
  return true;
}

/**
 * Why the npm in `userAgent` (npm's `npm_config_user_agent`, `npm/11.19.1
 * node/v20.20.2 …`) cannot install this project, or undefined when it can.
 * `required` is a `>=X.Y.Z` range.
 */
export function npmVersionProblem(userAgent, required) {
  const minimum = parseVersion(/^>=\s*(.*)$/.exec(required ?? '')?.[1]);
  if (!minimum) return `package.json engines.npm must be a ">=X.Y.Z" range, not ${JSON.stringify(required)}`;
  const found = /(?:^|\s)npm\/(\S+)/.exec(userAgent ?? '')?.[1];
  const version = parseVersion(found);
  if (!version) return `cannot tell which npm is installing (user agent ${JSON.stringify(userAgent ?? '')}); OneDoor installs with npm ${required}`;
  if (atLeast(version, minimum)) return undefined;
  return [
    `npm ${found} cannot install OneDoor: it needs npm ${required}.`,
    'Older npm releases ignore the allowScripts policy in package.json and strict-allow-scripts in .npmrc,',
    "so they would run every dependency's install script (native builds, Electron's download) unreviewed.",
    'Update npm first:  npm install -g npm@11   then run the install again.',
  ].join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const problem = npmVersionProblem(process.env.npm_config_user_agent, pkg.engines?.npm);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
