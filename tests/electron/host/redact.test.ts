import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/host/log/logger';
import { createPersonalTerms } from '../../../electron/host/log/personal-terms';
import { redactForLog } from '../../../electron/host/log/redact';

function capture(names: readonly string[] = []) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const terms = createPersonalTerms();
  terms.use(() => names);
  return { logger: createLogger('info', stream, terms), lines };
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

  it('removes the name of the citizen at the kiosk from free-text messages, error messages and stacks', () => {
    const { logger, lines } = capture(['欧阳喆堃', 'JOHN SMITH']);
    logger.error({ err: new Error('户籍 lookup for 欧阳喆堃 failed') }, 'no record for 欧阳喆堃');
    logger.warn({ detail: 'printed for JOHN SMITH' }, 'done');
    const text = lines.join('');
    expect(text).not.toContain('欧阳喆堃');
    expect(text).not.toContain('JOHN SMITH');
    expect(text).toContain('户籍 lookup for [name] failed');
    expect(text).toContain('no record for [name]');
    expect(JSON.parse(lines[0]!).err.stack).toContain('[name]');
  });

  it('removes names and addresses written as fields inside free text (JSON bodies, labels, query strings)', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('gateway 500: {"name":"王喆","address":"河南省平顶山市湖滨路1号","ok":false}') }, 'gateway failed');
    logger.warn('card text 姓名：李䶮 性别：男 住址：平顶山市新华区');
    logger.warn('GET /lookup?name=%E7%8E%8B%E5%96%86&kind=hukou');
    const text = lines.join('');
    for (const leaked of ['王喆', '河南省平顶山市湖滨路1号', '李䶮', '平顶山市新华区', '%E7%8E%8B%E5%96%86']) expect(text).not.toContain(leaked);
    expect(text).toContain('\\"ok\\":false');
    expect(text).toContain('kind=hukou');
  });

  it('keeps an error’s cause, redacted, and drops its other properties', () => {
    const error = Object.assign(new Error('print failed', { cause: new Error('for 11010519491231002X') }), { body: { name: '王喆' } });
    expect(redactForLog({ err: error })).toEqual({
      err: { type: 'Error', message: 'print failed', stack: expect.any(String), cause: { type: 'Error', message: 'for 1101**********002X', stack: expect.any(String) } },
    });
  });
});

