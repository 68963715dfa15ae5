/** Exit codes of the diagnostics CLI (stable: installers script against them). */
export const EXIT = {
  ok: 0,
  /** An unexpected internal failure (a bug). */
  internal: 1,
  /** The device could not be opened, did not answer, or reported an error. */
  deviceError: 2,
  /** `idcard read`: no card was presented in time. */
  noCard: 3,
  /** Bad usage (sysexits EX_USAGE). */
  usage: 64,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
