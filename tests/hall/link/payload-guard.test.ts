import { describe, expect, it } from 'vitest';
import { decodeLinkPayload, MAX_LINK_JSON_DEPTH, MAX_LINK_PAYLOAD_BYTES } from '../../../hall/server/link/payload-guard';

const decode = (text: string) => decodeLinkPayload(Buffer.from(text));

describe("the hall link's first look at a kiosk payload", () => {
  it('reads ordinary JSON, brackets and escaped quotes inside strings included', () => {
    const text = JSON.stringify({ hallName: '[[[[ 城东 "大厅" {{{{', nested: { a: [1, { b: ['\\'] }] } });
    expect(decode(text)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(decode(JSON.stringify({ s: '['.repeat(MAX_LINK_JSON_DEPTH * 10) })).ok).toBe(true);
  });

  it('refuses what would cost the hall more than a scan', () => {
    expect(decode(`${'['.repeat(MAX_LINK_JSON_DEPTH + 1)}${']'.repeat(MAX_LINK_JSON_DEPTH + 1)}`)).toEqual({ ok: false, error: 'tooDeep' });
    expect(decode('['.repeat(MAX_LINK_JSON_DEPTH))).toEqual({ ok: false, error: 'notJson' });
    expect(decodeLinkPayload(Buffer.alloc(MAX_LINK_PAYLOAD_BYTES + 1, 0x20))).toEqual({ ok: false, error: 'tooLarge' });
    expect(decode(JSON.stringify({ name: 'a\u0000b' }))).toEqual({ ok: false, error: 'nulCharacter' });
    expect(decode('{"online": tru')).toEqual({ ok: false, error: 'notJson' });
    expect(decode('')).toEqual({ ok: false, error: 'notJson' });
  });
});
