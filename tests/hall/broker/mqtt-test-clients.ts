/** MQTT 5 clients for the hall broker and link tests (real TLS connections to a real mosquitto). */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface Login {
  url: string;
  username: string;
  password: string;
  caPem: string;
}

/** Connects or rejects with the broker's or TLS's error (no reconnects). */
export function connectAs(login: Login, extra: Partial<IClientOptions> = {}): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(login.url, {
      protocolVersion: 5,
      username: login.username,
      password: login.password,
      ca: login.caPem,
      rejectUnauthorized: true,
      reconnectPeriod: 0,
      connectTimeout: 5000,
      ...extra,
    });
    client.once('connect', () => {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      resolve(client);
    });
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
    client.once('close', () => reject(new Error('connection closed before CONNACK')));
  });
}

/** Collects what a client receives, by topic. */
export function inbox(client: MqttClient): { messages: Array<{ topic: string; body: string; retain: boolean }>; waitFor(topic: string, deadlineMs?: number): Promise<string> } {
  const messages: Array<{ topic: string; body: string; retain: boolean }> = [];
  client.on('message', (topic, payload, packet) => messages.push({ topic, body: payload.toString(), retain: packet.retain }));
  return {
    messages,
    async waitFor(topic, deadlineMs = 10_000) {
      const deadline = Date.now() + deadlineMs;
      for (;;) {
        const found = messages.find((m) => m.topic === topic);
        if (found) return found.body;
        if (Date.now() > deadline) throw new Error(`nothing arrived on ${topic}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after the deadline. */
export async function eventually<T>(check: () => Promise<T | undefined>, deadlineMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
