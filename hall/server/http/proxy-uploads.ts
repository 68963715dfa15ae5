/**
 * The consent segment's parts between their upload and `finish`: in memory
 * only (never on disk in clear), one per party per case, dropped when the
 * case starts a new segment or ends. A total cap keeps a stuck desk from
 * filling the hall server's memory.
 */
import type { ProxyCaseView } from '../../../electron/contract/proxy';
import { PROXY_FINAL_STATES } from '../../../electron/contract/proxy';
import type { RecordingPart } from '../proxy/ports';

export const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 8 * MAX_PART_BYTES;

export interface RecordingUploads {
  /** false when the hall holds too much already. */
  put(caseId: string, party: RecordingPart['party'], webm: Uint8Array): boolean;
  parts(caseId: string): RecordingPart[];
  clear(caseId: string): void;
  /** Every case change: a fresh segment or an ended case drops what was held. */
  caseChanged(view: ProxyCaseView): void;
}

export function createRecordingUploads(): RecordingUploads {
  const held = new Map<string, Map<RecordingPart['party'], Uint8Array>>();
  const total = () => [...held.values()].reduce((sum, parts) => sum + [...parts.values()].reduce((s, p) => s + p.byteLength, 0), 0);
  const uploads: RecordingUploads = {
    put(caseId, party, webm) {
      const parts = held.get(caseId) ?? new Map<RecordingPart['party'], Uint8Array>();
      const replaced = parts.get(party)?.byteLength ?? 0;
      if (total() - replaced + webm.byteLength > MAX_TOTAL_BYTES) return false;
      parts.set(party, webm);
      held.set(caseId, parts);
      return true;
    },
    parts(caseId) {
      return [...(held.get(caseId) ?? new Map<RecordingPart['party'], Uint8Array>())].map(([party, webm]) => ({ party, webm }));
    },
    clear(caseId) {
      held.delete(caseId);
    },
    caseChanged(view) {
      if (PROXY_FINAL_STATES.includes(view.state) || view.state === 'recorded') uploads.clear(view.caseId);
    },
  };
  return uploads;
}
