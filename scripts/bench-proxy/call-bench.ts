/**
 * The proxy call's figures (issue 19) on the product itself: each run starts
 * `npm run hall`'s process (its TURN is coturn in its own network namespace,
 * shared by the runs), a kiosk host linked to it and three Chromium instances
 * (kiosk, phone, console; every peer connection relay-only), the agent
 * invites at the kiosk, and the clock runs from the phone opening the link:
 *   proxy.call.link-to-media  — link opened → every party decodes video and
 *                               receives audio from both others through TURN
 *                               (ms, median / min / max of `runs` calls; the
 *                               median of each step in `detail`)
 *   proxy.call.cpu.<role>     — each party's browser process tree during a
 *                               steady `callSeconds` call in the last run
 *                               (% of one core, one-second samples)
 *   proxy.call.cpu.turn|hall  — the hall's side of that call: its coturn
 *                               relaying every stream, its server process
 * The officer has the desk open before the link is opened and the bench
 * presses 接入 the moment it is enabled: the machine is measured, not a human.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ProxyRole } from '../../electron/contract/proxy';
import { TURN_SECRET_FILE } from '../../hall/server/proxy/turn-secret';
import { startCoturn } from '../../hall/server/turn/coturn';
import { agentInvites, callStats, inviteUrl, officerJoinsAtOnce, openProxyDesk, principalJoins, startProxyParties, type ProxyParties } from '../../tests/e2e/proxy-support';
import { currentCommit } from '../bench-hall/figures';
import { allocateNetns, describeNetnsError } from '../lib/netns';
import { allFlowingThroughTurn, CALL_ROLES, CPU_SUBJECTS, cpuRow, linkToMediaRow, PHASE_WORDS, phaseMedians, PHASES, sinceLinkOpened, type CallMarks, type CpuSubject, type Phase, type ProxyBenchRow, type StatsByParty } from './call-phases';
import { launchPartyBrowser, type PartyBrowser } from './party-browser';
import { phoneScreenTimes, watchPhoneScreens } from './phone-marks';
import { treeCpuSeconds } from './process-tree-cpu';

/** How long a step may take before the run counts as broken (generous: other work shares the machine). */
const FLOWING_WITHIN_MS = 90_000;

export interface ProxyBenchOptions {
  runs: number;
  callSeconds: number;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When `step` settles (Date.now(), the phone's own marks' clock); a failure is kept for whoever awaits it, never unhandled. */
function markWhen(step: Promise<unknown>): Promise<number> {
  const marked = step.then(() => Date.now());
  marked.catch(() => undefined);
  return marked;
}

async function statsByParty(pages: Record<ProxyRole, Page>): Promise<StatsByParty> {
  const byParty: StatsByParty = {};
  for (const role of CALL_ROLES) byParty[role] = await callStats(pages[role]);
  return byParty;
}

interface CpuWatched {
  subject: CpuSubject;
  /** The root of its process tree. */
  pid: number;
}

/** Per-second CPU % of one core of each subject's process tree over `seconds`. */
async function sampleCpu(browsers: readonly CpuWatched[], seconds: number): Promise<Map<CpuSubject, number[]>> {
  const samples = new Map<CpuSubject, number[]>(browsers.map((b) => [b.subject, []]));
  let before = browsers.map((b) => treeCpuSeconds(b.pid) ?? 0);
  let at = performance.now();
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    const now = performance.now();
    const after = browsers.map((b) => treeCpuSeconds(b.pid) ?? 0);
    browsers.forEach((b, k) => samples.get(b.subject)!.push(Math.max(0, ((after[k]! - before[k]!) / ((now - at) / 1000)) * 100)));
    before = after;
    at = now;
  }
  return samples;
}

interface HallTurn {
  section: Record<string, unknown>;
  secret: string;
  /** coturn's process, for its CPU. */
  pid: number;
}

