/** The no-criminal-record flow's context: the engine's base plus this service's state. */
import type { CertificatePurpose, FlowStepData, Identity } from '../../../contract';
import { initialFace, type BaseFlowContext } from '../../flows/flow-context';
import type { CriminalRecordAnswer, GatewayFailureKind, PersonRecord } from '../../gateway/police-gateway';

type PrintState = 'printing' | 'printed' | 'notPrinted';
export type CounterReason = Extract<FlowStepData, { step: 'counter' }>['reason'];
export type DoneOutcome = Extract<FlowStepData, { step: 'done' }>['outcome'];

export interface CertificatePrintState {
  state: PrintState;
  documentNumber: string | null;
  backendNumber: string | null;
  reprintsUsed: number;
  reprintable: boolean;
  messageKey: string | null;
  receipt: PrintState;
}

export interface NcrContext extends BaseFlowContext {
  sessionId: string;
  flowId: string;
  identifyProblem: 'missing' | 'invalidNumber' | 'expired' | null;
  person: PersonRecord | null;
  purpose: CertificatePurpose | null;
  answer: CriminalRecordAnswer | null;
  queryFailure: GatewayFailureKind | null;
  queryAttempts: number;
  print: CertificatePrintState;
  counter: { reason: CounterReason; ticket: { state: PrintState; number: string | null } } | null;
  referral: { to: 'registeredResidence' | 'exitEntry'; province: string | null; city: string | null } | null;
  failure: { reason: 'backendUnavailable' | 'internal'; retryable: boolean } | null;
  outcome: DoneOutcome | null;
}

export interface NcrInput {
  sessionId: string;
  flowId: string;
  identity: Identity | null;
}

/** The context a run starts with. */
export function initialContext(input: NcrInput): NcrContext {
  return {
    sessionId: input.sessionId,
    flowId: input.flowId,
    identity: input.identity,
    consent: false,
    face: initialFace(),
    identifyProblem: null,
    person: null,
    purpose: null,
    answer: null,
    queryFailure: null,
    queryAttempts: 0,
    print: { state: 'printing', documentNumber: null, backendNumber: null, reprintsUsed: 0, reprintable: false, messageKey: null, receipt: 'printing' },
    counter: null,
    referral: null,
    failure: null,
    outcome: null,
  };
}
