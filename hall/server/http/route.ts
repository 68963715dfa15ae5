/** One API route: method, path pattern, who may call it, the body/query schema, and a handler that returns a {@link Reply}. */
import type { z } from 'zod';
import type { ConsoleSession } from '../auth/sessions';
import type { HallDb } from '../store/hall-db';
import type { HallLinkPort, HallStatsPort } from './ports';
import type { Reply } from './reply';
import type { LiveMessage } from '../../contract/console-api';
import type { ProxyCaseRegistry } from '../proxy/case-registry.types';
import type { RecordingStore } from '../proxy/ports';
import type { RecordingUploads } from './proxy-uploads';

/** The hall's proxy cases (issue 19), when the server runs them. */
export interface ProxyDeskPorts {
  registry: ProxyCaseRegistry;
  recordings: RecordingStore;
}

export interface HallHttpDeps {
  db: HallDb;
  link: HallLinkPort;
  stats: HallStatsPort;
  /** 32 bytes, hex: the key of the staff ID digest kiosks match cards by. */
  staffIdKey: string;
  now: () => Date;
  /** 可视化代办: absent = the proxy routes answer 404. `uploads` holds the consent segment's parts until `finish`. */
  proxy?: ProxyDeskPorts & { uploads: RecordingUploads };
}

export interface RouteContext<Body = unknown, Query = unknown> {
  deps: HallHttpDeps;
  /** null only on routes with `auth: 'none'`. */
  session: ConsoleSession | null;
  params: Record<string, string>;
  body: Body;
  query: Query;
  /** Whether the cookie must carry `Secure` (served over HTTPS). */
  secure: boolean;
  /** Pushes to every open console. */
  broadcast(message: LiveMessage): void;
}

export interface Route<Body = unknown, Query = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/api/alerts/:id/acknowledge`; `:name` matches one path segment. */
  path: string;
  auth: 'none' | 'officer' | 'supervisor';
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  /** A raw (non-JSON) body of this media type up to `maxBytes`: the handler's `body` is its bytes (Uint8Array). */
  raw?: { contentType: string; maxBytes: number };
  handle(ctx: RouteContext<Body, Query>): Promise<Reply>;
}

/** Keeps the body/query types of one route while listing routes of different types together. */
export function route<Body = unknown, Query = unknown>(r: Route<Body, Query>): Route {
  return r as unknown as Route;
}

/** The `by` of a kiosk command: who sent it. */
export function commandBy(session: ConsoleSession): { username: string; role: ConsoleSession['role'] } {
  return { username: session.username, role: session.role };
}
