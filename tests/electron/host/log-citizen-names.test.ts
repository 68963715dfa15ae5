import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../electron/contract';
import { defaultConfig } from '../../../electron/host/config/load';
import { createHost } from '../../../electron/host/create-host';
import { createLogger } from '../../../electron/host/log/logger';
import { createPersonalTerms } from '../../../electron/host/log/personal-terms';
import { loadSampleCard } from '../../../drivers/idcard/sample-cards';
import { createFakeDevices } from './fake-devices';

function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const personalTerms = createPersonalTerms();
  return { logger: createLogger('info', stream, personalTerms), personalTerms, lines };
}

describe('the host log and the citizen’s name', () => {
  it('a name read from the card never reaches the log, even inside an error message', async () => {
    const { logger, personalTerms, lines } = capturedLogger();
    const devices = createFakeDevices([]);
    const host = createHost(defaultConfig(), { logger, personalTerms, devices });
    await host.start();
    const loaded = loadSampleCard('resident-han');
    if (!loaded.ok) throw new Error('sample card missing');
    const { card, ...raw } = loaded.value;
    devices.present({ ...raw, readAt: new Date() });
    const current = await host.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: 'r', method: 'session.current', params: {} });
    expect(current).toMatchObject({ ok: true, result: { identity: { source: 'card', idNumberMasked: `${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(14)}` } } });

    // What a back-end or a library might say about this citizen, in its own words.
    host.logger.error({ err: new Error(`户籍 record of ${card.name} is locked`) }, `lookup failed for ${card.name}`);
    await host.stop();
    const text = lines.join('');
    expect(text).toContain('lookup failed for [name]');
    expect(text).not.toContain(card.name);
  });
});
