/**
 * Parsing `ipptool -t` output: `DISPLAY` lines look like
 * `        printer-state-reasons (1setOf keyword) = media-empty-error,paused`.
 */

/** Attribute name → values (split on commas). */
export function parseIpptoolDisplay(output: string): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const m = /^\s+([a-z][a-z0-9-]*) \([^)]*\) = ?(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.trim();
    attributes.set(m[1]!, value === '' ? [] : value.split(','));
  }
  return attributes;
}

/** The IPP status keyword of a failed request (`client-error-not-found`…), if any. */
export function ippStatusOf(output: string): string | undefined {
  return /status-code = ([a-z-]+)/.exec(output)?.[1];
}
