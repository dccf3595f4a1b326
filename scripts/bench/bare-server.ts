/**
 * The yardsticks: a bare Node `http` server on loopback. Run as a child of the bench (autocannon
 * must not share its event loop): it waits for the answer to give (see `BareAnswer`) over IPC,
 * sends back its port, and ends when the bench does. With no body it answers every request 204
 * (the machine's ceiling); with one it sends those exact bytes with their content type and ETag,
 * and 304 to a request whose `If-None-Match` holds that ETag (what a response cache could do at best).
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BareAnswer {
  /** The body, base64 (IPC carries JSON); none for a 204. */
  body?: string;
  contentType?: string;
  etag?: string;
}

const serve = ({ body, contentType = 'application/json', etag }: BareAnswer) => {
  const bytes = body === undefined ? undefined : Buffer.from(body, 'base64');
  const headers: http.OutgoingHttpHeaders = bytes
    ? { 'content-type': contentType, 'content-length': bytes.length, ...(etag && { etag }) }
    : {};
  const server = http.createServer((request, response) => {
    request.resume();
    if (!bytes) {
      response.statusCode = 204;
      response.end();
    } else if (etag && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
    } else {
      response.writeHead(200, headers);
      response.end(bytes);
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
};

process.once('message', (answer: BareAnswer) => serve(answer));
process.once('disconnect', () => process.exit(0));
