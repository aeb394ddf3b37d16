#!/usr/bin/env bash
# Debian packages planwatch needs beyond Python: Chromium for the browser tests, CJK fonts for
# charts and PDF reports, Pango for WeasyPrint. Installs only what is missing; needs root (CI is).
set -euo pipefail
wanted=(chromium fonts-wqy-microhei fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 poppler-utils)
missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "planwatch needs these Debian packages: ${missing[*]}" >&2
    echo "install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
