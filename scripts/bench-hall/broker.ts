/**
 * The broker the hall benchmarks run against: a plain local Mosquitto (no TLS,
 * anonymous) in one place, so that the TLS hall broker can replace it later.
 * Mosquitto's default queue for an offline or slow persistent subscriber is
 * 1,000 messages (beyond that QoS 1 messages are dropped after the sender had
 * its PUBACK): a hall's ingest must not lose journal batches, so it is lifted.
 */
import { startLocalMosquitto, type LocalMosquitto } from '../lib/local-mosquitto';

export function startBenchBroker(): Promise<LocalMosquitto> {
  return startLocalMosquitto({
    anonymous: true,
    config: ['max_queued_messages 0', 'max_inflight_messages 100', 'max_connections -1', 'autosave_interval 30'],
  });
}
