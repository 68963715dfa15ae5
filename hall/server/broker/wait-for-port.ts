/** Waiting for a server started as a child process (Mosquitto) to accept TCP connections. */
import { connect } from 'node:net';

/** Resolves when something accepts TCP connections on `port`; rejects after `withinMs` or as soon as `failed()` names a cause. */
export async function waitForPort(port: number, options: { host?: string; failed?: () => string | null; withinMs?: number; what?: string } = {}): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  const withinMs = options.withinMs ?? 10_000;
  const deadline = Date.now() + withinMs;
  for (;;) {
    const problem = options.failed?.() ?? null;
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${options.what ?? 'nothing'} ${options.what ? 'did not open' : 'listens on'} ${host}:${port} within ${withinMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
