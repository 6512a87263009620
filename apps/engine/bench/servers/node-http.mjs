/** Baseline: a bare node:http server answering GET /api/health with the engine's JSON. */
import http from 'node:http';
import { closeOnSignals, HEALTH_BODY, HEALTH_PATH, portFromEnv } from './shared.mjs';

const body = JSON.stringify(HEALTH_BODY);
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(body)),
};

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === HEALTH_PATH) {
    res.writeHead(200, headers).end(body);
  } else {
    res.writeHead(404).end();
  }
});

server.listen(portFromEnv(), '127.0.0.1');
closeOnSignals(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});
