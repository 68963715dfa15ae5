/**
 * Keeps the host utility process alive: spawns it, waits for its `ready`
 * report, and when it exits (crash, driver fault, failed start) restarts it
 * with exponential backoff. Electron-free: the process is injected.
 */
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { HostState } from './host-status';

/** The slice of Electron's UtilityProcess the supervisor uses. */
export interface HostChild {
  readonly pid: number | undefined;
  /** Registers a listener for messages from the host process. */
  onMessage(listener: (message: unknown) => void): void;
  /** Registers a listener for the process's exit. */
  onExit(listener: (code: number) => void): void;
  kill(): void;
  /** Asks the host to stop cleanly (end the session, close the journal). */
  requestStop?(): void;
}

/** Scheduling, injectable so tests drive time. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): () => void;
}

export interface SupervisorOptions<C extends HostChild> {
  spawn(): C;
  /** Called on every state change the renderer should see. */
  onStatus(state: HostState): void;
  /** Called when a (re)started host reports ready; wire renderers to it here. */
  onReady(child: C): void;
  clock?: Clock;
  backoff?: BackoffOptions;
  random?: () => number;
  /** A host that stayed ready this long resets the backoff. */
  stableAfterMs?: number;
  /** A host that has not reported ready within this long is killed (and so restarted). */
  readyTimeoutMs?: number;
  /** Whether a pid is still running; defaults to `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
  /** Where the supervisor reports what it did. */
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** Supervisor lifecycle: `starting` only before the first ready. */
export type SupervisorState = 'idle' | 'starting' | 'ready' | 'restarting' | 'stopped';

export interface HostSupervisor<C extends HostChild> {
  start(): void;
  /**
   * Stops supervising; no restart follows. Asks the host to stop and kills it
   * if it has not exited within `graceMs`. Resolves once it is gone.
   */
  stop(graceMs?: number): Promise<void>;
  readonly state: SupervisorState;
  /** The host process while it is ready, else undefined. */
  readonly ready: C | undefined;
  /** Restart attempts since the last stable run. */
  readonly attempt: number;
  /**
   * Reports that a host process went away (app `child-process-gone` names no
   * pid): restarts only if the current host's pid is really gone, so a late
   * report about an old process never disturbs a healthy new one.
   */
  notifyGone(): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** Creates a supervisor; nothing runs until `start()`. */
export function createHostSupervisor<C extends HostChild>(options: SupervisorOptions<C>): HostSupervisor<C> {
  const clock = options.clock ?? systemClock;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const log = options.log ?? (() => {});
  const isAlive = options.isAlive ?? processIsAlive;

  let state: SupervisorState = 'idle';
  let child: C | undefined;
  let readyChild: C | undefined;
  let readyAt: number | undefined;
  let attempt = 0;
  let cancelTimer: (() => void) | undefined;

  function clearTimer(): void {
    cancelTimer?.();
    cancelTimer = undefined;
  }

  function launch(): void {
    clearTimer();
    let spawned: C;
    try {
      spawned = options.spawn();
    } catch (error) {
      log('host spawn failed', { error: String(error) });
      scheduleRestart();
      return;
    }
    child = spawned;
    readyChild = undefined;
    readyAt = undefined;
    spawned.onMessage((message) => {
      if (spawned !== child || state === 'stopped') return;
      if (isReport(message, 'ready')) {
        clearTimer();
        readyChild = spawned;
        readyAt = clock.now();
        state = 'ready';
        log('host ready', { pid: spawned.pid, attempt });
        options.onReady(spawned);
        options.onStatus('ready');
      } else if (isReport(message, 'fatal')) {
        log('host reported a fatal error', { pid: spawned.pid, message: (message as { message?: unknown }).message });
      }
    });
    spawned.onExit((code) => handleExit(spawned, code));
    cancelTimer = clock.setTimeout(() => {
      if (spawned === child && readyChild !== spawned) {
        log('host did not become ready in time; killing it', { pid: spawned.pid, readyTimeoutMs });
        spawned.kill();
      }
    }, readyTimeoutMs);
  }

  function handleExit(exited: C, code: number): void {
    if (exited !== child) return; // a stale process
    child = undefined;
    readyChild = undefined;
    if (state === 'stopped') return;
    if (readyAt !== undefined && clock.now() - readyAt >= stableAfterMs) attempt = 0;
    readyAt = undefined;
    log('host exited', { pid: exited.pid, code, attempt });
    scheduleRestart();
  }

  function scheduleRestart(): void {
    clearTimer();
    const delay = backoffDelay(attempt, backoff, options.random);
    attempt += 1;
    if (state !== 'restarting') {
      state = 'restarting';
      options.onStatus('restarting');
    }
    log('restarting host', { delayMs: delay, attempt });
    cancelTimer = clock.setTimeout(launch, delay);
  }

  return {
    start() {
      if (state !== 'idle') return;
      state = 'starting';
      launch();
    },
    stop(graceMs = 3_000) {
      state = 'stopped';
      clearTimer();
      const current = child;
      readyChild = undefined;
      if (!current) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          cancelKill();
          child = undefined;
          resolve();
        };
        const cancelKill = clock.setTimeout(() => {
          log('host did not stop in time; killing it', { pid: current.pid, graceMs });
          current.kill();
          finish();
        }, graceMs);
        current.onExit(finish);
        if (current.requestStop) current.requestStop();
        else {
          current.kill();
          finish();
        }
      });
    },
    get state() {
      return state;
    },
    get ready() {
      return readyChild;
    },
    get attempt() {
      return attempt;
    },
    notifyGone() {
      const current = child;
      if (current && current.pid !== undefined && !isAlive(current.pid)) handleExit(current, -1);
    },
  };
}

function isReport(message: unknown, type: 'ready' | 'fatal'): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
