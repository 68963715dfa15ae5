// electron-builder afterPack hook: flips Electron's fuses on the packed binary
// (before electron-builder signs it). CommonJS because electron-builder
// require()s hooks; @electron/fuses is ESM-only, hence the dynamic import.
//
// What each fuse does and why it is set so: docs/packaging.md § Fuses.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder require()s hooks; this file is CommonJS
const path = require('node:path');

/** Fuse name → value. Names are FuseV1Options keys; resolved to indices at run time. */
const FUSES = Object.freeze({
  RunAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the kiosk into a Node shell
  EnableCookieEncryption: true, // cookies on disk encrypted with the OS keystore
  EnableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS ignored (no --require injection)
  EnableNodeCliInspectArguments: false, // --inspect / --inspect-brk ignored
  EnableEmbeddedAsarIntegrityValidation: true, // app.asar checked against the hash electron-builder embeds
  OnlyLoadAppFromAsar: true, // no app/ folder or loose files next to the binary
  GrantFileProtocolExtraPrivileges: false, // we serve app://kiosk/, file:// needs no extra powers
});

/** Path of the Electron binary electron-builder just laid out. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unsupported platform ${electronPlatformName}`);
  }
}

/** The config handed to flipFuses, with names resolved through the module's own enum. */
function fuseConfig(fuses) {
  const config = { version: fuses.FuseVersion.V1 };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`after-pack: @electron/fuses does not know the fuse ${name}`);
    config[index] = value;
  }
  return config;
}

/**
 * Flips the fuses. `loadFuses` is injectable for tests; by default it imports
 * @electron/fuses.
 */
async function afterPack(context, loadFuses = () => import('@electron/fuses')) {
  const fuses = await loadFuses();
  const binary = electronBinaryPath(context);
  const config = fuseConfig(fuses);
  await fuses.flipFuses(binary, config);
  console.log(`  • fuses flipped  binary=${binary} ${Object.entries(FUSES).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.fuseConfig = fuseConfig;
