/** What the `a4` commands take from outside; tests may replace any of it. */
import { createCupsClient, type CupsClient } from '../a4/cups/cups-client';
import type { DocumentRenderer } from '../../issued/render/document-renderer';
import { createPdfRenderer } from '../../issued/render/pdf-renderer';

export interface A4CliDeps {
  /** A CUPS client for `server` (default: the real ipptool/lp client). */
  cups(server: string): CupsClient;
  /** The renderer for the test page (created on first use: loading fonts takes a moment). */
  renderer(): DocumentRenderer;
  now(): Date;
  /** Job polling interval for `a4 test` (default 200 ms). */
  jobPollMs: number;
}

/** The real dependencies. */
export function defaultA4CliDeps(): A4CliDeps {
  let renderer: DocumentRenderer | undefined;
  return {
    cups: (server) => createCupsClient({ server }),
    renderer: () => (renderer ??= createPdfRenderer()),
    now: () => new Date(),
    jobPollMs: 200,
  };
}
