import { describe, expect, it } from 'vitest';
import { conditionOf, driverStatusOf, type PrinterAttributes } from '../../../../electron/host/printing/a4';

const attrs = (reasons: string[], state: PrinterAttributes['state'] = 'idle', accepting = true): PrinterAttributes => ({ state, reasons, message: '', accepting });

describe('printer-state-reasons', () => {
  it.each([
    [['media-empty-error'], ['paperOut'], [], 'out'],
    [['media-needed'], ['paperOut'], [], 'out'],
    [['media-jam-error'], ['paperJam'], [], 'jammed'],
    [['door-open-error'], ['doorOpen'], [], 'present'],
    [['offline-report'], ['printerOffline'], [], 'present'],
    [['media-low-report'], [], ['paperLow'], 'low'],
    [['toner-low-warning'], [], ['tonerLow'], 'present'],
    [['media-low-report', 'media-empty-error'], ['paperOut'], ['paperLow'], 'out'],
  ])('%j → problems %j, warnings %j, media %s', (reasons, problems, warnings, media) => {
    expect(conditionOf(attrs(reasons))).toEqual({ problems, warnings, media });
  });

  it('a stopped queue without a hardware reason is queueStopped; not accepting is its own problem', () => {
    expect(conditionOf(attrs(['paused'], 'stopped')).problems).toEqual(['queueStopped']);
    expect(conditionOf(attrs([], 'idle', false)).problems).toEqual(['notAccepting']);
  });

  it('maps to device statuses', () => {
    expect(driverStatusOf({ ok: true, value: attrs([]) })).toEqual({ kind: 'online', media: 'present' });
    expect(driverStatusOf({ ok: true, value: attrs([], 'processing') })).toEqual({ kind: 'busy', media: 'present' });
    expect(driverStatusOf({ ok: true, value: attrs(['media-low-report']) })).toEqual({ kind: 'online', media: 'low' });
    expect(driverStatusOf({ ok: true, value: attrs(['door-open-error']) })).toMatchObject({ kind: 'userError' });
    expect(driverStatusOf({ ok: false, error: { kind: 'cupsUnavailable', message: 'x' } })).toMatchObject({ kind: 'offline' });
    expect(driverStatusOf({ ok: false, error: { kind: 'queueMissing', message: 'x' } })).toMatchObject({ kind: 'noDevice' });
  });
});
