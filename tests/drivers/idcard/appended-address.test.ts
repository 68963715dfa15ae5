import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APPENDED_ADDRESS_SIZE,
  decodeAppendedAddress,
  encodeAppendedAddress,
} from '../../../drivers/idcard/appended-address';
import { createIdCardReader, type IdCardReader, type RawCardRead } from '../../../drivers/idcard/reader';
import { createIdCardSimulator, type IdCardSimulator, type SimulatedCard } from '../../../drivers/idcard/simulator';
import { createMemoryPair } from '../../../drivers/transport/memory';

/** Address text a card can hold: printable BMP characters and spaces inside, none at the ends. */
const addressChar = fc.oneof(
  fc.constantFrom(...'北京市朝阳区建国路号楼室单元栋巷弄里村镇乡ABC0123456789-（）()'.split('')),
  fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
);
const address = fc
  .array(fc.oneof({ weight: 9, arbitrary: addressChar }, { weight: 1, arbitrary: fc.constant(' ') }), {
    minLength: 1,
    maxLength: 35,
  })
  .map((chars) => chars.join('').trim())
  .filter((s) => s.length > 0);

/** A surrogate half without its partner (String.prototype.isWellFormed is ES2024, past our lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A C0/C1 control character. */
const hasControl = (s: string): boolean =>
  [...s].some((c) => {
    const u = c.charCodeAt(0);
    return u < 0x20 || (u >= 0x7f && u < 0xa0);
  });

describe('decodeAppendedAddress (追加住址, 30 03)', () => {
  it('reads back any address that fits, without its padding', () => {
    fc.assert(
      fc.property(address, (a) => {
        const decoded = decodeAppendedAddress(encodeAppendedAddress(a));
        expect(decoded).toEqual({ ok: true, value: a });
      }),
    );
  });

  it('says "none" for empty data and for a blank field (spaces or NULs)', () => {
    expect(decodeAppendedAddress(new Uint8Array(0))).toEqual({ ok: true, value: null });
    expect(decodeAppendedAddress(encodeAppendedAddress(''))).toEqual({ ok: true, value: null });
    expect(decodeAppendedAddress(new Uint8Array(APPENDED_ADDRESS_SIZE))).toEqual({ ok: true, value: null });
  });

  it('refuses any other length', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }).filter((b) => b.length !== 0 && b.length !== APPENDED_ADDRESS_SIZE),
        (bytes) => {
          expect(decodeAppendedAddress(bytes)).toEqual({
            ok: false,
            error: { kind: 'unexpectedLength', length: bytes.length },
          });
        },
      ),
    );
  });

  it('never throws on 70 random bytes, and what it accepts has no control characters or lone surrogates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: APPENDED_ADDRESS_SIZE, maxLength: APPENDED_ADDRESS_SIZE }), (bytes) => {
        const decoded = decodeAppendedAddress(bytes);
        if (!decoded.ok || decoded.value === null) return;
        expect(hasControl(decoded.value)).toBe(false);
        expect(LONE_SURROGATE.test(decoded.value)).toBe(false);
        expect(decoded.value).toBe(decoded.value.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses text with a NUL inside or a lone surrogate', () => {
    const nulInside = encodeAppendedAddress('北京市 朝阳区');
    nulInside[6] = 0;
    nulInside[7] = 0;
    expect(decodeAppendedAddress(nulInside)).toMatchObject({ ok: false, error: { kind: 'invalidText' } });
    const lone = encodeAppendedAddress('北京市');
    lone[0] = 0x00;
    lone[1] = 0xdc;
    expect(decodeAppendedAddress(lone)).toMatchObject({ ok: false, error: { kind: 'invalidText', offset: 0 } });
  });
});

// ── the reader reads 30 03 after the base read ─────────────────────────────

function textBlock(): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 128; i++) out[i * 2] = 0x20;
  return out;
}
const base: SimulatedCard = { text: textBlock(), photo: new Uint8Array(1024) };
const rigs: { reader: IdCardReader; sim: IdCardSimulator }[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.reader.stop();
    await r.sim.stop();
  }
});

async function readOnce(
  card: SimulatedCard,
  options: { readFingerprint?: boolean; readAppendedAddress?: boolean } = {},
  setup: (sim: IdCardSimulator) => void = () => undefined,
): Promise<{ read: RawCardRead; sim: IdCardSimulator }> {
  const [host, device] = createMemoryPair();
  const sim = createIdCardSimulator(device);
  setup(sim);
  await sim.start();
  const reader = createIdCardReader(host, {
    pollIntervalMs: 5,
    commandTimeoutMs: 40,
    readTimeoutMs: 80,
    retryDelayMs: 2,
    faultRetryMs: 20,
    ...options,
  });
  rigs.push({ reader, sim });
  const read = new Promise<RawCardRead>((resolve) => reader.on('cardPresented', resolve));
  await reader.start();
  sim.placeCard(card);
  return { read: await read, sim };
}

describe('ID card reader: appended address and fingerprint check', () => {
  it('reads the appended address after the card, and it decodes to the current address', async () => {
    const { read, sim } = await readOnce({
      ...base,
      appendedAddress: encodeAppendedAddress('上海市浦东新区张江路88号'),
    });
    expect(sim.received.slice(-2)).toEqual(['readText', 'readAppendedAddress']);
    expect(decodeAppendedAddress(read.appendedAddress!)).toEqual({ ok: true, value: '上海市浦东新区张江路88号' });
    expect(read.appendedAddressUnread).toBeUndefined();
  });

  it('a card without one (0x91) or with an empty answer has none, and is still read', async () => {
    const none = await readOnce(base);
    expect(none.read.appendedAddress).toBeUndefined();
    expect(none.read.appendedAddressUnread).toBeUndefined();
    const empty = await readOnce({ ...base, appendedAddress: new Uint8Array(0) });
    expect(empty.read.appendedAddress).toBeUndefined();
    expect(empty.read.appendedAddressUnread).toBeUndefined();
  });

  it('does not ask for it when told not to', async () => {
    const { sim } = await readOnce(
      { ...base, appendedAddress: encodeAppendedAddress('x') },
      { readAppendedAddress: false },
    );
    expect(sim.received).not.toContain('readAppendedAddress');
  });

  it('0x37 on 30 10 (the fingerprint block failed its check): reads the card again with 30 01 and says the prints are unreadable', async () => {
    const { read, sim } = await readOnce(
      { ...base, fingerprint: new Uint8Array(1024).fill(7) },
      { readFingerprint: true },
      (s) => s.setCardReadFault(0x37, 'once'),
    );
    expect(sim.received.filter((n) => n.startsWith('read'))).toEqual([
      'readTextAndFingerprint',
      'readText',
      'readAppendedAddress',
    ]);
    expect(read.fingerprint).toBeUndefined();
    expect(read.fingerprintUnreadable).toBe(true);
    expect(read.text).toEqual(base.text);
  });
});
