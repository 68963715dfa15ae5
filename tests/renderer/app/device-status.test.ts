import { describe, expect, it } from 'vitest';
import { DeviceState, MediaState } from '../../../electron/contract';
import { mediaToShow, statusTone } from '../../../renderer/app/device-status';
import { hostNotice } from '../../../renderer/app/connection';

describe('device status tone', () => {
  it('gives every state a tone', () => {
    for (const state of DeviceState.options) expect(['ok', 'warn', 'error', 'neutral']).toContain(statusTone({ state }));
  });

  it('ranks media trouble above an online device', () => {
    expect(statusTone({ state: 'online' })).toBe('ok');
    expect(statusTone({ state: 'online', media: 'low' })).toBe('warn');
    expect(statusTone({ state: 'online', media: 'out' })).toBe('error');
    expect(statusTone({ state: 'online', media: 'jammed' })).toBe('error');
    expect(statusTone({ state: 'hardwareError', media: 'present' })).toBe('error');
    expect(MediaState.options.filter((media) => mediaToShow({ media }))).toEqual(['low', 'out', 'jammed']);
  });
});

describe('host notice', () => {
  it('says starting during the first attempt and restarting after any failure or drop', () => {
    expect(hostNotice({ state: 'connecting', firstAttempt: true }, false)).toBe('starting');
    expect(hostNotice({ state: 'disconnected', firstAttempt: false }, false)).toBe('restarting');
    expect(hostNotice({ state: 'connecting', firstAttempt: false }, false)).toBe('restarting');
    expect(hostNotice({ state: 'connected', firstAttempt: false }, false)).toBeNull();
    expect(hostNotice({ state: 'connected', firstAttempt: false }, true)).toBe('restarting');
  });
});
