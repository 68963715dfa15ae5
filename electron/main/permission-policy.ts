/**
 * Which web permissions the kiosk grants: the camera to the app's own origin,
 * nothing else to anyone. Not the microphone: nothing in the kiosk records
 * sound, so a request for it (alone or with the camera) is refused.
 */
import { isAppOrigin } from './app-origin';

/** What Electron's permission request handler reports, reduced to what we decide on. */
export interface PermissionRequestFacts {
  permission: string;
  /** `details.requestingUrl`. */
  requestingUrl: string | undefined;
  /** `details.mediaTypes` for `media` requests. */
  mediaTypes?: readonly string[] | undefined;
}

/** What Electron's permission check handler reports. */
export interface PermissionCheckFacts {
  permission: string;
  requestingOrigin: string | undefined;
  /** `details.mediaType` for `media` checks. */
  mediaType?: string | undefined;
}

const CAPTURE_TYPES: ReadonlySet<string> = new Set(['video']);

/** Grants a permission request only for the camera from the app's origin. */
export function decidePermissionRequest(facts: PermissionRequestFacts): boolean {
  if (facts.permission !== 'media') return false;
  if (!isAppOrigin(facts.requestingUrl)) return false;
  const types = facts.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => CAPTURE_TYPES.has(type));
}

/**
 * Answers a permission check the same way. `unknown` is allowed for the app's
 * origin because Chromium checks `media` that way when listing devices; real
 * capture still goes through {@link decidePermissionRequest}.
 */
export function decidePermissionCheck(facts: PermissionCheckFacts): boolean {
  if (facts.permission !== 'media') return false;
  if (!isAppOrigin(facts.requestingOrigin)) return false;
  return facts.mediaType === undefined || facts.mediaType === 'unknown' || CAPTURE_TYPES.has(facts.mediaType);
}
