import type { TransportError } from './transport';

/**
 * Maps an error thrown by a native binding (serialport, node-hid) to a
 * {@link TransportError}, from its errno code or, when the binding only gives
 * text (bindings-cpp formats `strerror()` into the message), from the message.
 */
export function toTransportError(error: unknown, context: string): TransportError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const text = error instanceof Error ? error.message : String(error);
  const message = `${context}: ${text}`;
  if (
    code === 'ENOENT' ||
    code === 'ENODEV' ||
    code === 'ENXIO' ||
    /no such (file|device)|not found|could not find|cannot open device/i.test(text)
  ) {
    return { kind: 'notFound', message };
  }
  if (code === 'EBUSY' || code === 'EAGAIN' || /busy|cannot lock|resource temporarily unavailable|in use/i.test(text)) {
    return { kind: 'busy', message };
  }
  if (code === 'EACCES' || code === 'EPERM' || /permission denied|operation not permitted|access denied/i.test(text)) {
    return { kind: 'permission', message };
  }
  if (/port is not open|not open|closed/i.test(text)) {
    return { kind: 'closed', message };
  }
  return { kind: 'io', message };
}
