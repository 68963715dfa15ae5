/**
 * Whether a STUN server answers: one RFC 5389 Binding request over UDP (a
 * 20-byte header, no attributes) and a check that the reply is a Binding
 * success response carrying our magic cookie and transaction id. Used to
 * know that coturn is up (it answers STUN without credentials).
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const MAGIC_COOKIE = 0x2112a442;

/** The 20-byte Binding request for `transactionId` (12 bytes). */
export function bindingRequest(transactionId: Uint8Array): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(BINDING_REQUEST, 0);
  header.writeUInt16BE(0, 2); // no attributes
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  Buffer.from(transactionId).copy(header, 8);
  return header;
}

/** Whether `reply` is a Binding success response to `transactionId`. */
export function isBindingSuccess(reply: Uint8Array, transactionId: Uint8Array): boolean {
  if (reply.length < 20) return false;
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  return view.readUInt16BE(0) === BINDING_SUCCESS && view.readUInt32BE(4) === MAGIC_COOKIE && view.subarray(8, 20).equals(Buffer.from(transactionId));
}

/** One Binding request to `host:port`; true when a matching success response comes within `withinMs`. */
export function stunAnswers(host: string, port: number, withinMs = 500): Promise<boolean> {
  const transactionId = randomBytes(12);
  return new Promise((resolve) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    let settled = false;
    const finish = (answer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(false), withinMs);
    socket.on('message', (reply) => {
      if (isBindingSuccess(reply, transactionId)) finish(true);
    });
    // An ICMP port unreachable surfaces as an error on some systems: not up yet.
    socket.on('error', () => finish(false));
    socket.send(bindingRequest(transactionId), port, host, (error) => {
      if (error) finish(false);
    });
  });
}
