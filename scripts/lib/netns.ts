/**
 * A private network namespace joined to the root namespace by a veth pair,
 * for tests and benchmarks that need a server on a real (non-loopback)
 * address: Chromium gathers no loopback ICE candidates, and coturn in its own
 * namespace proves that media really goes through the relay.
 *
 * `createNetns` makes one with the names and addresses the caller gives;
 * `allocateNetns` picks a free slot (name, veth names, a /30 in 10.213.0.0/16)
 * guarded by a lock folder, so test files running at once never share one,
 * and reclaims the slot of a run that was killed. Both clean up what an
 * earlier run of the same name left behind. Needs root and iproute2's `ip`.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../domain/result';

export const IP_BINARY = '/usr/sbin/ip';

export interface NetnsPlan {
  /** The namespace's name (`ip netns list`); at most 32 characters of [A-Za-z0-9_.-]. */
  name: string;
  /** The veth end left in the root namespace gets this address. */
  hostIp: string;
  /** The end moved into the namespace gets this one. */
  nsIp: string;
  /** Prefix length of both (30 or 24 are the usual). */
  prefix: number;
}

export interface Netns extends NetnsPlan {
  /** The veth end in the root namespace (its peer inside is named the same with `n` for `h`). */
  hostLink: string;
  /** Runs `argv` inside the namespace; `stop()` kills it if it still runs. */
  exec(argv: readonly string[], options?: SpawnOptions): ChildProcess;
  /** Kills what `exec` started, removes the veth pair and the namespace; safe to call twice. */
  stop(): Promise<void>;
}

export type NetnsError =
  | { kind: 'notRoot' }
  | { kind: 'ipMissing' }
  | { kind: 'badPlan'; detail: string }
  | { kind: 'noFreeSlot' }
  | { kind: 'commandFailed'; command: string; stderr: string };

/** One line for a person reading a test failure. */
export function describeNetnsError(error: NetnsError): string {
  switch (error.kind) {
    case 'notRoot':
      return 'network namespaces need root (ip netns add); run the test as root';
    case 'ipMissing':
      return `iproute2 is not installed (${IP_BINARY}): apt-get install -y iproute2`;
    case 'badPlan':
      return `the namespace plan is invalid: ${error.detail}`;
    case 'noFreeSlot':
      return 'no free network namespace slot (too many left over? see /tmp/onedoor-netns)';
    case 'commandFailed':
      return `${error.command} failed: ${error.stderr.trim()}`;
    default: {
      const never: never = error;
      return never;
    }
  }
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function validPlan(plan: NetnsPlan): string | null {
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(plan.name)) return `name "${plan.name}" must be 1–32 of A-Z a-z 0-9 _ . -`;
  for (const ip of [plan.hostIp, plan.nsIp]) {
    const parts = IPV4.exec(ip);
    if (!parts || parts.slice(1).some((p) => Number(p) > 255)) return `"${ip}" is not an IPv4 address`;
  }
  if (plan.hostIp === plan.nsIp) return 'hostIp and nsIp must differ';
  if (!Number.isInteger(plan.prefix) || plan.prefix < 8 || plan.prefix > 30) return 'prefix must be 8–30';
  return null;
}

/** Interface names are at most 15 characters: derived from a hash of the namespace's name. */
function vethNames(name: string): { host: string; inner: string } {
  const tag = createHash('sha1').update(name).digest('hex').slice(0, 10);
  return { host: `odh${tag}`, inner: `odn${tag}` };
}

function ip(args: readonly string[]): Result<string, NetnsError> {
  const run = spawnSync(IP_BINARY, args, { encoding: 'utf8' });
  if (run.error) return err({ kind: 'commandFailed', command: `ip ${args.join(' ')}`, stderr: run.error.message });
  if (run.status !== 0) return err({ kind: 'commandFailed', command: `ip ${args.join(' ')}`, stderr: run.stderr });
  return ok(run.stdout);
}

function canUseIp(): NetnsError | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { kind: 'notRoot' };
  if (!existsSync(IP_BINARY)) return { kind: 'ipMissing' };
  return null;
}

