/**
 * Precomputes the pinyin keyboard's index (syllable → characters) so the app
 * need not ship pinyin-pro: `npx tsx scripts/build-pinyin-index.ts`.
 * Writes renderer/ui/keyboards/pinyin/pinyin-index.generated.ts; a test fails
 * when that file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPinyinIndex, indexModuleSource } from '../renderer/ui/keyboards/pinyin/build-index';

const target = join(import.meta.dirname, '../renderer/ui/keyboards/pinyin/pinyin-index.generated.ts');
const started = performance.now();
const index = buildPinyinIndex();
const source = indexModuleSource(index);
writeFileSync(target, source);
const chars = Object.values(index).reduce((n, s) => n + Array.from(s).length, 0);
console.log(
  `pinyin index: ${Object.keys(index).length} syllables, ${chars} entries, ${Buffer.byteLength(source)} bytes, built in ${Math.round(performance.now() - started)} ms`,
);
