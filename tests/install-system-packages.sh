#!/usr/bin/env bash
# Installs what the tests need from Debian and cannot get from npm: Chromium for the browser tests
# (Playwright cannot download its own browser here) and nginx with its brotli_static module for
# the deployment tests (the shipped configuration sends the build's brotli copies).
# PostgreSQL's server binaries (initdb, pg_ctl) are used when present; tests that need them say
# plainly that they were skipped when not.
set -euo pipefail
missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
# Kept in step with BROTLI_STATIC_MODULE in tests/support/deployment/nginx-process.ts.
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
# Installing nginx must not start the system's nginx on port 80: the tests run their own.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
if [ -x /usr/sbin/nginx ] && pgrep -x nginx >/dev/null 2>&1 && [ -f /run/nginx.pid ]; then
  $SUDO /usr/sbin/nginx -s stop 2>/dev/null || true
fi
echo "Installed: ${missing[*]}"
