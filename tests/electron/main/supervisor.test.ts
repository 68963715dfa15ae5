import { describe, expect, it } from 'vitest';
import { createHostSupervisor, type Clock, type HostChild } from '../../../electron/main/supervisor';

class FakeChild implements HostChild {
  static nextPid = 100;
  readonly pid = FakeChild.nextPid++;
  killed = false;
  stopRequested = false;
  private messageListeners: Array<(m: unknown) => void> = [];
  private exitListeners: Array<(code: number) => void> = [];
  onMessage(listener: (m: unknown) => void) {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number) => void) {
    this.exitListeners.push(listener);
  }
  kill() {
    this.killed = true;
    this.exit(-15);
  }
  requestStop() {
    this.stopRequested = true;
  }
  send(message: unknown) {
    for (const l of this.messageListeners) l(message);
  }
  exit(code: number) {
    for (const l of [...this.exitListeners]) l(code);
  }
}

/** A manual clock: timers fire only when the test advances time. */
function manualClock() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
  };
  return {
    clock,
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = target;
    },
    pending: () => timers.map((t) => t.at - now).sort((a, b) => a - b),
  };
}

function setup(overrides: { stableAfterMs?: number; readyTimeoutMs?: number; alive?: boolean } = {}) {
  const time = manualClock();
  const children: FakeChild[] = [];
  const statuses: string[] = [];
  const readies: FakeChild[] = [];
  const supervisor = createHostSupervisor<FakeChild>({
    spawn: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    onStatus: (state) => statuses.push(state),
    onReady: (child) => readies.push(child),
    clock: time.clock,
    backoff: { initialMs: 500, factor: 2, maxMs: 30_000, jitter: 0 },
    stableAfterMs: overrides.stableAfterMs ?? 60_000,
    readyTimeoutMs: overrides.readyTimeoutMs ?? 30_000,
    isAlive: () => overrides.alive ?? false,
  });
  return { supervisor, time, children, statuses, readies };
}

describe('host supervisor', () => {
  it('starts the host and reports ready when it says so', () => {
    const { supervisor, children, statuses, readies } = setup();
    supervisor.start();
    expect(children).toHaveLength(1);
    expect(supervisor.state).toBe('starting');
    expect(supervisor.ready).toBeUndefined();
    children[0]!.send({ type: 'ready' });
    expect(supervisor.state).toBe('ready');
    expect(supervisor.ready).toBe(children[0]);
    expect(readies).toEqual([children[0]]);
    expect(statuses).toEqual(['ready']);
  });

  it('restarts a crashed host with exponential backoff, emitting restarting then ready', () => {
    const { supervisor, time, children, statuses } = setup();
    supervisor.start();
    children[0]!.send({ type: 'ready' });

    children[0]!.exit(1);
    expect(statuses).toEqual(['ready', 'restarting']);
    expect(supervisor.ready).toBeUndefined();
    expect(time.pending()).toEqual([500]);
    time.advance(499);
    expect(children).toHaveLength(1);
    time.advance(1);
    expect(children).toHaveLength(2);

    // The new host dies before it is ready: the next delay doubles, no duplicate "restarting".
    children[1]!.exit(1);
    expect(time.pending()).toEqual([1000]);
    time.advance(1000);
    children[2]!.exit(1);
    expect(time.pending()).toEqual([2000]);
    time.advance(2000);
    expect(children).toHaveLength(4);
    expect(statuses).toEqual(['ready', 'restarting']);

    children[3]!.send({ type: 'ready' });
    expect(statuses).toEqual(['ready', 'restarting', 'ready']);
    expect(supervisor.ready).toBe(children[3]);
  });

  it('caps the delay and resets it after a stable run', () => {
    const { supervisor, time, children } = setup({ stableAfterMs: 60_000 });
    supervisor.start();
    for (let i = 0; i < 10; i++) {
      children.at(-1)!.exit(1);
      time.advance(time.pending()[0]!);
    }
    expect(supervisor.attempt).toBe(10);
    children.at(-1)!.exit(1);
    expect(time.pending()).toEqual([30_000]);
    time.advance(30_000);
    children.at(-1)!.send({ type: 'ready' });
    time.advance(60_000);
    children.at(-1)!.exit(1);
    expect(time.pending()).toEqual([500]);
  });

  it('kills a host that never becomes ready', () => {
    const { supervisor, time, children, statuses } = setup({ readyTimeoutMs: 5_000 });
    supervisor.start();
    time.advance(5_000);
    expect(children[0]!.killed).toBe(true);
    expect(statuses).toEqual(['restarting']);
    time.advance(500);
    expect(children).toHaveLength(2);
  });

  it('ignores messages and exits from stale processes', () => {
    const { supervisor, time, children, statuses } = setup();
    supervisor.start();
    children[0]!.send({ type: 'ready' });
    children[0]!.exit(1);
    time.advance(500);
    children[0]!.send({ type: 'ready' });
    children[0]!.exit(1);
    expect(statuses).toEqual(['ready', 'restarting']);
    expect(children).toHaveLength(2);
    expect(supervisor.state).toBe('restarting');
  });

  it('restarts on child-process-gone only when the current pid is really gone', () => {
    const alive = setup({ alive: true });
    alive.supervisor.start();
    alive.children[0]!.send({ type: 'ready' });
    alive.supervisor.notifyGone();
    expect(alive.supervisor.state).toBe('ready');

    const dead = setup({ alive: false });
    dead.supervisor.start();
    dead.children[0]!.send({ type: 'ready' });
    dead.supervisor.notifyGone();
    expect(dead.statuses).toEqual(['ready', 'restarting']);
    dead.children[0]!.exit(1); // the late 'exit' event changes nothing
    expect(dead.time.pending()).toEqual([500]);
  });

  it('stops cleanly: asks the host to stop, kills it after the grace period, never restarts', async () => {
    const { supervisor, time, children, statuses } = setup();
    supervisor.start();
    children[0]!.send({ type: 'ready' });
    const stopped = supervisor.stop(3_000);
    expect(children[0]!.stopRequested).toBe(true);
    time.advance(3_000);
    await stopped;
    expect(children[0]!.killed).toBe(true);
    expect(supervisor.state).toBe('stopped');
    expect(children).toHaveLength(1);
    expect(statuses).toEqual(['ready']);
  });

  it('resolves stop as soon as the host exits on its own', async () => {
    const { supervisor, children } = setup();
    supervisor.start();
    const stopped = supervisor.stop();
    children[0]!.exit(0);
    await stopped;
    expect(children[0]!.killed).toBe(false);
  });
});
