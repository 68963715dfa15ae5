/**
 * Simulation is one explicit switch in the config (issue 12, defect 3): the
 * installer says `"simulation": true` or `false`. In simulation the back-end
 * is the sandbox; outside it nothing simulated may run, and every seam that
 * exists for testers (dock, liveness skip) is refused at start, naming the field.
 */
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../../../electron/host/config/load';

/** A real kiosk that has every device it may have, each on a real port. */
const REAL = {
  simulation: false,
  backend: {
    kind: 'http',
    baseUrl: 'https://gateway.example.internal/onedoor/v1',
    tls: { caFile: '/etc/onedoor/tls/ca.crt', clientCertFile: '/etc/onedoor/tls/kiosk.crt', clientKeyFile: '/etc/onedoor/tls/kiosk.key' },
  },
  devices: {
    idcard: { mode: 'serial', path: '/dev/ttyUSB0' },
    receiptPrinter: { mode: 'serial', path: '/dev/ttyS1' },
    scanner: { mode: 'serial', path: '/dev/ttyS2' },
    fingerprint: { mode: 'hid', vendorId: 0x1209, productId: 0x0002 },
  },
  printing: { a4: { mode: 'cups', queue: 'hall-a4' } },
};

function problems(input: unknown): string[] {
  const result = parseConfig(input);
  return result.ok ? [] : result.error.problems;
}

describe('the simulation switch', () => {
  it('must be stated in a config file: a file without it does not start', () => {
    const { simulation: _left, ...withoutSwitch } = REAL;
    const found = problems(withoutSwitch);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^simulation: required/);
  });

  it('accepts a real kiosk with every device real, the police back-end and no seams', () => {
    const result = parseConfig(REAL);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.simulation).toBe(false);
  });

  it('refuses a real kiosk with a device left out of the config (it would default to simulated), naming the field', () => {
    const { scanner: _left, ...twoDevices } = REAL.devices;
    expect(problems({ ...REAL, devices: twoDevices })).toEqual([expect.stringMatching(/^devices\.scanner\.mode: .*simulation/)]);
  });

  it('accepts a device the kiosk lacks when it is switched off ("enabled": false)', () => {
    const { scanner: _left, ...twoDevices } = REAL.devices;
    expect(parseConfig({ ...REAL, devices: { ...twoDevices, scanner: { enabled: false } } }).ok).toBe(true);
  });

  it('refuses each simulated device of a real kiosk, the A4 printer included', () => {
    expect(problems({ ...REAL, devices: { ...REAL.devices, idcard: { mode: 'simulated' } } })).toEqual([expect.stringMatching(/^devices\.idcard\.mode: /)]);
    expect(problems({ ...REAL, devices: { ...REAL.devices, receiptPrinter: {} } })).toEqual([expect.stringMatching(/^devices\.receiptPrinter\.mode: /)]);
    expect(problems({ ...REAL, printing: { a4: { mode: 'simulated' } } })).toEqual([expect.stringMatching(/^printing\.a4\.mode: /)]);
    expect(parseConfig({ ...REAL, printing: { a4: { enabled: false } } }).ok).toBe(true);
  });

  it('refuses the sandbox back-end on a real kiosk', () => {
    const { backend: _left, ...noBackend } = REAL;
    expect(problems(noBackend)).toEqual([expect.stringMatching(/^backend\.kind: /)]);
  });

  it('refuses every seam on a real kiosk: the dock and the liveness skip', () => {
    expect(problems({ ...REAL, dock: { enabled: true } })).toEqual([expect.stringMatching(/^dock\.enabled: /)]);
    expect(problems({ ...REAL, face: { testingSkipLiveness: true } })).toEqual([expect.stringMatching(/^face\.testingSkipLiveness: /)]);
    expect(parseConfig({ ...REAL, dock: { enabled: false } }).ok).toBe(true);
  });

  it('in simulation, requires the sandbox back-end', () => {
    expect(problems({ simulation: true, backend: REAL.backend })).toEqual([expect.stringMatching(/^backend\.kind: /)]);
  });

  it('in simulation, every device defaults to simulated and the seams may be on', () => {
    const result = parseConfig({ simulation: true, dock: { enabled: true }, face: { testingSkipLiveness: true } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.devices.scanner.mode).toBe('simulated');
    expect(result.value.backend.kind).toBe('sandbox');
  });

  it('in simulation, a real reader beside the simulated rest is fine (an installer trying hardware with the sandbox)', () => {
    expect(parseConfig({ simulation: true, devices: { idcard: { mode: 'serial', path: '/dev/ttyUSB0' } } }).ok).toBe(true);
  });

  it('without a file (development only), runs the embedded simulation and says so', async () => {
    const result = await loadConfigFile(undefined);
    expect(result.ok && result.value.simulation).toBe(true);
  });
});

describe('the sandbox served over HTTP', () => {
  it('is still the sandbox: allowed in simulation, refused on a real kiosk', () => {
    const served = { kind: 'sandbox', baseUrl: 'http://127.0.0.1:8742/' };
    expect(parseConfig({ simulation: true, backend: served }).ok).toBe(true);
    expect(problems({ ...REAL, backend: served })).toEqual([expect.stringMatching(/^backend\.kind: /)]);
  });

  it('must be plain HTTP on this machine; a malformed URL is a config error naming the field, not a crash', () => {
    for (const baseUrl of ['http://10.1.2.3:8742/', 'http://127.0.0.1.nip.io/', 'https://127.0.0.1:8742/', 'ftp://127.0.0.1/', 'not a url']) {
      const found = problems({ simulation: true, backend: { kind: 'sandbox', baseUrl } });
      expect(found.length, baseUrl).toBeGreaterThan(0);
      expect(found.every((problem) => problem.startsWith('backend.baseUrl: ')), baseUrl).toBe(true);
    }
  });
});