/** One call from scratch: fresh hall, kiosk and browsers; the invitation; the clocked path; CPU when asked. */
async function oneCall(turn: HallTurn, cpuSeconds: number): Promise<{ marks: CallMarks; cpu: Map<CpuSubject, number[]> | null }> {
  const launched: PartyBrowser[] = [];
  let parties: ProxyParties | undefined;
  try {
    parties = await startProxyParties({
      relayOnly: true,
      turn: turn.section,
      prepareHall: (dataDir) => writeFileSync(join(dataDir, TURN_SECRET_FILE), `${turn.secret}\n`, { mode: 0o600 }),
      launchBrowser: async (role, args) => {
        const party = await launchPartyBrowser(role, args);
        launched.push(party);
        return party.browser;
      },
    });
    const { kioskPage, phonePage, consolePage } = parties;
    await openProxyDesk(consolePage);
    await agentInvites(kioskPage);
    const invite = inviteUrl(parties.kioskFrames);

    // The phone notes its own screens; the officer waits on the open desk to join while the principal walks the path.
    await watchPhoneScreens(phonePage);
    const officerJoined = markWhen(officerJoinsAtOnce(consolePage, FLOWING_WITHIN_MS));
    const linkOpened = Date.now();
    await principalJoins(phonePage, invite);
    const pages: Record<ProxyRole, Page> = { kiosk: kioskPage, phone: phonePage, console: consolePage };
    while (!allFlowingThroughTurn(await statsByParty(pages))) {
      if (Date.now() - linkOpened > FLOWING_WITHIN_MS) throw new Error(`media did not flow through TURN at every party within ${FLOWING_WITHIN_MS / 1000} s of the link opening`);
      await sleep(100);
    }
    const allFlowing = Date.now();
    const shown = await phoneScreenTimes(phonePage);
    const marks: CallMarks = {
      linkOpened,
      pageShown: shown['intro-screen'],
      faceScreen: shown['face-screen:positioning'],
      challenge: shown['face-screen:challenge'],
      verifying: shown['face-screen:verifying'],
      callScreen: shown['call-screen'],
      officerJoined: await officerJoined,
      allFlowing,
    };
    if (cpuSeconds === 0) return { marks, cpu: null };
    const hallPid = parties.hall.process.pid;
    if (hallPid === undefined) throw new Error('the hall process has no process id');
    const watched: CpuWatched[] = [...launched.map((party) => ({ subject: party.role, pid: party.pid })), { subject: 'turn', pid: turn.pid }, { subject: 'hall', pid: hallPid }];
    const cpu = await sampleCpu(watched, cpuSeconds);
    if (!allFlowingThroughTurn(await statsByParty(pages))) throw new Error('the call stopped flowing while its CPU was sampled');
    return { marks, cpu };
  } finally {
    await parties?.stop();
    await Promise.all(launched.map((party) => party.close()));
  }
}

const describeRun = (offsets: Record<Phase, number>): string => PHASES.map((phase) => `${PHASE_WORDS[phase]} ${Math.round(offsets[phase])}`).join(' · ');

export async function benchProxyCall(options: ProxyBenchOptions): Promise<ProxyBenchRow[]> {
  const made = allocateNetns();
  if (!made.ok) throw new Error(describeNetnsError(made.error));
  const netns = made.value;
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-bench-turn-'));
  // The hall's secret, written before each hall starts: the TURN REST credentials it hands out are coturn's.
  const secret = randomBytes(32).toString('hex');
  try {
    const turn = await startCoturn({ listenIp: netns.nsIp, port: 3478, minPort: 49152, maxPort: 49800, secret, realm: 'onedoor', dataDir, netns: netns.name });
    if (!turn.ok) throw new Error(`coturn did not start: ${turn.error.detail}\n${turn.error.logTail}`);
    try {
      const section = { urls: turn.value.urls.filter((u) => u.startsWith('turn:')), stunUrls: turn.value.urls.filter((u) => u.startsWith('stun:')), embedded: { enabled: false } };
      const runs: Record<Phase, number>[] = [];
      let cpu: Map<CpuSubject, number[]> | null = null;
      for (let run = 1; run <= options.runs; run++) {
        const last = run === options.runs;
        if (last) options.log(`  run ${run} then a ${options.callSeconds} s call: sampling each party's CPU`);
        const call = await oneCall({ section, secret, pid: turn.value.pid }, last ? options.callSeconds : 0).catch((error: unknown) => {
          throw new Error(`run ${run}: ${error instanceof Error ? error.message : String(error)}`);
        });
        runs.push(sinceLinkOpened(call.marks));
        cpu = call.cpu ?? cpu;
        options.log(`  run ${run}, ms after link opened: ${describeRun(runs.at(-1)!)}`);
      }
      options.log(`  median, ms after link opened: ${describeRun(phaseMedians(runs))}`);
      const commit = currentCommit();
      return [linkToMediaRow(runs, commit), ...CPU_SUBJECTS.map((subject) => cpuRow(subject, cpu?.get(subject) ?? [], commit))];
    } finally {
      await turn.value.stop();
    }
  } finally {
    await netns.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
