/**
 * The endorsement writer's section of the devices config
 * (DevicesConfig.endorsementWriter), as plain TypeScript; the host's zod
 * schema mirrors it. Absent on a kiosk without a writer.
 */

export interface EndorsementWriterConfig {
  /** Device id in snapshots and events; default `endorsementWriter`. */
  id?: string;
  enabled: boolean;
  /** `simulated`: the built-in simulator with sample permits; `pcsc`: a contactless reader through pcscd. */
  mode: 'simulated' | 'pcsc';
  /** PC/SC reader name, or a part of it (`pcsc -l`, `npm run device -- endorsement readers`). */
  reader?: string;
  /**
   * A file holding the write key as 32 hex digits, for a development card
   * (owner-only, outside the data folder). A production writer keeps its key
   * in its security module; until one is integrated, no key means the writer
   * reads permits and refuses writes.
   */
  keyFile?: string;
  /** Limit of one read, and of one write with its read-back. */
  readTimeoutMs: number;
  writeTimeoutMs: number;
  simulator?: {
    /** Sample card (permit number, `damaged`, `bank-card`) lying on the simulated writer at start. */
    initialCard?: string;
  };
}

export const ENDORSEMENT_WRITER_DEFAULTS = { readTimeoutMs: 5000, writeTimeoutMs: 15_000 } as const satisfies Partial<EndorsementWriterConfig>;
