import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);

type AfterPack = ((context: unknown, loadFuses?: () => Promise<unknown>) => Promise<void>) & {
  FUSES: Record<string, boolean>;
};
const afterPack = require('../../../build/after-pack.cjs') as AfterPack;

/** A stand-in for @electron/fuses with the real enum values. */
function mockedFuses() {
  return {
    FuseVersion: { V1: '1' },
    FuseV1Options: {
      RunAsNode: 0,
      EnableCookieEncryption: 1,
      EnableNodeOptionsEnvironmentVariable: 2,
      EnableNodeCliInspectArguments: 3,
      EnableEmbeddedAsarIntegrityValidation: 4,
      OnlyLoadAppFromAsar: 5,
      LoadBrowserProcessSpecificV8Snapshot: 6,
      GrantFileProtocolExtraPrivileges: 7,
      WasmTrapHandlers: 8,
    },
    flipFuses: vi.fn(async (_binary: string, _config: Record<string, unknown>) => 0),
  };
}

const linuxContext = {
  appOutDir: '/build/release/linux-unpacked',
  electronPlatformName: 'linux',
  packager: { executableName: 'onedoor', appInfo: { productFilename: 'OneDoor' } },
};

describe('after-pack fuses', () => {
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });

  it('flips exactly the chosen fuses on the Linux binary', async () => {
    const fuses = mockedFuses();
    await afterPack(linuxContext, async () => fuses);
    expect(fuses.flipFuses).toHaveBeenCalledTimes(1);
    expect(fuses.flipFuses).toHaveBeenCalledWith(path.join('/build/release/linux-unpacked', 'onedoor'), {
      version: '1',
      0: false, // RunAsNode
      1: true, // EnableCookieEncryption
      2: false, // EnableNodeOptionsEnvironmentVariable
      3: false, // EnableNodeCliInspectArguments
      4: true, // EnableEmbeddedAsarIntegrityValidation
      5: true, // OnlyLoadAppFromAsar
      7: false, // GrantFileProtocolExtraPrivileges
    });
  });

  it('names the fuses it sets', () => {
    expect(afterPack.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('finds the Windows executable by product name', async () => {
    const fuses = mockedFuses();
    await afterPack({ ...linuxContext, appOutDir: 'C:/out/win-unpacked', electronPlatformName: 'win32' }, async () => fuses);
    expect(fuses.flipFuses.mock.calls[0]![0]).toBe(path.join('C:/out/win-unpacked', 'OneDoor.exe'));
  });

  it('fails loudly when the fuse library does not know a fuse', async () => {
    const fuses = mockedFuses();
    delete (fuses.FuseV1Options as Partial<typeof fuses.FuseV1Options>).OnlyLoadAppFromAsar;
    await expect(afterPack(linuxContext, async () => fuses)).rejects.toThrow(/OnlyLoadAppFromAsar/);
    expect(fuses.flipFuses).not.toHaveBeenCalled();
  });

  it('uses the real @electron/fuses enum by default', async () => {
    const real = (await import('@electron/fuses')) as unknown as ReturnType<typeof mockedFuses>;
    for (const name of Object.keys(afterPack.FUSES)) expect(typeof real.FuseV1Options[name as keyof typeof real.FuseV1Options], name).toBe('number');
  });
});
