/**
 * Which of the proxy step's phases hold the live call and which hold the
 * session's idle timer. The call runs only while the screen shows it: when
 * the step moves on to signing (one thing per screen) or ends, the camera
 * and microphone are released and nothing of the call stays on the kiosk.
 */
import { PROXY_IDLE_HOLD_PHASES, type ProxyCallPhase } from '../../../electron/contract/proxy';

/** The phases drawn as the video call. */
export const CALL_PHASES: ReadonlySet<ProxyCallPhase> = new Set(['waitingForOfficer', 'inCall', 'recording']);

/** Phases in which the agent waits on someone else: the idle countdown is held (the host's backstop too). */
export const IDLE_HOLD_PHASES = PROXY_IDLE_HOLD_PHASES;

export const isCallPhase = (phase: ProxyCallPhase): boolean => CALL_PHASES.has(phase);
