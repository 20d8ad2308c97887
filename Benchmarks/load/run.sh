#!/usr/bin/env bash
# Load test of POST /v1/articles/{id}/comments against a release server on 127.0.0.1 with the
# shipped Policies/ and a fresh database; ends by itself. Needs wrk (apt-get install wrk).
# Usage: Benchmarks/load/run.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-32}
port=18181
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
swift build -c release --product saring >/dev/null
.build/release/saring serve --port "$port" --db "$work/load.sqlite" --policies Policies --no-rate-limits >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/load/post-comments.lua "http://127.0.0.1:$port" | sed -n '1,20p'
echo "stored: $(sqlite3 "$work/load.sqlite" "SELECT status, count(*) FROM comments GROUP BY status" | tr '\n' ' ')"
