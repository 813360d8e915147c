import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
(async () => {
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '.next/production-server.mjs'], { cwd: '/work/main', env: { ...process.env, PORT: '3997', HOST: '127.0.0.1', DATABASE_URL: '/tmp/prof/s.db', MAIL_DIR: '/tmp/prof/mail', SUBSCRIBE_RATE_LIMIT: '0', SITE_URL: 'http://127.0.0.1:3997', OUTBOX_SENDER: 'worker' }, stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 3000));
  let n = 0;
  await autocannon({ url: 'http://127.0.0.1:3997', connections: 20, duration: 3, requests: [{ method: 'POST', path: '/api/subscribe', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3997' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: `w-${n++}@example.org`, country: 'mali' }) }) }] });
  const r = await autocannon({ url: 'http://127.0.0.1:3997', connections: 20, duration: 8, requests: [{ method: 'POST', path: '/api/subscribe', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3997' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: `p-${n++}@example.org`, country: 'mali' }) }) }] });
  console.log('req/s', r.requests.average);
  child.kill('SIGINT'); await new Promise((r) => child.once('exit', r));
})();
