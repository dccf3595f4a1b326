/**
 * A TCP proxy on a loopback port to a database server, that a test can take down and bring back:
 * the app is pointed at the proxy (`DATABASE_PORT`), and `refuse()` is an outage as the app sees
 * one (connections cut, new ones refused), `open()` the end of it.
 */

import { once } from 'node:events';
import net from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Cuts every connection through the proxy and refuses new ones (ECONNREFUSED). */
  refuse(): Promise<void>;
  /** Accepts connections again, on the same port. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export const startTcpProxy = async (target: { host: string; port: number }): Promise<TcpProxy> => {
  const sockets = new Set<net.Socket>();
  const keep = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    keep(client);
    keep(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });

  let port = 0;
  const listen = async () => {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  };
  const stop = async () => {
    if (!server.listening) return;
    const closed = once(server, 'close');
    server.close();
    sockets.forEach((socket) => socket.destroy());
    await closed;
  };
  await listen();

  return {
    get port() {
      return port;
    },
    refuse: stop,
    open: listen,
    close: stop,
  };
};
