/**
 * The ceiling: a bare Node `http` server on loopback answering every request with 204. Run as a
 * child of the bench (autocannon must not share its event loop); it sends its port over IPC and
 * ends when the bench does.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';

const server = http.createServer((request, response) => {
  request.resume();
  response.statusCode = 204;
  response.end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
process.once('disconnect', () => process.exit(0));
