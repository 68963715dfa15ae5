/** Where 出入境签注's words live (`svc.exit-entry-endorsement.*`), and its zh-CN words as printed. */
import { wording } from './wording';

export const SERVICE_ID = 'exit-entry-endorsement';
export const key = (path: string) => `svc.${SERVICE_ID}.${path}`;

/** The zh-CN words at a dotted path of the wording (what slips print). */
export function zhPath(path: string): string {
  let node: unknown = wording['zh-CN'];
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : '';
}
