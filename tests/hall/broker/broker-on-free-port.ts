/**
 * A hall broker on a free port, for tests. A port free when picked can be
 * taken by another test's process before mosquitto binds it; the broker
 * then refuses to start (it checks that its own login answers) and the
 * next free port is tried.
 */
import { startHallBroker, type HallBroker, type HallBrokerOptions } from '../../../hall/server/broker/hall-broker';
import { freePort } from '../../../scripts/lib/local-postgres';

export async function startHallBrokerOnFreePort(options: Omit<HallBrokerOptions, 'port'>, tries = 3): Promise<HallBroker> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startHallBroker({ ...options, port: await freePort() });
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}
