/**
 * A config for a real kiosk (`"simulation": false`) that lacks every device,
 * for tests that exercise one real part alone (the back-end link): a real
 * kiosk may not run a simulated device, so each is switched off.
 */
export function realKioskConfig(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    simulation: false,
    devices: { idcard: { enabled: false }, receiptPrinter: { enabled: false }, scanner: { enabled: false }, fingerprint: { enabled: false } },
    printing: { a4: { enabled: false } },
    ...extra,
  };
}
