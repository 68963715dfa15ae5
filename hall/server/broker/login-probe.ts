/**
 * Tries one MQTT 5 login over TLS and answers whether the broker took it.
 * Used after a reload (SIGHUP) so that adding a kiosk resolves only once the
 * kiosk can really sign in, and removing one only once it cannot.
 */
import mqtt from 'mqtt';

export type LoginOutcome = 'accepted' | 'refused' | 'unreachable';

export function probeLogin(url: string, caPem: string, username: string, password: string): Promise<LoginOutcome> {
  return new Promise((resolve) => {
    const client = mqtt.connect(url, {
      protocolVersion: 5,
      username,
      password,
      ca: caPem,
      rejectUnauthorized: true,
      reconnectPeriod: 0,
      connectTimeout: 5000,
      clean: true,
      clientId: `probe-${username}-${Math.random().toString(16).slice(2, 10)}`,
    });
    const finish = (outcome: LoginOutcome) => {
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.end(true);
      resolve(outcome);
    };
    client.once('connect', () => finish('accepted'));
    client.once('error', (error: Error & { code?: unknown }) => finish(typeof error.code === 'number' ? 'refused' : 'unreachable'));
    client.once('close', () => finish('unreachable'));
  });
}

/** Probes until the login's outcome is `wanted` (a reload takes a moment); false after ~5 s. */
export async function waitForLogin(url: string, caPem: string, username: string, password: string, wanted: 'accepted' | 'refused'): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if ((await probeLogin(url, caPem, username, password)) === wanted) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
