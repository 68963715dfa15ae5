/** Command-line options of `npm run soak`, parsed into `{options} | {error}` rather than thrown. */

/** What one soak run does. */
export interface SoakOptions {
  /** Complete sessions to drive. */
  sessions: number;
  /** Sessions before memory growth is measured from (warm-up). */
  warmup: number;
  /** Memory is sampled after every `sampleEvery` sessions. */
  sampleEvery: number;
  /** Where the JSON results go. */
  out: string;
  /** A heap census of the host every this many sessions (0: none; see scripts/soak/host-heap.ts). */
  heapCensus: number;
}

const usage = 'usage: npm run soak -- [--sessions N] [--warmup N] [--sample-every N] [--heap-census N] [--out FILE]';

/** Parses `argv` (without node and the script). */
export function parseSoakOptions(argv: readonly string[]): { options: SoakOptions } | { error: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!;
    const value = argv[i + 1];
    if (!['--sessions', '--warmup', '--sample-every', '--heap-census', '--out'].includes(key) || value === undefined) return { error: `unknown or incomplete option ${key}\n${usage}` };
    values.set(key, value);
  }
  const int = (key: string, fallback: number, min: number): number | string => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min ? n : `${key} must be an integer ≥ ${min}`;
  };
  const sessions = int('--sessions', 50, 1);
  if (typeof sessions === 'string') return { error: sessions };
  // Default warm-up: the first tenth of the run (100 of 1000), before which the host's caches and the JIT settle.
  const warmup = int('--warmup', Math.floor(sessions / 10), 0);
  if (typeof warmup === 'string') return { error: warmup };
  const sampleEvery = int('--sample-every', 5, 1);
  if (typeof sampleEvery === 'string') return { error: sampleEvery };
  const heapCensus = int('--heap-census', 0, 0);
  if (typeof heapCensus === 'string') return { error: heapCensus };
  return { options: { sessions, warmup: Math.min(warmup, sessions), sampleEvery, heapCensus, out: values.get('--out') ?? 'soak-results.json' } };
}
