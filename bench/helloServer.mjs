// A bare node:http hello-world server, the yardstick of the `servers` section: about the least a
// node:http server does per request. `node bench/helloServer.mjs PORT` (0 for any free port)
// listens on 127.0.0.1 and prints "Listening on http://127.0.0.1:PORT/", as `loadlab serve` does.
// GET / (or anything else) gets the same body as the built-in server's GET /.
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = 'hello\n';
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  process.stdout.write(`Listening on http://127.0.0.1:${actual}/\n`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
