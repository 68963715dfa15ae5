/** React access to the lazily loaded pinyin index. */
import { useEffect, useEffectEvent, useState } from 'react';
import { loadPinyinLookup } from './load-pinyin-lookup';
import type { PinyinLookup } from './pinyin-lookup';

/** Where the index is. */
export type PinyinLookupState = { status: 'loading' } | { status: 'ready'; lookup: PinyinLookup } | { status: 'failed' };

/** Starts loading once on mount; `load` can be replaced in tests. */
export function usePinyinLookup(load: () => Promise<PinyinLookup> = loadPinyinLookup): PinyinLookupState {
  const [state, setState] = useState<PinyinLookupState>({ status: 'loading' });
  const start = useEffectEvent(() => load());
  useEffect(() => {
    let current = true;
    start().then(
      (lookup) => {
        if (current) setState({ status: 'ready', lookup });
      },
      () => {
        if (current) setState({ status: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
