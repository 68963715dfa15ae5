/**
 * The proxy bench's arithmetic (pure): when a call counts as flowing, the
 * moments of one call as offsets from "link opened", and the rows they make.
 */
import type { ProxyRole } from '../../electron/contract/proxy';
import type { PeerStats } from '../../renderer/proxy-call/mesh-types';
import { median, spread } from '../bench/row';
import { round, type HallBenchRow } from '../bench-hall/figures';

export const CALL_ROLES: readonly ProxyRole[] = ['kiosk', 'phone', 'console'];

/** Targets: see docs/video-proxy.md § Measured for why 15 s (it includes the phone page and the face check). */
export const LINK_TO_MEDIA_TARGET_MS = 15_000;
/** A party's browser stays under one core (a kiosk PC has four, a phone at least as many). */
export const CPU_TARGET_PERCENT = 100;
/**
 * The hall's side of one call (its TURN relaying every stream, its server
 * signalling) stays under a quarter of a core: four calls at once, more than a
 * hall's kiosks place, fit in one core of the hall's machine.
 */
export const HALL_CPU_TARGET_PERCENT = 25;

/** Whose CPU the bench samples: each party's browser, the hall's coturn and the hall's server process. */
export type CpuSubject = ProxyRole | 'turn' | 'hall';
export const CPU_SUBJECTS: readonly CpuSubject[] = [...CALL_ROLES, 'turn', 'hall'];

/** A row with a sentence saying what was measured, for whoever reads bench-results.json. */
export interface ProxyBenchRow extends HallBenchRow {
  description: string;
}

/** What each party's `onedoorCallStats()` said of the others. */
export type StatsByParty = Partial<Record<ProxyRole, Partial<Record<ProxyRole, PeerStats>>>>;

/** One peer's media reaches this party: video frames decoded, audio packets received, through a TURN relay. */
export function flowingThroughTurn(stats: PeerStats | undefined): boolean {
  return stats !== undefined && stats.framesDecoded > 0 && stats.audioPacketsReceived > 0 && stats.relayed;
}

/** Every party sees and hears both others, each through TURN. */
export function allFlowingThroughTurn(byParty: StatsByParty): boolean {
  return CALL_ROLES.every((self) => CALL_ROLES.filter((peer) => peer !== self).every((peer) => flowingThroughTurn(byParty[self]?.[peer])));
}

/** The moments of one call (wall-clock ms), in the order the path reaches them. */
export interface CallMarks {
  /** The phone navigates to the invitation URL. */
  linkOpened: number;
  /** The phone shows the intro (the page loaded and the hall accepted the token). */
  pageShown: number;
  /** The principal tapped 同意: the face screen, camera starting, face detector loading. */
  faceScreen: number;
  /** A good face in frame: the hall's challenge issued, frames sent when it asks. */
  challenge: number;
  /** The frames sent: the hall compares the face with the principal's record. */
  verifying: number;
  /** The hall's face comparison passed: the phone's call screen. */
  callScreen: number;
  /** The officer's 接入 took: the console's call with 开始录制. */
  officerJoined: number;
  /** {@link allFlowingThroughTurn} first true. */
  allFlowing: number;
}

export const PHASES = ['pageShown', 'faceScreen', 'challenge', 'verifying', 'callScreen', 'officerJoined', 'allFlowing'] as const;
export type Phase = (typeof PHASES)[number];

/** Words for the printed breakdown. */
export const PHASE_WORDS: Record<Phase, string> = {
  pageShown: 'phone page shown',
  faceScreen: 'consent tapped',
  challenge: 'face in frame, challenge',
  verifying: 'hall comparing',
  callScreen: 'face passed, call screen',
  officerJoined: 'officer joined',
  allFlowing: 'all media flowing (TURN)',
};

/** Each moment of a call as milliseconds after the link was opened. */
export function sinceLinkOpened(marks: CallMarks): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((phase) => [phase, marks[phase] - marks.linkOpened])) as Record<Phase, number>;
}

/** The median offset of each moment over the runs. */
export function phaseMedians(runs: readonly Record<Phase, number>[]): Record<Phase, number> {
  if (runs.length === 0) throw new Error('a benchmark produced no measurements');
  return Object.fromEntries(PHASES.map((phase) => [phase, round(median(runs.map((run) => run[phase])))])) as Record<Phase, number>;
}

const LINK_TO_MEDIA =
  'link opened (the phone navigates to the invitation) → every party decodes video and receives audio from both others through TURN; ' +
  'includes the phone page loading, the consent tap and the hall\'s face comparison; the officer has the desk open and the bench presses 接入 ' +
  'the moment it is enabled (the machine measured, not a human). detail: median ms after link opened of each step';

/** The headline row: link opened → all media flowing, with the median of each step in `detail`. */
export function linkToMediaRow(runs: readonly Record<Phase, number>[], commit: string): ProxyBenchRow {
  const total = spread(runs.map((run) => run.allFlowing));
  const detail = Object.fromEntries(Object.entries(phaseMedians(runs)).map(([phase, ms]) => [`${phase}Ms`, ms]));
  return { id: 'proxy.call.link-to-media', median: round(total.median), min: round(total.min), max: round(total.max), unit: 'ms', target: LINK_TO_MEDIA_TARGET_MS, better: 'lower', runs: runs.length, commit, detail, description: LINK_TO_MEDIA };
}

const CPU_WORDS: Record<CpuSubject, string> = {
  kiosk: "the kiosk party's whole Chromium process tree",
  phone: "the phone party's whole Chromium process tree",
  console: "the console party's whole Chromium process tree",
  turn: "the hall's coturn relaying every stream of the call (all three parties relay-only)",
  hall: "the hall server's process tree (signalling, the case, the live feed; no media)",
};

/** One subject's CPU row from its one-second samples during a steady call (% of one core). */
export function cpuRow(subject: CpuSubject, samples: readonly number[], commit: string): ProxyBenchRow {
  const per = spread(samples);
  const target = subject === 'turn' || subject === 'hall' ? HALL_CPU_TARGET_PERCENT : CPU_TARGET_PERCENT;
  return {
    id: `proxy.call.cpu.${subject}`,
    median: round(per.median),
    min: round(per.min),
    max: round(per.max),
    unit: '%core',
    target,
    better: 'lower',
    runs: samples.length,
    commit,
    description: `${CPU_WORDS[subject]} during a steady relay-only call on the product's pages, % of one core, one-second samples`,
  };
}

/** Ids this bench wrote before and no longer does (dropped from bench-results.json). */
export const RETIRED_IDS: readonly string[] = ['proxy.call.media-flowing'];
