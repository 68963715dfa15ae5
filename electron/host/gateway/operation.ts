// Stand-in until the gateway branch lands (it brings the real file).
import type { z } from 'zod';
import type { GatewayResult } from './police-gateway';

export interface SandboxWorld {
  now(): Date;
}

export interface BackendOperation<Req, Res> {
  readonly name: string;
  readonly request: z.ZodType<Req>;
  readonly response: z.ZodType<Res>;
  sandbox(request: Req, world: SandboxWorld): GatewayResult<Res> | Promise<GatewayResult<Res>>;
}
