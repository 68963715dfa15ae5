import { describe, expect, it } from 'vitest';
import { createPinyinLookup } from '../../../renderer/ui/keyboards/pinyin/pinyin-lookup';
import { PINYIN_INDEX } from '../../../renderer/ui/keyboards/pinyin/pinyin-index.generated';
import { testLookup } from './support';

describe('pinyin index build (pinyin-pro, build time)', () => {
  it('matches the generated file, and reports how long a runtime build would take', async () => {
    const importStarted = performance.now();
    const { buildPinyinIndex } = await import('../../../renderer/ui/keyboards/pinyin/build-index');
    const imported = performance.now();
    const built = buildPinyinIndex();
    const done = performance.now();
    const lookupStarted = performance.now();
    const lookup = createPinyinLookup(PINYIN_INDEX);
    const lookupDone = performance.now();
    const bytes = new TextEncoder().encode(JSON.stringify(PINYIN_INDEX)).length;
    console.info(
      `[perf] pinyin index: import pinyin-pro + sources ${Math.round(imported - importStarted)} ms, ` +
        `build ${Math.round(done - imported)} ms (${lookup.size.syllables} syllables, ${lookup.size.entries} entries); ` +
        `prepare generated index ${Math.round(lookupDone - lookupStarted)} ms; generated data ${Math.round(bytes / 1024)} KiB`,
    );
    expect(built, 'run `npx tsx scripts/build-pinyin-index.ts`').toEqual(PINYIN_INDEX);
  });
});

describe('pinyin lookup', () => {
  it('offers 张 among the first candidates for "zhang"', async () => {
    const lookup = await testLookup();
    const top = lookup.candidates('zhang').slice(0, 8).map((c) => c.text);
    expect(top).toContain('张');
  });

  it('puts common surnames first for the first character of a name', async () => {
    const lookup = await testLookup();
    expect(lookup.candidates('zhang', { surnameFirst: true })[0]?.text).toBe('张');
    expect(lookup.candidates('wang', { surnameFirst: true })[0]?.text).toBe('王');
    expect(lookup.candidates('li', { surnameFirst: true })[0]?.text).toBe('李');
  });

  it('has rare name characters: 喆 (zhe), 堃 (kun), 龑 and 䶮 (yan)', async () => {
    const lookup = await testLookup();
    expect(lookup.chars('zhe')).toContain('喆');
    expect(lookup.chars('kun')).toContain('堃');
    expect(lookup.chars('yan')).toContain('龑');
    expect(lookup.chars('yan')).toContain('䶮');
    // Common characters still come before them.
    expect(lookup.chars('zhe').indexOf('这')).toBeLessThan(lookup.chars('zhe').indexOf('喆'));
  });

  it('accepts ü as v and lue/nue as spelled in schools', async () => {
    const lookup = await testLookup();
    expect(lookup.chars('lv')).toContain('吕');
    expect(lookup.chars('nv')).toContain('女');
    expect(lookup.candidates('lue').map((c) => c.text)).toContain('略');
  });

  it('segments several syllables and offers a phrase first', async () => {
    const lookup = await testLookup();
    expect(lookup.segment('zhangsan')).toEqual([
      { text: 'zhang', complete: true },
      { text: 'san', complete: true },
    ]);
    const candidates = lookup.candidates('zhangsan', { surnameFirst: true });
    expect(candidates[0]).toEqual({ text: '张三', consumed: 8, kind: 'phrase' });
    expect(candidates[1]).toEqual({ text: '张', consumed: 5, kind: 'char' });
  });

  it('treats an unfinished syllable as a prefix, and reports impossible input', async () => {
    const lookup = await testLookup();
    expect(lookup.segment('zh')).toEqual([{ text: 'zh', complete: false }]);
    expect(lookup.candidates('zh').map((c) => c.text)).toContain('这');
    expect(lookup.segment('vvv')).toBeNull();
    expect(lookup.candidates('vvv')).toEqual([]);
  });

  // An exponential segmenter would not finish these within the test's timeout; no speed is asserted here.
  it('does not blow up on long input', async () => {
    const lookup = await testLookup();
    expect(lookup.segment('a'.repeat(24))).toHaveLength(24);
    expect(lookup.segment(`${'xian'.repeat(5)}q`)).not.toBeNull();
    expect(lookup.segment(`${'a'.repeat(20)}vvv`)).toBeNull();
  });
});
