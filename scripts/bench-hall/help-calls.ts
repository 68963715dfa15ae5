/**
 * Help call press → console, through the real hall: `kiosks` simulated kiosks
 * in `processes` child processes, each with its own login over MQTT 5 + TLS
 * (ACL on), publishing a valid status every 10 s; the real hall (`startHall`:
 * Mosquitto, the MQTT ingest into PostgreSQL, the HTTP server); a console
 * signed in through `/api/login` and listening on `/api/live`. For `calls`
 * presses at random kiosks, spread over time while the status traffic runs,
 * the latency is `Date.now()` when the console receives the call's `helpCall`
 * message minus `Date.now()` at the press in the kiosk's process (same
 * machine, same clock). The path measured: kiosk MQTT client → TLS → broker
 * (ACL) → hall ingest (validation, INSERT into help_calls, commit, PUBACK) →
 * live hub (read back from PostgreSQL) → WebSocket → console (zod check).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readBrokerRuntime } from '../../hall/server/broker/runtime-file';
import { openLiveConsole, type LiveConsole } from './console-client';
import { CORES, machineBusy, postmasterPid, processCpuSeconds, processTreeCpuSeconds, sampleMachine } from './cpu';
import { currentCommit, latencyRow, percentile, round, type HallBenchRow } from './figures';
import { provisionKiosks, startBenchHall, type BenchHall } from './real-hall';
import { kioskId } from './simulated-kiosk';

export interface HelpCallsBenchOptions {
  kiosks: number;
  calls: number;
  processes: number;
  log: (line: string) => void;
}

interface FleetReport {
  ready?: boolean;
  connected?: number;
  statusSent?: number;
  statusFailed?: number;
  cpuMs?: number;
  pressed?: { callId: string; at: number };
}

export async function benchHelpCalls(options: HelpCallsBenchOptions): Promise<HallBenchRow[]> {
  const { log } = options;
  let start = performance.now();
  const bench: BenchHall = await startBenchHall();
  const fleets: ChildProcess[] = [];
  let live: LiveConsole | null = null;
  try {
    const ids = Array.from({ length: options.kiosks }, (_, i) => kioskId(i));
    await provisionKiosks(bench.broker, bench.brokerDir, ids);
    log(`  hall up (PostgreSQL, Mosquitto TLS, ingest, HTTP) and ${ids.length} kiosks provisioned in ${s(performance.now() - start)}`);
    live = await openLiveConsole(bench.hall.db, bench.origin);

    start = performance.now();
    const perProcess = Math.ceil(options.kiosks / options.processes);
    const reports = new Map<ChildProcess, FleetReport>();
    const pressed = new Map<string, number>();
    const readies: Array<Promise<void>> = [];
    for (let p = 0; p < options.processes; p += 1) {
      const first = p * perProcess;
      const count = Math.min(perProcess, options.kiosks - first);
      const child = fork(join(import.meta.dirname, 'kiosk-fleet.ts'), [bench.brokerDir, String(first), String(count)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      fleets.push(child);
      child.on('message', (m: FleetReport) => {
        if (m.pressed) pressed.set(m.pressed.callId, m.pressed.at);
        else reports.set(child, { ...reports.get(child), ...m });
      });
      readies.push(
        new Promise((resolve, reject) => {
          child.on('message', (m: FleetReport) => m.ready && resolve());
          child.once('exit', (code) => reject(new Error(`a kiosk fleet process exited (${code})`)));
        }),
      );
    }
    await withTimeout(Promise.all(readies), 240_000, 'kiosks did not all connect within 4 minutes');
    const connected = [...reports.values()].reduce((n, r) => n + (r.connected ?? 0), 0);
    log(`  ${connected} kiosks connected over TLS in ${s(performance.now() - start)} (${options.processes} processes)`);
    // One full status cycle with every kiosk on before the first call.
    await sleep(12_000);

    const brokerPid = readBrokerRuntime(bench.brokerDir)?.pid ?? null;
    const pgPid = postmasterPid(bench.postgres.dataDir);
    const cpuOf = (pid: number | null, tree = false) => (pid === null ? null : tree ? processTreeCpuSeconds(pid) : processCpuSeconds(pid));
    const before = { machine: sampleMachine(), broker: cpuOf(brokerPid), postgres: cpuOf(pgPid, true), self: process.cpuUsage(), fleet: await fleetCpu(fleets, reports), link: bench.link.stats(), console: live.counts() };
    start = performance.now();
    for (let i = 0; i < options.calls; i += 1) {
      const index = Math.floor(Math.random() * options.kiosks);
      fleets[Math.floor(index / perProcess)]!.send({ help: index });
      await sleep(80 + Math.random() * 80);
    }
    // Until every pressed call reached the console, at most 10 s after the last press.
    for (let waited = 0; waited < 10_000 && !(pressed.size === options.calls && [...pressed.keys()].every((id) => live!.helpCallsAt.has(id))); waited += 100) await sleep(100);
    const seconds = (performance.now() - start) / 1000;
    const after = { machine: sampleMachine(), broker: cpuOf(brokerPid), postgres: cpuOf(pgPid, true), self: process.cpuUsage(before.self), fleet: await fleetCpu(fleets, reports), link: bench.link.stats(), console: live.counts() };

    const latencies: number[] = [];
    for (const [callId, at] of pressed) {
      const received = live.helpCallsAt.get(callId);
      if (received !== undefined) latencies.push(received - at);
    }
    const busy = machineBusy(before.machine, after.machine);
    const share = (cpuSeconds: number) => `${Math.round((100 * cpuSeconds) / seconds)} %`;
    const used = (a: number | null, b: number | null) => (a !== null && b !== null ? b - a : 0);
    // What the bench's own processes used, in cores; the rest of the machine's busy time is someone else's.
    const benchCores = (used(before.broker, after.broker) + used(before.postgres, after.postgres) + (after.self.user + after.self.system) / 1e6 + (after.fleet - before.fleet) / 1000) / seconds;
    const foreignCores = Math.max(0, busy * CORES - benchCores);
    log(`  window ${seconds.toFixed(1)} s: ${pressed.size} presses, ${latencies.length} reached the console; hall ingest ${Math.round((after.link.received - before.link.received) / seconds)} messages/s (${after.link.rejected - before.link.rejected} refused); console got ${Math.round((after.console.kiosk - before.console.kiosk) / seconds)} kiosk updates/s, ${after.console.invalid} invalid`);
    log(`  CPU (share of one core): broker ${share(used(before.broker, after.broker))}, PostgreSQL ${share(used(before.postgres, after.postgres))}, hall process (ingest, HTTP, console client) ${share((after.self.user + after.self.system) / 1e6)}, kiosk processes ${share((after.fleet - before.fleet) / 1000)}`);
    log(`  machine ${Math.round(busy * 100)} % busy of ${CORES} cores: the bench ${benchCores.toFixed(2)} cores, other processes on this machine ${foreignCores.toFixed(2)} cores${busy > 0.9 ? ' (SATURATED)' : ''}`);
    const row = latencyRow('hall.help.press-to-console', latencies, 99, 500);
    log(`  help call press → console: p50 ${row.p50} ms, p95 ${round(percentile(latencies, 95))} ms, p99 ${row.median} ms, max ${row.max} ms`);
    row.detail = { kiosks: connected, calls: pressed.size, p95: round(percentile(latencies, 95)), machineBusyPercent: Math.round(busy * 100), cores: CORES, benchCores: round(benchCores), otherCores: round(foreignCores), ingestPerSecond: Math.round((after.link.received - before.link.received) / seconds) };
    return [row, { id: 'hall.help.calls-lost', median: options.calls - latencies.length, unit: 'calls', target: 0, better: 'lower', commit: currentCommit() }];
  } finally {
    live?.close();
    for (const child of fleets) if (child.exitCode === null) child.send({ stop: true });
    await Promise.all(fleets.map((child) => (child.exitCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))));
    await bench.stop();
  }
}

/** Total CPU milliseconds of the kiosk processes (each answers a report request). */
async function fleetCpu(fleets: readonly ChildProcess[], reports: Map<ChildProcess, FleetReport>): Promise<number> {
  for (const child of fleets) {
    const r = reports.get(child);
    if (r) delete r.cpuMs;
    child.send({ report: true });
  }
  for (let waited = 0; waited < 5000 && fleets.some((c) => reports.get(c)?.cpuMs === undefined); waited += 20) await sleep(20);
  return fleets.reduce((n, c) => n + (reports.get(c)?.cpuMs ?? 0), 0);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}
