/**
 * A TCP proxy that can "unplug the cable": `cut()` stops forwarding in both
 * directions without closing anything (no FIN, no RST), so each end only
 * notices through its own timeouts (MQTT keepalive), as with a pulled cable;
 * connections made while cut hang the same way. `restore()` plugs it back:
 * paused sockets forward what they held, and a socket whose peer closed
 * meanwhile is closed too.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpCut {
  readonly port: number;
  readonly url: string;
  cut(): void;
  restore(): void;
  /** How many client connections the proxy has accepted. */
  connections(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  /** A side that closed while cut: closed on the other side at restore. */
  closedWhileCut: boolean;
}

export async function startTcpCut(targetPort: number, targetHost = '127.0.0.1', scheme = 'mqtt'): Promise<TcpCut> {
  const pairs = new Set<Pair>();
  let isCut = false;
  let accepted = 0;

  const wire = (pair: Pair, from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (!to.destroyed) to.write(chunk);
    });
    const closed = () => {
      if (isCut) pair.closedWhileCut = true;
      else to.destroy();
    };
    from.on('close', closed);
    from.on('error', () => undefined);
  };

  const server: Server = createServer((client) => {
    accepted += 1;
    const upstream = connect(targetPort, targetHost);
    const pair: Pair = { client, upstream, closedWhileCut: false };
    pairs.add(pair);
    if (isCut) {
      client.pause();
      upstream.pause();
    }
    wire(pair, client, upstream);
    wire(pair, upstream, client);
    const forget = () => {
      if (client.destroyed && upstream.destroyed) pairs.delete(pair);
    };
    client.on('close', forget);
    upstream.on('close', forget);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('tcp-cut: no port');

  return {
    port: address.port,
    url: `${scheme}://127.0.0.1:${address.port}`,
    cut() {
      isCut = true;
      for (const { client, upstream } of pairs) {
        client.pause();
        upstream.pause();
      }
    },
    restore() {
      isCut = false;
      for (const pair of [...pairs]) {
        if (pair.closedWhileCut) {
          pair.client.destroy();
          pair.upstream.destroy();
          continue;
        }
        pair.client.resume();
        pair.upstream.resume();
      }
    },
    connections: () => accepted,
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
