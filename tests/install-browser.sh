#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests: Playwright cannot download its own browser here.
set -euo pipefail
if command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
echo "Installed $(/usr/bin/chromium --version)"
