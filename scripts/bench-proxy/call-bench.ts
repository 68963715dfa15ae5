/**
 * The proxy call's figures (issue 19), three Chromium instances (kiosk,
 * phone, console) meeting through coturn in its own network namespace with
 * `iceTransportPolicy: 'relay'`, each party with its own TURN REST
 * credentials:
 *   proxy.call.media-flowing  — the parties' pages opened → video frames
 *                               decoded and audio received at every party
 *                               from every other, all through TURN (ms,
 *                               median / min / max of `runs` calls)
 *   proxy.call.cpu.<role>     — each party's browser process tree during a
 *                               steady `callSeconds` call (% of one core,
 *                               median of one-second samples)
 * How a party calls is `tests/e2e/fixtures/call-party.ts` (one file, to be
 * swapped for the product's mesh and pages).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startCoturn } from '../../hall/server/turn/coturn';
import { startCall, type CallParty, type PartyPeerStats } from '../../tests/e2e/fixtures/call-party';
import { turnRestCredentials } from '../../tests/helpers/turn-rest';
import { spread } from '../bench/row';
import { currentCommit, round, type HallBenchRow } from '../bench-hall/figures';
import { allocateNetns, describeNetnsError } from '../lib/netns';
import { launchPartyBrowser, type PartyBrowser } from './party-browser';
import { treeCpuSeconds } from './process-tree-cpu';

const ROLES = ['kiosk', 'phone', 'console'] as const;
/** Targets: a call is up within 5 s of the pages opening; a party's browser stays under one core (a kiosk PC has four). */
const MEDIA_FLOWING_TARGET_MS = 5000;
const CPU_TARGET_PERCENT = 100;
const FLOWING_WITHIN_MS = 60_000;

export interface ProxyBenchOptions {
  runs: number;
  callSeconds: number;
  log: (line: string) => void;
}

const flowingThroughTurn = (s: PartyPeerStats | undefined): boolean => s !== undefined && s.framesDecoded > 0 && s.audioPacketsReceived > 0 && s.localCandidateType === 'relay';

async function allFlowing(parties: readonly CallParty[]): Promise<boolean> {
  for (const party of parties) {
    const stats = await party.stats();
    if (!ROLES.filter((r) => r !== party.role).every((peer) => flowingThroughTurn(stats[peer]))) return false;
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Per-second CPU % of one core of each browser's process tree over `seconds`. */
async function sampleCpu(browsers: readonly PartyBrowser[], seconds: number): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(browsers.map((b) => [b.role, []]));
  let before = browsers.map((b) => treeCpuSeconds(b.pid) ?? 0);
  let at = performance.now();
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    const now = performance.now();
    const after = browsers.map((b) => treeCpuSeconds(b.pid) ?? 0);
    browsers.forEach((b, k) => samples.get(b.role)!.push(Math.max(0, ((after[k]! - before[k]!) / ((now - at) / 1000)) * 100)));
    before = after;
    at = now;
  }
  return samples;
}

export async function benchProxyCall(options: ProxyBenchOptions): Promise<HallBenchRow[]> {
  const made = allocateNetns();
  if (!made.ok) throw new Error(describeNetnsError(made.error));
  const netns = made.value;
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-bench-turn-'));
  const browsers: PartyBrowser[] = [];
  const secret = randomBytes(24).toString('hex');
  try {
    const turn = await startCoturn({ listenIp: netns.nsIp, port: 3478, minPort: 49152, maxPort: 49800, secret, realm: 'hall.bench', dataDir, netns: netns.name });
    if (!turn.ok) throw new Error(`coturn did not start: ${turn.error.detail}\n${turn.error.logTail}`);
    try {
      for (const role of ROLES) browsers.push(await launchPartyBrowser(role));
      const flowingMs: number[] = [];
      let cpu = new Map<string, number[]>();
      for (let run = 1; run <= options.runs; run++) {
        const caseId = `bench-${randomBytes(6).toString('hex')}`;
        const contexts: BrowserContext[] = await Promise.all(browsers.map((b) => b.browser.newContext()));
        try {
          const members = browsers.map((b, k) => ({ role: b.role, context: contexts[k]!, iceServers: [{ urls: turn.value.urls.filter((u) => u.startsWith('turn:')), ...turnRestCredentials(secret, { caseId, role: b.role }) }] }));
          const start = performance.now();
          const parties = await startCall(members, 'relay');
          while (!(await allFlowing(parties))) {
            if (performance.now() - start > FLOWING_WITHIN_MS) throw new Error(`run ${run}: media did not flow through TURN at every party within ${FLOWING_WITHIN_MS / 1000} s`);
            await sleep(50);
          }
          flowingMs.push(performance.now() - start);
          options.log(`  run ${run}: all media flowing through TURN after ${round(flowingMs.at(-1)!)} ms`);
          if (run === options.runs) {
            options.log(`  a ${options.callSeconds} s call: sampling each party's CPU`);
            cpu = await sampleCpu(browsers, options.callSeconds);
            if (!(await allFlowing(parties))) throw new Error('the call stopped flowing while its CPU was sampled');
          }
        } finally {
          await Promise.all(contexts.map((c) => c.close()));
        }
      }
      const commit = currentCommit();
      const flowing = spread(flowingMs);
      const rows: HallBenchRow[] = [
        { id: 'proxy.call.media-flowing', median: round(flowing.median), min: round(flowing.min), max: round(flowing.max), unit: 'ms', target: MEDIA_FLOWING_TARGET_MS, better: 'lower', runs: flowingMs.length, commit },
      ];
      for (const role of ROLES) {
        const per = spread(cpu.get(role) ?? []);
        rows.push({ id: `proxy.call.cpu.${role}`, median: round(per.median), min: round(per.min), max: round(per.max), unit: '%core', target: CPU_TARGET_PERCENT, better: 'lower', runs: cpu.get(role)!.length, commit });
      }
      return rows;
    } finally {
      await Promise.all(browsers.map((b) => b.close()));
      await turn.value.stop();
    }
  } finally {
    await netns.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
