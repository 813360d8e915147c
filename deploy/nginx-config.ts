import path from 'node:path';
import { HSTS } from '../lib/server/response-policy';
import type { StaticRoutesManifest } from '../lib/server/static-routes';
import { acmeLocation, assetsLocation, ownHeaders, servingLocations } from './nginx/locations';
import { renderRouteMaps, ROUTE } from './nginx/route-maps';
import { planStaticRoutes, type StaticRoutePlan } from './nginx/static-route-plan';
import { indent, listenPort, NginxConfigError, quote } from './nginx/syntax';
import { renderUnavailableLocations } from './nginx/unavailable';
import { PROXY_SETTINGS, upstreamBlock } from './nginx/upstream';

export { planStaticRoutes, type StaticRoutePlan } from './nginx/static-route-plan';
export { NginxConfigError } from './nginx/syntax';

/**
 * nginx in front of the app instances. nginx answers every prerendered route itself, from the
 * build folder, with the headers the static-routes manifest gives it, so content stays up with
 * every instance down; everything else (the API, per-request pages, Next's data requests, any
 * method but GET and HEAD) goes to the instances.
 *
 * Per-route headers with stock nginx: each header is a `map` from the request's path to its
 * value (one hash lookup, however many routes), and `add_header` with an empty value sends
 * nothing. Content-Type cannot come from a variable, so a prerendered route is rewritten to an
 * internal location per content type (a handful), whose `default_type` it is and which aliases
 * the build folder: the route's file is served as it is, no copy, no symlink tree to keep in step.
 */
export interface NginxSiteOptions {
  manifest: StaticRoutesManifest;
  /** The build folder (NEXT_DIST_DIR) nginx reads files from; made absolute. */
  distDir: string;
  /** The app instances, as host:port. */
  upstreams: string[];
  /** Plain http: a `listen` value such as "127.0.0.1:8080" or "80". */
  http?: { listen: string };
  /** TLS: a `listen` value and the certificate files (a chain first, then the key). */
  https?: { listen: string; certificate: string; certificateKey: string };
  /** With `https`: plain http answers only with a redirect to https (a real server). */
  redirectHttpToHttps?: boolean;
  /** `server_name` (default "_": any host). */
  serverName?: string;
  /** The access log file; it never records query strings (they carry confirmation tokens). */
  accessLog: string;
  /** A folder for certbot's http-01 challenges, served on plain http. */
  acmeWebroot?: string;
  /** Failed attempts before an instance is skipped, and for how long (default 2 and 10 s). */
  maxFails?: number;
  failTimeoutSeconds?: number;
  /** Retry-After of the "temporarily unavailable" answer (default 30). */
  retryAfterSeconds?: number;
}

export interface NginxConfigOptions extends Omit<NginxSiteOptions, 'accessLog'> {
  /** The folder for logs/, temp/ and the pid file (the caller makes logs/ and temp/). */
  prefix: string;
  /** The user workers run as; they must be able to read the build folder. Omit when nginx does not start as root. */
  user?: string;
  workerProcesses?: number | 'auto';
}

function mainServer(options: NginxSiteOptions, plan: StaticRoutePlan, distDir: string, servesHttp: boolean): string {
  const listen = [
    ...(servesHttp && options.http ? [`listen ${options.http.listen};`] : []),
    ...(options.https ? [`listen ${options.https.listen} ssl http2;`] : []),
  ];
  const tls = options.https
    ? [
        `ssl_certificate ${quote(options.https.certificate)};`,
        `ssl_certificate_key ${quote(options.https.certificateKey)};`,
        'ssl_protocols TLSv1.2 TLSv1.3;',
        'ssl_session_cache shared:crisis_briefings_tls:10m;',
        'ssl_session_timeout 1h;',
        'ssl_session_tickets off;',
      ]
    : [];
  return [
    'server {',
    indent(
      [
        ...listen,
        `server_name ${serverName(options)};`,
        ...tls,
        `access_log ${quote(options.accessLog)} crisis_briefings buffer=64k flush=1s;`,
        '# The API takes at most 4 KB and answers larger bodies itself; nginx cuts off anything absurd.',
        'client_max_body_size 16k;',
        'client_body_buffer_size 16k;',
        'client_header_timeout 10s;',
        'client_body_timeout 10s;',
        'send_timeout 30s;',
        'keepalive_timeout 30s;',
        '# Log lines are written in batches (at most a second late): one write a request cost about a tenth of the rate (npm run bench).',
        '# Prerendered files change only with a deploy, which reloads nginx (and empties this cache).',
        'open_file_cache max=16384 inactive=5m;',
        'open_file_cache_valid 60s;',
        '',
        `set ${ROUTE} $uri;`,
        'if ($cb_static_target) {',
        '  rewrite ^ $cb_static_target last;',
        '}',
        '',
        ...PROXY_SETTINGS,
        '',
        ...(options.acmeWebroot && servesHttp ? [acmeLocation(options.acmeWebroot)] : []),
        servingLocations(plan, distDir, options.manifest),
        assetsLocation(distDir, options.manifest),
        'location / {',
        '  proxy_pass http://crisis_briefings_app;',
        '  error_page 413 @cb_too_large;',
        '  # nginx found no instance that answers: no live upstream (502) or no answer in time (504).',
        '  error_page 502 504 =503 $cb_unavailable;',
        '}',
        'location @cb_app {',
        '  # The URI as the client sent it, not the rewritten one.',
        '  proxy_pass http://crisis_briefings_app$request_uri;',
        '  error_page 502 504 =503 $cb_unavailable;',
        '}',
        renderUnavailableLocations(options.retryAfterSeconds ?? 30, ownHeaders(options.manifest)),
      ].join('\n'),
    ),
    '}',
  ].join('\n');
}

