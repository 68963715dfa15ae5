/**
 * IPC channel names between main and the preload (main → renderer only; the
 * renderer never sends to main). Shared by both sides, no imports.
 */

/** Carries a fresh MessagePort to the host in `event.ports[0]`. */
export const HOST_PORT_CHANNEL = 'onedoor:host-port';
/** Carries an EventEnvelope that main itself emits (`host.status`). */
export const MAIN_EVENT_CHANNEL = 'onedoor:main-event';

/** Messages main sends to the host utility process. */
export type HostControlMessage = { type: 'connect' } | { type: 'stop' };
/** Messages the host utility process sends to main. */
export type HostReportMessage = { type: 'ready' } | { type: 'fatal'; message: string };
