// The production server: Next.js behind a plain Node HTTP server, so the client's address comes
// from the connection. Next fills X-Forwarded-For from the socket only when it is absent; without
// a trusted proxy in front (TRUST_PROXY), a client's own X-Forwarded-For is dropped first, so
// nobody can dodge the subscribe rate limit by inventing addresses.
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trustProxy = !['', 'false', '0'].includes((process.env.TRUST_PROXY ?? '').trim());

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  if (!trustProxy) delete request.headers['x-forwarded-for'];
  void handle(request, response);
});
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