function serverName(options: NginxSiteOptions): string {
  const names = options.serverName?.trim() || '_';
  if (!/^[A-Za-z0-9.*_~-]+( [A-Za-z0-9.*_~-]+)*$/.test(names)) throw new NginxConfigError(`server names must be host names separated by spaces, got ${JSON.stringify(names)}`);
  return names;
}


function redirectServer(options: NginxSiteOptions): string {
  const httpsPort = listenPort(options.https!.listen);
  const target = `https://$host${httpsPort === 443 ? '' : `:${httpsPort}`}$request_uri`;
  return [
    'server {',
    indent(
      [
        `listen ${options.http!.listen};`,
        `server_name ${serverName(options)};`,
        `access_log ${quote(options.accessLog)} crisis_briefings buffer=64k flush=1s;`,
        ...(options.acmeWebroot ? [acmeLocation(options.acmeWebroot)] : []),
        `location / {\n  return 301 ${target};\n}`,
      ].join('\n'),
    ),
    '}',
  ].join('\n');
}

/**
 * The site for nginx's http context: maps, upstream and server blocks. On a server whose nginx
 * is the system's, this is a file in /etc/nginx/conf.d/.
 */
export function renderNginxSite(options: NginxSiteOptions): string {
  if (!options.http && !options.https) throw new NginxConfigError('give http, https or both to listen on');
  const distDir = path.resolve(options.distDir);
  const plan = planStaticRoutes(options.manifest);
  const redirect = Boolean(options.redirectHttpToHttps && options.https && options.http);
  return [
    `# Crisis Briefings, generated by deploy/nginx-config.ts from ${path.join(distDir, 'static-routes.json')}`,
    `# (build ${options.manifest.buildId}): ${plan.served.length} prerendered routes served from the build, ${plan.skipped.length} left to the app.`,
    '# Generated: render it again after every build, then reload nginx.',
    '',
    "# No query string and no Referer: confirmation and unsubscribe links carry their token in the query.",
    "log_format crisis_briefings '$remote_addr [$time_local] \"$request_method $cb_route $server_protocol\" $status $body_bytes_sent '",
    "  '$request_time upstream=$upstream_addr upstream_status=$upstream_status upstream_time=$upstream_response_time \"$http_user_agent\"';",
    '',
    renderRouteMaps(plan),
    '',
    'map $scheme $cb_hsts {',
    `  https ${quote(HSTS)};`,
    '  default "";',
    '}',
    "# The host as the browser wrote it, port included: the app compares it with the Origin of a form post.",
    'map $http_host $cb_host {',
    '  "" $host;',
    '  default $http_host;',
    '}',
    "map $http_accept $cb_unavailable {",
    '  "~*application/json" @cb_unavailable_json;',
    '  default @cb_unavailable_html;',
    '}',
    '',
    upstreamBlock(options),
    '',
    ...(redirect ? [redirectServer(options), ''] : []),
    mainServer(options, plan, distDir, !redirect),
    '',
  ].join('\n');
}

/** A complete nginx.conf: nginx run as a process of its own with `-p prefix` (the local deployment, tests). */
export function renderNginxConfig(options: NginxConfigOptions): string {
  const prefix = path.resolve(options.prefix);
  const under = (...parts: string[]) => quote(path.join(prefix, ...parts));
  return [
    ...(options.user ? [`user ${options.user};`] : []),
    `worker_processes ${options.workerProcesses ?? 'auto'};`,
    `pid ${under('nginx.pid')};`,
    `error_log ${under('logs', 'error.log')} warn;`,
    'events {',
    '  worker_connections 1024;',
    '}',
    'http {',
    indent(
      [
        'server_tokens off;',
        'sendfile on;',
        'tcp_nopush on;',
        'types { }',
        'default_type application/octet-stream;',
        `client_body_temp_path ${under('temp', 'client-body')};`,
        `proxy_temp_path ${under('temp', 'proxy')};`,
        `fastcgi_temp_path ${under('temp', 'fastcgi')};`,
        `uwsgi_temp_path ${under('temp', 'uwsgi')};`,
        `scgi_temp_path ${under('temp', 'scgi')};`,
        '',
        renderNginxSite({ ...options, accessLog: path.join(prefix, 'logs', 'access.log') }),
      ].join('\n'),
    ),
    '}',
    '',
  ].join('\n');
}
