import { describe, expect, it } from 'vitest';
import type { PeerStats } from '../../renderer/proxy-call/mesh-types';
import { allFlowingThroughTurn, cpuRow, flowingThroughTurn, linkToMediaRow, phaseMedians, sinceLinkOpened, type StatsByParty } from '../../scripts/bench-proxy/call-phases';
import { meetsTarget } from '../../scripts/bench/row';

const flowing: PeerStats = { state: 'connected', framesDecoded: 12, audioPacketsReceived: 40, relayed: true };
const everyoneFlowing = (): StatsByParty => ({
  kiosk: { phone: flowing, console: flowing },
  phone: { kiosk: flowing, console: flowing },
  console: { kiosk: flowing, phone: flowing },
});

describe('when the proxy bench counts a call as flowing', () => {
  it('needs video decoded, audio received and a TURN relay from a peer', () => {
    expect(flowingThroughTurn(flowing)).toBe(true);
    expect(flowingThroughTurn({ ...flowing, framesDecoded: 0 })).toBe(false);
    expect(flowingThroughTurn({ ...flowing, audioPacketsReceived: 0 })).toBe(false);
    expect(flowingThroughTurn({ ...flowing, relayed: false })).toBe(false);
    expect(flowingThroughTurn(undefined)).toBe(false);
  });

  it('needs it at every party from both others', () => {
    expect(allFlowingThroughTurn(everyoneFlowing())).toBe(true);
    const directOnce = everyoneFlowing();
    directOnce.console = { kiosk: flowing, phone: { ...flowing, relayed: false } };
    expect(allFlowingThroughTurn(directOnce)).toBe(false);
    const phoneAlone = everyoneFlowing();
    phoneAlone.phone = { kiosk: flowing };
    expect(allFlowingThroughTurn(phoneAlone)).toBe(false);
    expect(allFlowingThroughTurn({})).toBe(false);
  });
});

describe('the proxy bench clock, from the link opened', () => {
  const marks = (linkOpened: number, flowingAfter: number) => ({ linkOpened, pageShown: linkOpened + 400, faceScreen: linkOpened + 550, challenge: linkOpened + 3000, verifying: linkOpened + 6000, callScreen: linkOpened + 6500, officerJoined: linkOpened + 6800, allFlowing: linkOpened + flowingAfter });

  it('gives every step as milliseconds after the link was opened', () => {
    expect(sinceLinkOpened(marks(10_000, 7500))).toEqual({ pageShown: 400, faceScreen: 550, challenge: 3000, verifying: 6000, callScreen: 6500, officerJoined: 6800, allFlowing: 7500 });
  });

  it('takes each step\'s median over the runs', () => {
    const runs = [marks(0, 7000), marks(5, 9000), marks(90, 8000)].map(sinceLinkOpened);
    expect(phaseMedians(runs)).toEqual({ pageShown: 400, faceScreen: 550, challenge: 3000, verifying: 6000, callScreen: 6500, officerJoined: 6800, allFlowing: 8000 });
    expect(() => phaseMedians([])).toThrow(/no measurements/);
  });

  it('makes the link-to-media row: median, spread, the steps in detail, a missed 15 s target fails', () => {
    const runs = [marks(0, 7000), marks(0, 9000), marks(0, 8000)].map(sinceLinkOpened);
    const row = linkToMediaRow(runs, 'abc1234');
    expect(row).toMatchObject({ id: 'proxy.call.link-to-media', median: 8000, min: 7000, max: 9000, unit: 'ms', target: 15_000, runs: 3, commit: 'abc1234' });
    expect(row.detail).toEqual({ pageShownMs: 400, faceScreenMs: 550, challengeMs: 3000, verifyingMs: 6000, callScreenMs: 6500, officerJoinedMs: 6800, allFlowingMs: 8000 });
    expect(row.description).toContain('接入');
    expect(meetsTarget(row)).toBe(true);
    expect(meetsTarget(linkToMediaRow([marks(0, 16_000), marks(0, 15_500)].map(sinceLinkOpened), 'abc1234'))).toBe(false);
  });

  it('makes a CPU row per party against one core', () => {
    const row = cpuRow('phone', [20, 30, 25, 120], 'abc1234');
    expect(row).toMatchObject({ id: 'proxy.call.cpu.phone', median: 27.5, min: 20, max: 120, unit: '%core', target: 100, runs: 4 });
    expect(meetsTarget(row)).toBe(true);
    expect(() => cpuRow('kiosk', [], 'abc1234')).toThrow(/no measurements/);
  });

  it('holds the hall\'s side of one call (its TURN, its server) to a quarter of a core', () => {
    const turn = cpuRow('turn', [10, 30, 20], 'abc1234');
    expect(turn).toMatchObject({ id: 'proxy.call.cpu.turn', median: 20, target: 25 });
    expect(meetsTarget(turn)).toBe(true);
    expect(meetsTarget(cpuRow('hall', [26, 30, 40], 'abc1234'))).toBe(false);
  });
});
