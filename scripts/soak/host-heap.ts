/**
 * The soak's heap census of the host (opt-in: `--heap-census N`): through
 * Node's inspector it takes a heap snapshot of the running host (V8 collects
 * garbage first, so only what is still reachable is in it) and counts, per
 * citizen, the live string objects that hold their name or ID number, and the
 * objects whose `idNumber` property holds one of their numbers. (Objects with
 * an `idNumber` key alone are no measure: V8's allocation sites keep literal
 * boilerplates and zod its schema shapes, and their number creeps up as the
 * JIT warms.) The simulated devices and the sandbox
 * back-end keep their sample citizens for good, so the counts are not zero;
 * what matters is that they do not grow with the sessions driven: a count that
 * grows means something keeps each citizen's data after their session.
 *
 * Taking a snapshot makes the host allocate, so runs that measure its RSS
 * leave the census off.
 */
import WebSocket from 'ws';
import type { Secrets } from './privacy';

/** What one census found. */
export interface HeapCensus {
  /** After this many sessions. */
  session: number;
  /** Live string objects holding each secret (key: `name:陈…` or `id:4104…1230`, masked). */
  strings: Record<string, number>;
  /** Objects whose `idNumber` property holds one of the citizens' ID numbers. */
  idNumberObjects: number;
  /** Heap objects in the snapshot. */
  nodes: number;
  ms: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** A label for a secret that is itself safe to print. */
function label(kind: 'name' | 'id', value: string): string {
  return kind === 'name' ? `name:${value.slice(0, 1)}${'*'.repeat(value.length - 1)}` : `id:${value.slice(0, 4)}**********${value.slice(-4)}`;
}

/** Counts what {@link HeapCensus} reports in a parsed V8 heap snapshot. */
export function countInSnapshot(snap: Snapshot, secrets: readonly Secrets[]): Omit<HeapCensus, 'session' | 'ms'> {
  const { meta } = snap.snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index');
  const needles = secrets.flatMap((s) => [
    ...(s.name ? [{ key: label('name', s.name), text: s.name }] : []),
    ...(s.idNumber ? [{ key: label('id', s.idNumber), text: s.idNumber }] : []),
  ]);
  const ids = secrets.flatMap((s) => (s.idNumber ? [s.idNumber] : []));
  const strings = Object.fromEntries(needles.map((n) => [n.key, 0]));
  /** Offsets (in `nodes`) of the string objects that hold an ID number. */
  const idStrings = new Set<number>();
  for (let i = 0; i < snap.nodes.length; i += nodeWidth) {
    if (!STRING_TYPES.has(nodeTypes[snap.nodes[i + typeAt]!]!)) continue;
    const text = snap.strings[snap.nodes[i + nameAt]!]!;
    for (const n of needles) if (text.includes(n.text)) strings[n.key]! += 1;
    if (ids.some((id) => text.includes(id))) idStrings.add(i);
  }
  const property = edgeTypes.indexOf('property');
  const idNumberName = snap.strings.indexOf('idNumber');
  const toAt = meta.edge_fields.indexOf('to_node');
  let idNumberObjects = 0;
  if (idNumberName >= 0)
    for (let i = 0; i < snap.edges.length; i += edgeWidth)
      if (snap.edges[i + edgeTypeAt] === property && snap.edges[i + edgeNameAt] === idNumberName && idStrings.has(snap.edges[i + toAt]!)) idNumberObjects += 1;
  return { strings, idNumberObjects, nodes: snap.nodes.length / nodeWidth };
}

/** A connection to the host's inspector that takes censuses. */
export interface HostHeap {
  census(session: number, secrets: readonly Secrets[]): Promise<HeapCensus>;
  close(): void;
}

/** Connects to the host's inspector (`ws://127.0.0.1:…`, from the host's "Debugger listening" line). */
export async function connectHostHeap(url: string): Promise<HostHeap> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  /** Calls awaiting their answer; a closed socket fails them all, so a census never hangs. */
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  let chunks: string[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: { chunk?: string }; result?: unknown; error?: unknown };
    if (message.method === 'HeapProfiler.addHeapSnapshotChunk') return void chunks.push(message.params!.chunk!);
    const call = message.id === undefined ? undefined : pending.get(message.id);
    if (!call) return;
    pending.delete(message.id!);
    if (message.error) call.reject(new Error(`inspector: ${JSON.stringify(message.error)}`));
    else call.resolve(message.result);
  });
  ws.on('close', () => {
    for (const call of pending.values()) call.reject(new Error('the host inspector closed'));
    pending.clear();
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('HeapProfiler.enable');
  return {
    async census(session, secrets) {
      const t0 = Date.now();
      chunks = [];
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const snap = JSON.parse(chunks.join('')) as Snapshot;
      chunks = [];
      return { session, ...countInSnapshot(snap, secrets), ms: Date.now() - t0 };
    },
    close: () => ws.close(),
  };
}

/**
 * What grew between the first census after the warm-up and the last one, beyond
 * `slack` (one-slot caches such as V8's RegExp last-match can hold the last
 * citizen's strings; a leak grows with the sessions).
 */
export function heapGrowth(first: HeapCensus, last: HeapCensus, slack = 2): string[] {
  const grown: string[] = [];
  for (const [key, count] of Object.entries(last.strings)) {
    const before = first.strings[key] ?? 0;
    if (count > before + slack) grown.push(`host heap: ${count - before} more live strings holding ${key} after session ${last.session} than after session ${first.session}`);
  }
  if (last.idNumberObjects > first.idNumberObjects + slack) grown.push(`host heap: ${last.idNumberObjects - first.idNumberObjects} more objects holding a citizen's idNumber after session ${last.session} than after session ${first.session}`);
  return grown;
}
