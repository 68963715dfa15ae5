/**
 * proxyCall: 可视化代办's call, the agent's side. Entering the step asks the
 * hall for a case (the host's proxy desk, over the hall link) and follows
 * the hall's updates into the step's phase: the invite (QR code, SMS), the
 * principal's face check on their phone, the officer joining, the consent
 * segment recorded, the signatures, the decision. The agent signs here
 * (SIGN, measured like the signature step; the strokes stay in the run, the
 * hall gets their SHA-256). RETRY asks again after the hall said no or
 * could not be reached; BACK cancels the case. Approved: the run ends and
 * the host starts the chosen service for the principal with the mandate
 * (`continueWith`). Refused, dropped, expired or failed: the step says why
 * and CONFIRM ends the run; nothing was done. A hall lost mid-case sends
 * the agent to the counter with a ticket.
 */
import { assign, fromCallback, type EventObject } from 'xstate';
import type { IceServer, ProxyCallPhase, ProxyCallStepData, ProxyCaseView, ProxyEndReason, ProxyMandate, SmsOutcome } from '../../../contract/proxy';
import type { Identity } from '../../../contract';
import { maskName } from '../../../../domain/mask';
import { checkSignature } from './signature-check';
import type { FlowContext } from './context';
import type { StepDefinition } from './step';

export type OpenRefusedReason = NonNullable<ProxyCallStepData['openRefusedReason']>;
type ServiceName = { 'zh-CN': string; en: string };

/** What the kiosk asks the hall for. */
export interface ProxyOpenRequest {
  sessionId: string;
  serviceId: string;
  serviceName: ServiceName;
  /** The agent, masked (the session's card). */
  agent: { nameMasked: string | null; idNumberMasked: string };
  /** The principal's full number and mobile: the hall compares their face with the back-end's reference. */
  principal: { idNumber: string; mobile: string };
}

/** What the hall said about the case, as the desk passes it to the step. */
export type ProxyHallUpdate =
  | { kind: 'opened'; invite: { url: string; sms: SmsOutcome; expiresAt: string }; iceServers: IceServer[]; case: ProxyCaseView }
  | { kind: 'openRefused'; reason: OpenRefusedReason }
  | { kind: 'case'; case: ProxyCaseView }
  | { kind: 'iceServers'; iceServers: IceServer[] }
  /** The hall link went down while the case was live: it cannot go on from here. */
  | { kind: 'hallLost' };

/** The host's proxy desk as steps use it (electron/host/proxy/ implements it over the hall link). */
export interface ProxyDesk {
  /** Services a relative may do for someone now (catalogue `proxy`, available on this kiosk). */
  services(): ReadonlyArray<{ id: string; name: ServiceName }>;
  /** Asks the hall for a case; `listener` hears every update for it until the returned function is called (a live case is then cancelled). */
  open(request: ProxyOpenRequest, listener: (update: ProxyHallUpdate) => void): () => void;
  /** The agent's signature was accepted: the hall keeps its digest. */
  agentSigned(sessionId: string, caseId: string, signatureSha256: string): void;
}

/** Sent by the host's proxy desk (never by the renderer). */
export interface ProxyHallEvent {
  type: 'PROXY_HALL';
  update: ProxyHallUpdate;
}

/** The agent's accepted signature: strokes stay in the run (the session), the hall has the digest. */
export interface AgentSignature {
  signature: unknown;
  sha256: string;
  signedAt: string;
}

/** The step's fact. */
export interface ProxyCallFact {
  phase: ProxyCallPhase;
  case: ProxyCaseView | null;
  invite: { url: string; sms: SmsOutcome; expiresAt: string } | null;
  iceServers: IceServer[];
  openRefusedReason: OpenRefusedReason | null;
  signatureProblem: 'tooShort' | 'tooSmall' | null;
  endReason: ProxyEndReason | null;
  signature: AgentSignature | null;
}

export interface ProxyCallOptions {
  id?: string;
  labelKey: string;
  /** The service chosen for the principal. */
  serviceOf: (context: FlowContext) => string | null;
  /** The principal's number and mobile, as the agent entered them. */
  principalOf: (context: FlowContext) => { idNumber: string; mobile: string } | null;
  /** The principal as the run's identity (a typed identity from the number), null when the number is not valid. */
  principalIdentity: (idNumber: string) => Identity | null;
  /** The counter's reason when the hall is lost mid-case (the service's key). */
  hallLostReasonKey: string;
}

const FRESH: ProxyCallFact = { phase: 'opening', case: null, invite: null, iceServers: [], openRefusedReason: null, signatureProblem: null, endReason: null, signature: null };

/** The phase a case's state shows at the kiosk. */
export function phaseOf(view: ProxyCaseView): ProxyCallPhase {
  switch (view.state) {
    case 'invited':
      return 'waitingForPrincipal';
    case 'principalJoined':
      return 'principalChecking';
    case 'principalVerified':
      return 'waitingForOfficer';
    case 'inCall':
      return 'inCall';
    case 'recording':
      return 'recording';
    case 'recorded':
      return view.agentSigned && view.principalSigned ? 'awaitingDecision' : 'signing';
    case 'approved':
      return 'approved';
    case 'refused':
    case 'dropped':
    case 'expired':
    case 'failed':
      return 'ended';
    default: {
      const unknown: never = view.state;
      return unknown;
    }
  }
}

