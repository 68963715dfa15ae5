/**
 * 2,000 simulated kiosks on one broker, each publishing its status every
 * 10 s, in `processes` child processes (two cores: the kiosks' side must not
 * starve the console's); a "console" client in this process subscribes to
 * KIOSK_WILDCARD like the hall server, validates every message, and measures
 * help call press (the call's queuedAt) → received, for `calls` calls from
 * random kiosks while the status traffic runs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { HelpCallMessage, KIOSK_WILDCARD, KioskStatusMessage, parseKioskTopic } from '../../electron/contract/hall-link';
import { startBenchBroker } from './broker';
import { currentCommit, latencyRow, type HallBenchRow } from './figures';

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
}

export async function benchHelpCalls(options: HelpCallsBenchOptions): Promise<HallBenchRow[]> {
  const { log } = options;
  const broker = await startBenchBroker();
  const fleets: ChildProcess[] = [];
  const hall = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'bench-console', clean: true, keepalive: 30 });
  try {
    const latencies: number[] = [];
    let statusValid = 0;
    let invalid = 0;
    hall.on('message', (topic, payload) => {
      const received = Date.now();
      const parsed = parseKioskTopic(topic);
      if (!parsed) return;
      let body: unknown;
      try {
        body = JSON.parse(payload.toString('utf8'));
      } catch {
        invalid += 1;
        return;
      }
      switch (parsed.kind) {
        case 'status':
          if (KioskStatusMessage.safeParse(body).success) statusValid += 1;
          else invalid += 1;
          return;
        case 'help': {
          const call = HelpCallMessage.safeParse(body);
          if (!call.success) invalid += 1;
          else if (call.data.type === 'raised') latencies.push(received - Date.parse(call.data.queuedAt));
          return;
        }
        case 'online':
        case 'alert':
        case 'supervision':
        case 'journal':
        case 'command':
        case 'commandAck':
          return;
      }
    });
    await hall.subscribeAsync(KIOSK_WILDCARD, { qos: 1 });

    let start = performance.now();
    const perProcess = Math.ceil(options.kiosks / options.processes);
    const reports = new Map<ChildProcess, FleetReport>();
    const readies: Array<Promise<void>> = [];
    for (let p = 0; p < options.processes; p += 1) {
      const first = p * perProcess;
      const count = Math.min(perProcess, options.kiosks - first);
      const child = fork(join(import.meta.dirname, 'kiosk-fleet.ts'), [broker.url, String(first), String(count)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      fleets.push(child);
      child.on('message', (m: FleetReport) => reports.set(child, { ...reports.get(child), ...m }));
      readies.push(
        new Promise((resolve, reject) => {
          child.on('message', (m: FleetReport) => m.ready && resolve());
          child.once('exit', (code) => reject(new Error(`a kiosk fleet process exited (${code})`)));
        }),
      );
    }
    await withTimeout(Promise.all(readies), 180_000, 'kiosks did not all connect within 3 minutes');
    const connected = [...reports.values()].reduce((n, r) => n + (r.connected ?? 0), 0);
    log(`  ${connected} kiosks connected in ${((performance.now() - start) / 1000).toFixed(1)} s (${options.processes} processes)`);
    // One full status cycle with every kiosk on before the first call.
    await sleep(12_000);

    start = performance.now();
    const statusBefore = statusValid;
    for (let i = 0; i < options.calls; i += 1) {
      const index = Math.floor(Math.random() * options.kiosks);
      fleets[Math.floor(index / perProcess)]!.send({ help: index });
      await sleep(80 + Math.random() * 80);
    }
    await sleep(3000);
    const seconds = (performance.now() - start) / 1000;
    log(`  console: ${latencies.length}/${options.calls} help calls received; ${Math.round((statusValid - statusBefore) / seconds)} valid status messages/s meanwhile; ${invalid} invalid`);
    const rows = [latencyRow('hall.help.press-to-console', latencies, 99, 500)];
    log(`  help call press → console: p50 ${rows[0]!.p50} ms, p99 ${rows[0]!.median} ms, max ${rows[0]!.max} ms`);
    rows.push({ id: 'hall.help.calls-lost', median: options.calls - latencies.length, unit: 'calls', target: 0, better: 'lower', commit: currentCommit() });
    return rows;
  } finally {
    for (const child of fleets) {
      if (child.exitCode === null) child.send({ stop: true });
    }
    await Promise.all(fleets.map((child) => (child.exitCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))));
    await hall.endAsync(true);
    await broker.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}
