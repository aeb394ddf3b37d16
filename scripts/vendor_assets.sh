#!/usr/bin/env bash
# Copy the front-end libraries the pages use from their npm packages into
# src/planwatch/web/static/vendor/, with their licences and the exact versions in VERSIONS.
# The pages load them from our own static files: no CDN, nothing fetched by a browser.
# Run it again after changing a version below, and commit the result.
set -euo pipefail
ECHARTS_VERSION=5.6.0
HTMX_VERSION=2.0.11

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/src/planwatch/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "echarts@$ECHARTS_VERSION" "htmx.org@$HTMX_VERSION" >/dev/null
mkdir echarts htmx
tar -xzf "echarts-$ECHARTS_VERSION.tgz" -C echarts
tar -xzf "htmx.org-$HTMX_VERSION.tgz" -C htmx

rm -rf "$vendor/echarts" "$vendor/htmx"
mkdir -p "$vendor/echarts" "$vendor/htmx"
cp echarts/package/dist/echarts.min.js echarts/package/LICENSE echarts/package/NOTICE \
    "$vendor/echarts/"
cp htmx/package/dist/htmx.min.js htmx/package/LICENSE "$vendor/htmx/"
cat > "$vendor/VERSIONS" <<VERSIONS
# Written by scripts/vendor_assets.sh from the npm registry; do not edit by hand.
echarts $ECHARTS_VERSION Apache-2.0 $(sha256sum "$vendor/echarts/echarts.min.js" | cut -d' ' -f1)
htmx.org $HTMX_VERSION 0BSD $(sha256sum "$vendor/htmx/htmx.min.js" | cut -d' ' -f1)
VERSIONS
echo "vendored echarts $ECHARTS_VERSION and htmx.org $HTMX_VERSION into $vendor"
