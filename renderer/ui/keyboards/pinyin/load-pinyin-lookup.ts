/** Loads the generated index on first use (a separate chunk, so the first screen stays small). */
import { createPinyinLookup, type PinyinLookup } from './pinyin-lookup';

let pending: Promise<PinyinLookup> | undefined;

/** The shared lookup; the first call starts the dynamic import, later calls reuse it. */
export function loadPinyinLookup(): Promise<PinyinLookup> {
  pending ??= import('./pinyin-index.generated').then(
    (module) => createPinyinLookup(module.PINYIN_INDEX),
    (error: unknown) => {
      pending = undefined; // let a later keyboard try again
      throw error;
    },
  );
  return pending;
}