/** Removes a namespace and veth pair of this name if they exist (a run killed before its cleanup). */
function removeLeftovers(name: string): void {
  const { host } = vethNames(name);
  // Deleting one end of a veth pair deletes both; either may be missing, which is fine.
  spawnSync(IP_BINARY, ['link', 'del', host], { stdio: 'ignore' });
  spawnSync(IP_BINARY, ['netns', 'del', name], { stdio: 'ignore' });
}

/** Makes the namespace `plan` names, with a veth pair between it and the root namespace, both ends and `lo` up. */
export function createNetns(plan: NetnsPlan): Result<Netns, NetnsError> {
  const refused = canUseIp();
  if (refused) return err(refused);
  const problem = validPlan(plan);
  if (problem) return err({ kind: 'badPlan', detail: problem });
  const { host, inner } = vethNames(plan.name);
  removeLeftovers(plan.name);
  const steps: string[][] = [
    ['netns', 'add', plan.name],
    ['link', 'add', host, 'type', 'veth', 'peer', 'name', inner],
    ['link', 'set', inner, 'netns', plan.name],
    ['addr', 'add', `${plan.hostIp}/${plan.prefix}`, 'dev', host],
    ['link', 'set', host, 'up'],
    ['-n', plan.name, 'addr', 'add', `${plan.nsIp}/${plan.prefix}`, 'dev', inner],
    ['-n', plan.name, 'link', 'set', inner, 'up'],
    ['-n', plan.name, 'link', 'set', 'lo', 'up'],
  ];
  for (const step of steps) {
    const done = ip(step);
    if (!done.ok) {
      removeLeftovers(plan.name);
      return err(done.error);
    }
  }
  const children = new Set<ChildProcess>();
  let stopped = false;
  return ok({
    ...plan,
    hostLink: host,
    exec(argv, options = {}) {
      const child = spawn(IP_BINARY, ['netns', 'exec', plan.name, ...argv], options);
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([...children].map((child) => stopChild(child)));
      removeLeftovers(plan.name);
    },
  });
}

/** SIGTERM, then SIGKILL after 3 s; resolves when it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const SLOT_DIR = join(tmpdir(), 'onedoor-netns');
const SLOTS = 1024;

/** Slot `n`: namespace `onedoor-n`, 10.213.x.y/30 (host .1, namespace .2 of its four addresses). */
export function slotPlan(slot: number): NetnsPlan {
  const base = slot * 4;
  const third = Math.floor(base / 256);
  const fourth = base % 256;
  return { name: `onedoor-${slot}`, hostIp: `10.213.${third}.${fourth + 1}`, nsIp: `10.213.${third}.${fourth + 2}`, prefix: 30 };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes slot `n`'s lock folder (mkdir is atomic), reclaiming it from a process that no longer runs. */
function claimSlot(slot: number): boolean {
  const lock = join(SLOT_DIR, `slot-${slot}`);
  try {
    mkdirSync(lock);
  } catch {
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // Just made by another process that has not written its pid yet: leave it.
      return false;
    }
    if (Number.isInteger(owner) && processAlive(owner)) return false;
    rmSync(lock, { recursive: true, force: true });
    try {
      mkdirSync(lock);
    } catch {
      return false;
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/** A namespace on a slot no other running process holds; `stop()` also gives the slot back. */
export function allocateNetns(): Result<Netns, NetnsError> {
  const refused = canUseIp();
  if (refused) return err(refused);
  mkdirSync(SLOT_DIR, { recursive: true });
  const start = process.pid % SLOTS;
  for (let i = 0; i < SLOTS; i++) {
    const slot = (start + i) % SLOTS;
    if (!claimSlot(slot)) continue;
    const made = createNetns(slotPlan(slot));
    const release = () => rmSync(join(SLOT_DIR, `slot-${slot}`), { recursive: true, force: true });
    if (!made.ok) {
      release();
      return made;
    }
    const netns = made.value;
    return ok({
      ...netns,
      async stop() {
        await netns.stop();
        release();
      },
    });
  }
  return err({ kind: 'noFreeSlot' });
}
