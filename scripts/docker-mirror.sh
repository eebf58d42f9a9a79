#!/usr/bin/env bash
# Runs the Dockerfile's steps without a Docker engine: build stage with dev dependencies, runtime
# stage with production dependencies only, then the HEALTHCHECK command against the started server.
# Keep it in step with the Dockerfile.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/build" "$work/app"
# build stage
cp "$repo/package.json" "$repo/package-lock.json" "$repo/tsconfig.json" "$work/build/"
cp -r "$repo/src" "$work/build/src"
(cd "$work/build" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
# runtime stage
cp "$repo/package.json" "$repo/package-lock.json" "$work/app/"
(cd "$work/app" && NODE_ENV=production npm ci --omit=dev --no-audit --no-fund --loglevel=error)
cp -r "$work/build/dist" "$work/app/dist"
cp -r "$repo/data" "$work/app/data"
port=$((20000 + RANDOM % 20000))
(cd "$work/app" && NODE_ENV=production HOST=127.0.0.1 PORT=$port LOG_LEVEL=warn node dist/server.js) &
pid=$!
for _ in $(seq 1 50); do
  if node -e "fetch('http://127.0.0.1:$port/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    curl -sf -F "resume=@$repo/data/samples/call-center-representative.pdf" "http://127.0.0.1:$port/v1/documents" >/dev/null
    # OCR from the production install alone: the model comes from node_modules, nothing is fetched.
    curl -sf -m 180 -F "resume=@$repo/test/fixtures/scanned-front-desk-clerk.pdf" "http://127.0.0.1:$port/v1/documents" \
      | grep -q '"code":"OCR_USED"'
    echo "docker-mirror: production build healthy and serving on port $port"
    exit 0
  fi
  sleep 0.2
done
echo "docker-mirror: server did not become healthy" >&2
exit 1