/** Why a case ended, when the hall did not say. */
function endReasonOf(view: ProxyCaseView): ProxyEndReason {
  if (view.endReason) return view.endReason;
  switch (view.state) {
    case 'refused':
      return 'refusedByOfficer';
    case 'expired':
      return 'linkExpired';
    case 'failed':
      return 'principalFaceFailed';
    default:
      return 'networkLost';
  }
}

/** The mandate an approved case gives, or null when it lacks what a mandate needs (a decision, a stored recording). */
export function mandateOf(view: ProxyCaseView): ProxyMandate | null {
  if (view.state !== 'approved' || !view.decision?.approved || !view.recording) return null;
  return { caseId: view.caseId, agent: view.agent, principalIdNumberMasked: view.principal.idNumberMasked, recordingSha256: view.recording.sha256, approvedAt: view.decision.at };
}

type HallEvent = { type: string; update?: ProxyHallUpdate };
type SignEvent = { type: string; signature?: unknown };

export function proxyCallStep(options: ProxyCallOptions): StepDefinition {
  const id = options.id ?? 'proxyCall';
  const factOf = (context: FlowContext): ProxyCallFact => (context.facts[id] as ProxyCallFact | undefined) ?? FRESH;
  const setFact = (change: (fact: ProxyCallFact, args: { context: FlowContext; event: HallEvent & SignEvent }) => ProxyCallFact) =>
    assign({ facts: (args: { context: FlowContext; event: HallEvent & SignEvent }) => ({ ...args.context.facts, [id]: change(factOf(args.context), args) }) });
  const update = (event: HallEvent): ProxyHallUpdate | null => (event.type === 'PROXY_HALL' && event.update ? event.update : null);
  /** A case update for another case than this step's is not this step's. */
  const ours = (context: FlowContext, view: ProxyCaseView) => {
    const current = factOf(context).case;
    return current === null || current.caseId === view.caseId;
  };

  /** The fact after a hall update. */
  const applied = (fact: ProxyCallFact, hall: ProxyHallUpdate): ProxyCallFact => {
    switch (hall.kind) {
      case 'opened':
        return { ...fact, phase: phaseOf(hall.case), case: hall.case, invite: hall.invite, iceServers: hall.iceServers, openRefusedReason: null, endReason: null };
      case 'openRefused':
        return { ...fact, phase: 'openRefused', openRefusedReason: hall.reason };
      case 'case': {
        const phase = phaseOf(hall.case);
        // Once the principal opened the link it is spent: the QR code goes from the screen.
        const invite = hall.case.state === 'invited' ? fact.invite : null;
        return { ...fact, phase, case: hall.case, invite, endReason: phase === 'ended' ? endReasonOf(hall.case) : null };
      }
      case 'iceServers':
        return { ...fact, iceServers: hall.iceServers };
      case 'hallLost':
        return { ...fact, phase: 'ended', invite: null, endReason: 'hallUnavailable' };
      default: {
        const unknown: never = hall;
        return unknown;
      }
    }
  };

  return {
    id,
    kind: 'proxyCall',
    labelKey: options.labelKey,
    build: (wiring) => {
      const desk = wiring.kit.proxy;
      const hallCase = fromCallback<EventObject, { request: ProxyOpenRequest | null }>(({ input, sendBack }) => {
        if (!desk || !input.request) {
          sendBack({ type: 'PROXY_HALL', update: { kind: 'openRefused', reason: desk ? 'invalidRequest' : 'unavailable' } } satisfies ProxyHallEvent);
          return () => undefined;
        }
        return desk.open(input.request, (hall) => sendBack({ type: 'PROXY_HALL', update: hall } satisfies ProxyHallEvent));
      });
      const requestOf = (context: FlowContext): ProxyOpenRequest | null => {
        const serviceId = options.serviceOf(context);
        const principal = options.principalOf(context);
        const service = desk?.services().find((candidate) => candidate.id === serviceId);
        const agent = context.identity;
        if (!service || !principal || !agent) return null;
        return {
          sessionId: context.sessionId,
          serviceId: service.id,
          serviceName: { ...service.name },
          agent: { nameMasked: agent.name === null ? null : maskName(agent.name), idNumberMasked: agent.idNumberMasked },
          principal: { ...principal },
        };
      };

      const approved = ({ context, event }: { context: FlowContext; event: HallEvent }) => {
        const hall = update(event);
        return hall?.kind === 'case' && ours(context, hall.case) && hall.case.state === 'approved' && mandateOf(hall.case) !== null;
      };
      const endedBy = (kinds: 'hallLost' | 'case') => ({ context, event }: { context: FlowContext; event: HallEvent }) => {
        const hall = update(event);
        if (kinds === 'hallLost') return hall?.kind === 'hallLost';
        return hall?.kind === 'case' && ours(context, hall.case) && phaseOf(hall.case) === 'ended';
      };
      const signing = (context: FlowContext) => factOf(context).phase === 'signing' && factOf(context).signature === null && factOf(context).case?.agentSigned !== true;
      const signatureProblem = (event: SignEvent) => {
        const checked = checkSignature(event.signature);
        return checked.ok ? null : checked.error;
      };

      return {
        initial: 'live',
        states: {
          live: {
            entry: assign({ facts: ({ context }: { context: FlowContext }) => ({ ...context.facts, [id]: FRESH }) }),
            invoke: { src: hallCase, input: ({ context }: { context: FlowContext }) => ({ request: requestOf(context) }) },
            on: {
              PROXY_HALL: [
                {
                  guard: ({ event }: { event: HallEvent }) => update(event)?.kind === 'openRefused',
                  target: 'refused',
                  actions: setFact((fact, { event }) => applied(fact, update(event)!)),
                },
                {
                  guard: approved,
                  ...wiring.leave(
                    { to: 'done', outcome: 'approved' },
                    setFact((fact, { event }) => applied(fact, update(event)!)),
                    assign({
                      continueWith: ({ context, event }: { context: FlowContext; event: HallEvent }) => {
                        const hall = update(event);
                        const mandate = hall?.kind === 'case' ? mandateOf(hall.case) : null;
                        const principal = options.principalOf(context);
                        const serviceId = options.serviceOf(context);
                        const identity = principal ? options.principalIdentity(principal.idNumber) : null;
                        return mandate && identity && serviceId ? { serviceId, identity, mandate } : null;
                      },
                    }),
                  ),
                },
                // Lost mid-case: nothing can be finished here; the counter can.
                { guard: endedBy('hallLost'), ...wiring.leave({ to: 'counter', reasonKey: options.hallLostReasonKey }, setFact((fact, { event }) => applied(fact, update(event)!))) },
                { guard: endedBy('case'), target: 'ended', actions: setFact((fact, { event }) => applied(fact, update(event)!)) },
                {
                  guard: ({ context, event }: { context: FlowContext; event: HallEvent }) => {
                    const hall = update(event);
                    return hall !== null && (hall.kind !== 'case' || ours(context, hall.case));
                  },
                  actions: setFact((fact, { event }) => applied(fact, update(event)!)),
                },
              ],
              SIGN: [
                {
                  guard: ({ context, event }: { context: FlowContext; event: SignEvent }) => signing(context) && signatureProblem(event) === null,
                  actions: [
                    setFact((fact, { event }) => {
                      const checked = checkSignature(event.signature);
                      if (!checked.ok) return fact;
                      return { ...fact, signatureProblem: null, signature: { signature: checked.value.signature, sha256: checked.value.sha256, signedAt: wiring.kit.now().toISOString() } };
                    }),
                    ({ context }: { context: FlowContext }) => {
                      const fact = factOf(context);
                      if (fact.case && fact.signature) desk?.agentSigned(context.sessionId, fact.case.caseId, fact.signature.sha256);
                    },
                  ],
                },
                {
                  // Well-formed but not a signature: stay, and say why.
                  guard: ({ context, event }: { context: FlowContext; event: SignEvent }) => {
                    const problem = signatureProblem(event);
                    return signing(context) && (problem === 'tooShort' || problem === 'tooSmall');
                  },
                  actions: setFact((fact, { event }) => {
                    const problem = signatureProblem(event);
                    return problem === 'tooShort' || problem === 'tooSmall' ? { ...fact, signatureProblem: problem } : fact;
                  }),
                },
              ],
              // Leaving the step stops the desk's line, which cancels the live case (agentCancelled).
              ...(wiring.previous ? { BACK: wiring.back() } : {}),
            },
          },
          refused: {
            on: {
              RETRY: { target: 'live', reenter: true },
              ...(wiring.previous ? { BACK: wiring.back() } : {}),
            },
          },
          // The agent reads why; nothing was done.
          ended: { on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'proxyEnded' }) } },
        },
      };
    },
    view: (context) => {
      const fact = factOf(context);
      const data: ProxyCallStepData = {
        step: 'proxyCall',
        phase: fact.phase,
        case: fact.case,
        invite: fact.phase === 'waitingForPrincipal' ? fact.invite : null,
        iceServers: fact.iceServers,
        openRefusedReason: fact.phase === 'openRefused' ? fact.openRefusedReason : null,
        signatureProblem: fact.signatureProblem,
        endReason: fact.phase === 'ended' ? fact.endReason : null,
      };
      return { data, ...(fact.signatureProblem ? { messageKey: `flow.signature.${fact.signatureProblem}` } : {}) };
    },
  };
}

/** The agent's signature accepted at the call step, or null. */
export function agentSignatureOf(context: FlowContext, id = 'proxyCall'): AgentSignature | null {
  return (context.facts[id] as ProxyCallFact | undefined)?.signature ?? null;
}

/** The phase the run's call step is in, or null when it has none. */
export function proxyPhaseOf(context: FlowContext, id = 'proxyCall'): ProxyCallPhase | null {
  return (context.facts[id] as ProxyCallFact | undefined)?.phase ?? null;
}
