/** One kiosk message, by the kind of its topic, into the hall database. */
import { err } from '../../../domain/result';
import type { KioskTopicKind } from '../../../electron/contract/hall-link';
import { ingestAlert, ingestCommandAck, ingestHelpCall, ingestSupervision } from './ingest-events';
import { ingestJournal } from './ingest-journal';
import { ingestOnline, ingestStatus, touchKiosk } from './ingest-kiosk-state';
import type { IngestContext, IngestResult } from './ingest-types';
import { withoutIdNumbers } from './no-id-numbers';

/** `raw` is the kiosk's decoded JSON; any full ID number in it is masked before anything reads it. */
export async function ingestKioskMessage(ctx: IngestContext, kind: KioskTopicKind, raw: unknown): Promise<IngestResult> {
  const body = withoutIdNumbers(raw);
  switch (kind) {
    case 'online':
      return ingestOnline(ctx, body);
    case 'status':
      return ingestStatus(ctx, body);
    case 'alert':
      return withTouch(ctx, ingestAlert(ctx, body));
    case 'help':
      return withTouch(ctx, ingestHelpCall(ctx, body));
    case 'supervision':
      return withTouch(ctx, ingestSupervision(ctx, body));
    case 'journal':
      return withTouch(ctx, ingestJournal(ctx, body));
    case 'commandAck':
      return withTouch(ctx, ingestCommandAck(ctx, body));
    case 'command':
      // The hall's own commands (it does not receive them: no-local subscription); nobody else may send one.
      return err('notFromKiosks');
  }
}

async function withTouch(ctx: IngestContext, work: Promise<IngestResult>): Promise<IngestResult> {
  const result = await work;
  if (result.ok) await touchKiosk(ctx);
  return result;
}
