import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/host/log/logger';
import { redactForLog } from '../../../electron/host/log/redact';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('log redaction', () => {
  it('masks ID numbers by pattern inside any string, as 4104**********1234', () => {
    expect(redactForLog('card 41040219900101123X read')).toBe('card 4104**********123X read');
  });

  it('drops personal fields by key and masks id fields', () => {
    const safe = redactForLog({ card: { name: '张三', address: '河南省平顶山市', idNumber: '11010519491231002X', photo: new Uint8Array(1024) }, ok: true });
    expect(safe).toEqual({ card: { name: '[redacted]', address: '[redacted]', idNumber: '1101**********002X', photo: '[redacted]' }, ok: true });
  });

  it('never writes a raw ID number or name to the log stream', () => {
    const { logger, lines } = capture();
    logger.info({ citizen: { name: '王喆', idNumber: '11010519491231002X' } }, 'read 11010519491231002X');
    logger.error({ err: new Error('bad card 11010519491231002X') }, 'failed');
    const text = lines.join('');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('王喆');
    expect(text).toContain('1101**********002X');
  });
});
