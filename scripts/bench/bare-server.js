'use strict';

/** The ceiling: a bare Node `http` server on loopback answering every request with 204. */

const http = require('node:http');

const port = Number(process.argv[2]);
const server = http.createServer((request, response) => {
  request.resume();
  response.statusCode = 204;
  response.end();
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
