#!/usr/bin/env bash
# The browser the web UI tests drive (Playwright, pointed at the system Chromium:
# Playwright's own browser download cannot work offline). Installs Debian's
# chromium when /usr/bin/chromium is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
