#!/usr/bin/env bash
# Abuse benchmark: starts a release `saring serve` on 127.0.0.1 with the shipped Policies/, a fresh
# database and rate limits on (trusting 127.0.0.1 as a proxy, so X-Forwarded-For names the client),
# then runs Benchmarks/abuse/abuse.py: a quiet baseline, a flood from one address, a spam campaign
# from 500 addresses, 200 common short replies and 500 reports from one client, while a
# well-behaved reader keeps posting and reading. Prints what the server answered and what the
# database stored; ends by itself (under ~2 minutes) and always stops the server.
# Usage: Benchmarks/abuse/run.sh [--binary PATH] [--json FILE] [--keep]
#   --binary PATH  use this saring binary (skips the build); default: build .build/release/saring
#   --json FILE    also write the figures as JSON to FILE
#   --keep         keep the temporary folder (database, server log) and print its path
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=""
json=""
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --json) json=${2:?--json needs a file}; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (usage: run.sh [--binary PATH] [--json FILE] [--keep])" >&2; exit 64 ;;
    esac
done
if [ -n "$json" ]; then
    case "$json" in /*) ;; *) json="$PWD/$json" ;; esac
fi

if [ -z "$binary" ]; then
    echo "building saring (release)..."
    (cd "$repo" && swift build -c release --product saring >/dev/null)
    binary="$repo/.build/release/saring"
fi
[ -x "$binary" ] || { echo "run.sh: $binary is not an executable" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/saring-abuse.XXXXXX")
server=""
cleanup() {
    status=$?
    trap - EXIT INT TERM
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -f "$work/serve.log" ]; then
        echo "--- last lines of the server log ---" >&2
        tail -n 20 "$work/serve.log" >&2
    fi
    if [ "$keep" -eq 1 ]; then echo "kept $work (abuse.sqlite, serve.log)"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$binary" serve --db "$work/abuse.sqlite" --policies "$repo/Policies" --host 127.0.0.1 --port "$port" \
    --trusted-proxies 127.0.0.1/32 >"$work/serve.log" 2>&1 &
server=$!

for _ in $(seq 1 100); do
    if curl -sf --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$server" 2>/dev/null || { echo "run.sh: saring serve exited at start" >&2; exit 1; }
    sleep 0.2
done
curl -sf --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null || { echo "run.sh: no /healthz after 20 s" >&2; exit 1; }
echo "saring serve on 127.0.0.1:$port (pid $server), db $work/abuse.sqlite, policies $repo/Policies"

driver_status=0
timeout --foreground --signal=INT --kill-after=5 150 \
    python3 "$repo/Benchmarks/abuse/abuse.py" --port "$port" --db "$work/abuse.sqlite" ${json:+--json "$json"} \
    || driver_status=$?

if ! kill -0 "$server" 2>/dev/null; then
    echo "run.sh: the server is no longer running (crashed?)" >&2
    driver_status=1
fi
problems=$(grep -ciE 'error|critical|fatal' "$work/serve.log" || true)
warnings=$(grep -ciE 'warning' "$work/serve.log" || true)
echo "server log: $(wc -l <"$work/serve.log") lines, $warnings warning(s), $problems error line(s)"
grep -iE 'warning|error|critical|fatal' "$work/serve.log" | head -n 5 | sed 's/^/  /' || true
exit "$driver_status"
