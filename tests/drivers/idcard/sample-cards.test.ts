import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../../domain/id-number';
import { parseCardText } from '../../../drivers/idcard/card-text';
import {
  listSampleCards,
  loadSampleCard,
  PLACEHOLDER_PHOTO_MARKER,
  resolveRelativeDate,
  SAMPLE_CARDS_DIR,
} from '../../../drivers/idcard/sample-cards';

const ids = listSampleCards();

const GB18030 = new TextDecoder('gb18030');

/** Whether a CJK character lies outside GB 2312 (its GB 18030 bytes are outside A1A1–F7FE). */
function outsideGb2312(ch: string): boolean {
  // Encode by searching: GB 2312 level 1/2 hanzi are rows B0–F7, columns A1–FE.
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (GB18030.decode(new Uint8Array([hi, lo])) === ch) return false;
    }
  }
  return true;
}

describe('sample cards', () => {
  it('has at least the required samples', () => {
    expect(ids.length).toBeGreaterThanOrEqual(7);
    expect(ids).toEqual(
      expect.arrayContaining([
        'resident-han',
        'resident-long-term',
        'resident-rare-chars',
        'hmt-hong-kong',
        'foreigner-2017',
        'foreigner-2023',
        'resident-bad-checksum',
      ]),
    );
  });

  it.each(ids)('%s loads, parses and matches its expectation', (id) => {
    const r = loadSampleCard(id);
    if (!r.ok) throw new Error(r.error.message);
    const { card, text, photo } = r.value;
    expect(r.value.id).toBe(id);
    expect(text).toHaveLength(256);
    expect(parseCardText(text)).toEqual({ ok: true, value: card });
    expect(photo).toHaveLength(1024);
    expect(new TextDecoder().decode(photo.subarray(0, PLACEHOLDER_PHOTO_MARKER.length))).toBe(PLACEHOLDER_PHOTO_MARKER);
    expect(card.idNumberCheck.ok).toBe(r.value.expectIdNumberValid);
  });

  it('covers each card type with the expected features', () => {
    const load = (id: string) => {
      const r = loadSampleCard(id);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.card;
    };
    expect(load('resident-han')).toMatchObject({
      type: 'resident',
      nation: '汉',
      idNumber: expect.stringMatching(/^410402/),
    });
    expect(load('resident-long-term')).toMatchObject({ type: 'resident', validTo: 'long-term' });
    const rare = load('resident-rare-chars');
    expect(outsideGb2312('王')).toBe(false);
    expect(outsideGb2312('喆')).toBe(true);
    expect(Array.from(rare.name).some(outsideGb2312)).toBe(true);
    expect(load('hmt-hong-kong')).toMatchObject({
      type: 'hmt',
      passNumber: expect.any(String),
      issueCount: expect.any(Number),
      idNumberCheck: { ok: true, kind: 'hmt' },
    });
    expect(load('foreigner-2017')).toMatchObject({ type: 'foreigner', cardVersion: '2017' });
    expect(load('foreigner-2023')).toMatchObject({
      type: 'foreigner',
      cardVersion: '2023',
      idNumber: expect.stringMatching(/^9\d{17}$/),
      idNumberCheck: { ok: true, kind: 'foreigner2023' },
    });
    expect(load('resident-bad-checksum')).toMatchObject({ idNumberCheck: { ok: false, reason: 'checksum' } });
  });

  it('resident-expiring is always 45 days from expiry, valid for 20 years; resident-expired is past', () => {
    for (const today of [new Date('2026-12-01T10:00:00Z'), new Date('2028-02-29T00:00:00Z')]) {
      const r = loadSampleCard('resident-expiring', SAMPLE_CARDS_DIR, today);
      if (!r.ok) throw new Error(r.error.message);
      const validTo = new Date(`${r.value.card.validTo}T00:00:00Z`);
      const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
      expect((validTo.getTime() - day.getTime()) / 86_400_000).toBe(45);
      expect(r.value.card).toMatchObject({ name: '王建国', idNumber: '410402197203150037', validFrom: `${validTo.getUTCFullYear() - 20}${r.value.card.validTo.slice(4)}` });
    }
    const expired = loadSampleCard('resident-expired');
    expect(expired.ok && expired.value.card.validTo).toBe('2025-10-01');
  });

  it.each([
    ['+45d', '2026-12-01', '2027-01-15'],
    ['+45d-20y', '2026-12-01', '2007-01-15'],
    ['-1m', '2026-03-31', '2026-02-28'],
    ['+1y', '2028-02-29', '2029-02-28'],
  ])('resolveRelativeDate(%s) from %s is %s', (relative, today, expected) => {
    expect(resolveRelativeDate(relative, new Date(`${today}T12:00:00Z`))).toBe(expected);
  });

  it('every valid sample number passes validateIdNumber on its own', () => {
    for (const id of ids) {
      const r = loadSampleCard(id);
      if (
        !r.ok ||
        !r.value.expectIdNumberValid ||
        (r.value.card.type === 'foreigner' && r.value.card.cardVersion === '2017')
      )
        continue;
      expect(validateIdNumber(r.value.card.idNumber).ok, id).toBe(true);
    }
  });

  it('gives a deterministic photo per sample, different between samples', () => {
    const a1 = loadSampleCard('resident-han');
    const a2 = loadSampleCard('resident-han');
    const b = loadSampleCard('hmt-hong-kong');
    if (!a1.ok || !a2.ok || !b.ok) throw new Error('load failed');
    expect(a1.value.photo).toEqual(a2.value.photo);
    expect(a1.value.photo).not.toEqual(b.value.photo);
  });

  it('loads by absolute path', () => {
    expect(loadSampleCard(join(SAMPLE_CARDS_DIR, 'resident-han.json')).ok).toBe(true);
  });

  // process.chdir is unavailable in worker threads; vitest's default pool is forks.
  it.skipIf(!isMainThread)('loads from any cwd', () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      expect(listSampleCards()).toEqual(ids);
      expect(loadSampleCard('resident-han').ok).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('returns typed errors for missing, malformed and oversized samples', () => {
    expect(loadSampleCard('no-such-card')).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    expect(loadSampleCard('../etc/passwd')).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    expect(loadSampleCard('Bad Name')).toMatchObject({ ok: false, error: { kind: 'notFound' } });

    const dir = mkdtempSync(join(tmpdir(), 'onedoor-citizens-'));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(loadSampleCard('broken', dir)).toMatchObject({ ok: false, error: { kind: 'invalidJson' } });

    const fields = {
      type: 'resident',
      name: '陈思远',
      gender: 'male',
      nationCode: '01',
      birthDate: '1990-01-01',
      address: '某地',
      idNumber: '410402199001011230',
      authority: '某局',
      validFrom: '2015-03-01',
      validTo: '2035-03-01',
    };
    const write = (id: string, f: object, extra: object = {}) =>
      writeFileSync(
        join(dir, `${id}.json`),
        JSON.stringify({ id, description: 't', expectIdNumberValid: true, fields: f, ...extra }),
      );

    write('ok', fields);
    expect(loadSampleCard('ok', dir).ok).toBe(true);
    write('extra-key', { ...fields, colour: 'red' });
    expect(loadSampleCard('extra-key', dir)).toMatchObject({ ok: false, error: { kind: 'invalidSample' } });
    write('too-long', { ...fields, name: '一二三四五六七八九十甲乙丙丁戊己' });
    expect(loadSampleCard('too-long', dir)).toMatchObject({ ok: false, error: { kind: 'invalidSample' } });
    write('bad-date', { ...fields, birthDate: '1990-02-30' });
    expect(loadSampleCard('bad-date', dir)).toMatchObject({
      ok: false,
      error: { kind: 'cardText', error: { kind: 'invalidDate', field: 'birthDate' } },
    });
    expect(listSampleCards(dir)).toEqual(['bad-date', 'broken', 'extra-key', 'ok', 'too-long']);
  });
});
