// Test server: answers on 127.0.0.1:PORT, exits with code 3 after N requests.
// Usage: node crashAfter.mjs PORT N
import http from 'node:http';

const [port, limit] = process.argv.slice(2).map(Number);
let served = 0;
http
  .createServer((request, response) => {
    response.end('ok\n');
    if (++served >= limit) {
      console.error(`crashing after ${served} requests`);
      process.exit(3);
    }
  })
  .listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
