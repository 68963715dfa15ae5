/** Types for system-deps.mjs (a plain script: `npm test` runs it before anything is built). */
export interface SystemPackage {
  pkg: string;
  why: string;
  present(): boolean;
}
export const SYSTEM_PACKAGES: readonly SystemPackage[];
export function ensureSystemPackages(options?: { log?: (line: string) => void; only?: readonly string[] }): boolean;
