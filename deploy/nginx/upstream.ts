import { indent, NginxConfigError } from './syntax';

// The app instances behind nginx, and how requests reach them.

export function upstreamBlock(options: { upstreams: string[]; maxFails?: number; failTimeoutSeconds?: number }): string {
  if (options.upstreams.length === 0) throw new NginxConfigError('at least one app instance (upstream) is needed');
  const failure = `max_fails=${options.maxFails ?? 2} fail_timeout=${options.failTimeoutSeconds ?? 10}s`;
  return [
    'upstream crisis_briefings_app {',
    indent(
      [
        '# Failure counts shared by all workers, so a dead instance is skipped by every one of them.',
        'zone crisis_briefings_app 64k;',
        ...options.upstreams.map((address) => {
          if (!/^[A-Za-z0-9.\-[\]:]+:\d+$/.test(address)) throw new NginxConfigError(`an upstream must be host:port, got ${JSON.stringify(address)}`);
          return `server ${address} ${failure};`;
        }),
        'keepalive 16;',
        "# Below the app's own 5 s, so nginx never sends a request on a connection the app is closing.",
        'keepalive_timeout 4s;',
        'keepalive_requests 1000;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');
}

/** How requests reach an instance; set once for the server, used by `location /`. */
export const PROXY_SETTINGS = [
  'proxy_http_version 1.1;',
  'proxy_set_header Connection "";',
  'proxy_set_header Host $cb_host;',
  '# Overwritten, never appended: a client cannot choose the address the rate limit counts.',
  'proxy_set_header X-Forwarded-For $remote_addr;',
  'proxy_set_header X-Forwarded-Host $cb_host;',
  'proxy_set_header X-Forwarded-Proto $scheme;',
  '# Forwarding headers the app would trust behind a proxy, and Next-internal ones, are not passed from clients.',
  'proxy_set_header X-Forwarded-Port "";',
  'proxy_set_header X-Real-IP "";',
  'proxy_set_header Forwarded "";',
  'proxy_set_header X-Middleware-Subrequest "";',
  'proxy_set_header X-Now-Route-Matches "";',
  'proxy_redirect off;',
  'proxy_connect_timeout 2s;',
  'proxy_send_timeout 10s;',
  "# The app's own request timeout is 30 s.",
  'proxy_read_timeout 35s;',
  '# A refused or timed-out connection is retried on another instance; POST only when it never reached one.',
  'proxy_next_upstream error timeout;',
  'proxy_next_upstream_tries 3;',
  'proxy_next_upstream_timeout 10s;',
  'proxy_intercept_errors off;',
  '# Room for response headers (each page has its own CSP) and a whole page in memory.',
  'proxy_buffer_size 16k;',
  'proxy_buffers 16 16k;',
  'proxy_busy_buffers_size 32k;',
];
