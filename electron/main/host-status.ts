/** The `host.status` event main sends while it restarts the host. */
import { PROTOCOL_VERSION, type EventEnvelope, type EventPayload } from '../contract';

/** Host availability as the renderer shows it. */
export type HostState = EventPayload<'host.status'>['state'];

/** An EventEnvelope for `host.status`. */
export function hostStatusEvent(state: HostState): EventEnvelope {
  const payload: EventPayload<'host.status'> = { state };
  return { v: PROTOCOL_VERSION, type: 'event', event: 'host.status', payload };
}
