import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml arrives with electron-builder (no @types here): the one function we use.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const root = path.resolve(import.meta.dirname, '../../..');
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; executableName: string; maintainer: string };
  win: { target: string[] };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
};

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('OneDoor');
  });

  it('builds AppImage and deb for Linux and NSIS for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('packs the app into an asar with the bundles, resources and package.json', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'resources/**/*', 'package.json']));
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
  });

  it('rebuilds native modules for Electron and flips fuses after packing', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(path.join(root, config.afterPack as string))).toBe(true);
  });
});
