/**
 * What the console asks of the hall server, as one interface: the HTTP client
 * (`http-client.ts`) implements it against `hall/contract/console-api.ts`, the
 * tests with an in-memory fake. Every call answers a Result: HTTP errors, a
 * dead network and a malformed answer are values, never exceptions.
 */
import type { Result } from '../../../domain/result';
import type {
  AlertView,
  ApiError,
  CommandSent,
  DropOffAnswer,
  HelpCallView,
  KioskCommand,
  KioskStaffRequest,
  KioskStaffView,
  KioskView,
  LiveMessage,
  LoginAnswer,
  LoginRequest,
  StatsAnswer,
  StatsQuery,
  SupervisedSession,
} from '../../contract/console-api';

/** The server's error codes plus the two the console finds itself. */
export type ConsoleFailure = ApiError | { error: 'network' } | { error: 'badAnswer' };
export type ConsoleErrorCode = ConsoleFailure['error'];
export type ApiResult<T> = Result<T, ConsoleFailure>;

export type ListState = 'open' | 'all';

export interface ConsoleApi {
  login(request: LoginRequest): Promise<ApiResult<LoginAnswer>>;
  logout(): Promise<ApiResult<Record<string, never>>>;
  /** The signed-in officer (after a page reload), with a fresh CSRF token. */
  me(): Promise<ApiResult<LoginAnswer>>;
  kiosks(): Promise<ApiResult<KioskView[]>>;
  sendCommand(kioskId: string, command: KioskCommand): Promise<ApiResult<CommandSent>>;
  alerts(state: ListState): Promise<ApiResult<AlertView[]>>;
  acknowledgeAlert(id: string): Promise<ApiResult<AlertView>>;
  resolveAlert(id: string): Promise<ApiResult<AlertView>>;
  helpCalls(state: ListState): Promise<ApiResult<HelpCallView[]>>;
  claimHelpCall(callId: string, etaMinutes: number): Promise<ApiResult<HelpCallView>>;
  resolveHelpCall(callId: string): Promise<ApiResult<HelpCallView>>;
  supervision(): Promise<ApiResult<SupervisedSession[]>>;
  stats(query: StatsQuery): Promise<ApiResult<StatsAnswer>>;
  dropOff(serviceId: string, from: string, to: string): Promise<ApiResult<DropOffAnswer>>;
  /** The CSV export's address (a plain link: the browser downloads it with the session cookie). */
  statsCsvUrl(query: StatsQuery): string;
  staff(): Promise<ApiResult<KioskStaffView[]>>;
  addStaff(request: KioskStaffRequest): Promise<ApiResult<KioskStaffView>>;
  removeStaff(staffNumber: string): Promise<ApiResult<Record<string, never>>>;
}

export type LiveState = 'connecting' | 'connected' | 'reconnecting';

/** The `/api/live` feed: messages one by one, and the connection's state (a reconnect means lists must be fetched again). */
export interface LiveFeed {
  connect(handlers: { onMessage: (message: LiveMessage) => void; onState: (state: LiveState) => void }): () => void;
}

/** The query string of a statistics query (for `/api/stats` and `/api/stats.csv`), keys in a stable order. */
export function statsQueryString(query: StatsQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy });
  if (query.category) params.set('category', query.category);
  if (query.serviceId) params.set('serviceId', query.serviceId);
  if (query.kioskId) params.set('kioskId', query.kioskId);
  return params.toString();
}
