/**
 * Reads the few counts the call's checks need out of a peer connection's
 * `getStats()` report: frames decoded (video received), audio packets
 * received, and whether the selected candidate pair goes through TURN.
 * Counts only: no addresses leave this function.
 */

export interface MediaCounts {
  framesDecoded: number;
  audioPacketsReceived: number;
  relayed: boolean;
}

type StatsEntry = Record<string, unknown>;

const numberOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** The report's entries by id (a real `RTCStatsReport` or any Map-like of stats objects). */
function entriesOf(report: Pick<RTCStatsReport, 'forEach'>): Map<string, StatsEntry> {
  const entries = new Map<string, StatsEntry>();
  report.forEach((value: unknown, key: string) => {
    if (value !== null && typeof value === 'object') entries.set(key, value as StatsEntry);
  });
  return entries;
}

/** The pair ICE uses now: the transport names it (Chromium); older stacks mark the pair itself. */
function selectedPair(entries: Map<string, StatsEntry>): StatsEntry | undefined {
  for (const entry of entries.values()) {
    if (entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string') {
      const pair = entries.get(entry.selectedCandidatePairId);
      if (pair) return pair;
    }
  }
  for (const entry of entries.values()) {
    if (entry.type === 'candidate-pair' && (entry.selected === true || (entry.nominated === true && entry.state === 'succeeded'))) return entry;
  }
  return undefined;
}

const isRelay = (entries: Map<string, StatsEntry>, id: unknown): boolean => typeof id === 'string' && entries.get(id)?.candidateType === 'relay';

export function readMediaCounts(report: Pick<RTCStatsReport, 'forEach'>): MediaCounts {
  const entries = entriesOf(report);
  let framesDecoded = 0;
  let audioPacketsReceived = 0;
  for (const entry of entries.values()) {
    if (entry.type !== 'inbound-rtp') continue;
    if (entry.kind === 'video') framesDecoded += numberOf(entry.framesDecoded);
    else if (entry.kind === 'audio') audioPacketsReceived += numberOf(entry.packetsReceived);
  }
  const pair = selectedPair(entries);
  const relayed = pair !== undefined && (isRelay(entries, pair.localCandidateId) || isRelay(entries, pair.remoteCandidateId));
  return { framesDecoded, audioPacketsReceived, relayed };
}
