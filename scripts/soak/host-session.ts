/**
 * After a citizen's session has ended, the host's session memory (identity,
 * consents, photos, per-session data) must be gone: the soak asks the running
 * host itself, through the kiosk's own API (`session.current`, the same
 * question the whole-host fault tests ask).
 */
import type { Page } from 'playwright-core';
import { hostSession } from '../../tests/e2e/fault-support';

/**
 * Waits until the host holds no session; returns an error text if it still
 * does (or cannot be asked) after `timeoutMs`. The host answers session.end
 * before the renderer wipes, so a clean attract screen normally means this is
 * already true on the first ask.
 */
export async function waitForNoHostSession(page: Page, timeoutMs = 10_000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let problem: string;
    try {
      const held = await hostSession(page);
      if (held === null) return null;
      problem = `the host still holds a session ${timeoutMs} ms after the citizen's ended`;
    } catch (error) {
      problem = `the host could not be asked for its session: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline) return problem;
    await new Promise((r) => setTimeout(r, 250));
  }
}
