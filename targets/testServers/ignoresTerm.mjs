// Test server: listens on 127.0.0.1:PORT and ignores SIGTERM (only SIGKILL ends it).
// Usage: node ignoresTerm.mjs PORT
import http from 'node:http';

process.on('SIGTERM', () => console.log('SIGTERM ignored'));
const port = Number(process.argv[2]);
http.createServer((request, response) => response.end('ok\n')).listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
