/**
 * Stand-in for the service registry (issue 13), which another branch builds:
 * there each module is a service's folder and `backend` lists the back-end
 * operations it declares. Here only what `npm run sandbox-gateway` reads.
 */
import type { BackendOperation } from '../gateway/operation';

// `any`: each service's operations have their own request and answer types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SERVICE_MODULES: readonly { backend?: readonly BackendOperation<any, any>[] }[] = [];
