/**
 * What the sandbox 交管 back-end has done since it started: the 处罚决定
 * made (by violation: the decision's number and day, the points recorded
 * on the licence) and the fines paid. One state per sandbox back-end (keyed
 * by its world, so every host and every test starts from sandbox.json) and
 * in memory only. `traffic-violations` lists a paid violation no more, and
 * `driver-record` counts the points a decision recorded; every 车驾管
 * service reads the same state.
 */
import type { SandboxWorld } from '../../../gateway/operation';

export interface SandboxDecision {
  /** 处罚决定书编号. */
  number: string;
  decidedOn: string;
  /** The licence the points went on. */
  driver: string;
  points: number;
}

export interface TrafficSandboxState {
  /** By 违法记录编号. */
  readonly decisions: Map<string, SandboxDecision>;
  /** Decision requests already answered, by their request key: the same key answers the same decision. */
  readonly decisionRequests: Map<string, string[]>;
  /** 违法记录编号 whose fine (and any 加处罚款) is paid: handled, listed no more. */
  readonly paid: Set<string>;
  /** Payments already recorded, by their request key. */
  readonly paymentRequests: Map<string, string[]>;
  /** The next decision's sequence number. */
  sequence: number;
}

const states = new WeakMap<SandboxWorld, TrafficSandboxState>();

/** The state of the sandbox back-end behind `world`. */
export function trafficState(world: SandboxWorld): TrafficSandboxState {
  let state = states.get(world);
  if (!state) {
    state = { decisions: new Map(), decisionRequests: new Map(), paid: new Set(), paymentRequests: new Map(), sequence: 0 };
    states.set(world, state);
  }
  return state;
}

/** Points the decisions made since the start recorded on `driver`'s licence. */
export function pointsRecorded(world: SandboxWorld, driver: string): number {
  let points = 0;
  for (const decision of trafficState(world).decisions.values()) if (decision.driver === driver) points += decision.points;
  return points;
}
