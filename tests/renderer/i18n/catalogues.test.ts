import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceKind, DeviceState, ErrorCode, MediaState, ServiceCategory } from '../../../electron/contract';
import { clientErrors } from '../../../renderer/api/envelope';
import { catalogues, createI18n, flattenKeys, LANGUAGES } from '../../../renderer/i18n';

const RENDERER = join(import.meta.dirname, '../../../renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Literal keys passed to t('…'), t("…") or t(`…`) without interpolation. */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const pattern = /\bt\(\s*(?:'([^'\n]+)'|"([^"\n]+)"|`([^`$\n]+)`)/g;
  for (const file of sourceFiles(RENDERER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) keys.set(match[1] ?? match[2] ?? match[3]!, file);
  }
  return keys;
}

const keysOf = Object.fromEntries(LANGUAGES.map((lng) => [lng, new Set(flattenKeys(catalogues[lng]))]));

describe('i18n catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = [...keysOf['zh-CN']!];
    const en = [...keysOf.en!];
    expect(zh.filter((k) => !keysOf.en!.has(k)), 'in zh-CN but not en').toEqual([]);
    expect(en.filter((k) => !keysOf['zh-CN']!.has(k)), 'in en but not zh-CN').toEqual([]);
  });

  it('has no empty strings', () => {
    for (const lng of LANGUAGES) {
      const i18n = createI18n(lng);
      for (const key of keysOf[lng]!) expect(i18n.t(key).trim(), `${lng}:${key}`).not.toBe('');
    }
  });

  it('has every key the renderer source uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(20); // the scan itself works
    for (const lng of LANGUAGES) {
      const missing = [...used].filter(([key]) => !keysOf[lng]!.has(key)).map(([key, file]) => `${key} (${file})`);
      expect(missing, `missing from ${lng}`).toEqual([]);
    }
  });

  it('has words for every device kind, state, media state and error the host or client can send', () => {
    const needed = [
      ...DeviceKind.options.map((k) => `devices.kind.${k}`),
      ...DeviceState.options.map((s) => `devices.state.${s}`),
      ...MediaState.options.map((m) => `devices.media.${m}`),
      ...ErrorCode.options.map((c) => `errors.${c}`),
      ...Object.values(clientErrors).map((e) => e.messageKey),
    ];
    for (const lng of LANGUAGES) expect(needed.filter((k) => !keysOf[lng]!.has(k)), lng).toEqual([]);
  });

  it('has words for every identity, ID-number and service reason key the host sends, and every category', () => {
    const needed = [
      'identity.unknownCardType',
      'identity.unreadable',
      'identity.readFailed',
      'idNumber.invalid',
      // electron/host/services/catalogue.ts documents these reason keys.
      ...DeviceKind.options.flatMap((k) => [`service.deviceDown.${k}`, `service.deviceMissing.${k}`]),
      'service.disabledAtSite',
      'service.unavailable',
      ...ServiceCategory.options.map((c) => `home.categories.${c}`),
      ...['high', 'medium', 'low', 'muted'].map((v) => `speaker.${v}`),
    ];
    for (const lng of LANGUAGES) expect(needed.filter((k) => !keysOf[lng]!.has(k)), lng).toEqual([]);
  });
});

describe('voice prompts', () => {
  it('exist in both languages and contain no digits or Latin letters in Chinese (espeak reads them from pinyin)', () => {
    const zhVoice = [...keysOf['zh-CN']!].filter((k) => k.startsWith('voice.'));
    expect(zhVoice.length).toBeGreaterThan(5);
    const zh = createI18n('zh-CN');
    for (const key of zhVoice) expect(zh.t(key), key).not.toMatch(/[0-9A-Za-z]/);
  });
});

