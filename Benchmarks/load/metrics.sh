#!/usr/bin/env bash
# What metrics cost and what they show under load: two release servers on 127.0.0.1 (fresh
# databases, shipped Policies/, --no-rate-limits), one without and one with --metrics-port, loaded
# in turn with wrk (POST of Benchmarks/load/post-comments.lua, then GET of a first page), rounds
# alternating so both see the same machine; prints req/s and p99 of each run, the ratio with/without,
# and what /metrics of the measured server says afterwards. Ends by itself. Needs wrk.
#
#   Benchmarks/load/metrics.sh [--binary PATH] [SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.build/release/saring
if [[ "${1:-}" == "--binary" ]]; then binary="$2"; shift 2; fi
seconds=${1:-10}
connections=${2:-32}
rounds=${3:-2}
[[ -x "$binary" ]] || swift build -c release --product saring >/dev/null
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

start() { # name, extra arguments…
    local name=$1; shift
    "$binary" serve --port 0 --db "$work/$name.sqlite" --policies Policies --no-rate-limits "$@" >"$work/$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 300); do grep -q "saring listening on" "$work/$name.log" && break; sleep 0.1; done
    sed -n 's/.*saring listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/$name.log" | head -1
}
plain=$(start plain)
measured=$(start measured --metrics-port 0)
for _ in $(seq 1 100); do grep -q "metrics on http" "$work/measured.log" && break; sleep 0.1; done
metrics_port=$(sed -n 's/.*metrics on http:\/\/127\.0\.0\.1:\([0-9]*\)\/metrics.*/\1/p' "$work/measured.log" | head -1)

run() { # label, URL, wrk arguments…
    local label=$1 url=$2; shift 2
    local out
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url")
    local rps p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    echo "$label $rps $p99" >>"$work/runs"
    printf '%-22s %10s req/s   p99 %s\n' "$label" "$rps" "$p99"
}
curl -s -o /dev/null -X POST "http://127.0.0.1:$plain/v1/articles/berita-1/comments" -H 'Content-Type: application/json' \
    -d '{"author":{"name":"Sari"},"body":"Semoga jalannya cepat diperbaiki"}'
curl -s -o /dev/null -X POST "http://127.0.0.1:$measured/v1/articles/berita-1/comments" -H 'Content-Type: application/json' \
    -d '{"author":{"name":"Sari"},"body":"Semoga jalannya cepat diperbaiki"}'
for round in $(seq 1 "$rounds"); do
    run "post/without" "http://127.0.0.1:$plain" -s Benchmarks/load/post-comments.lua
    run "post/with" "http://127.0.0.1:$measured" -s Benchmarks/load/post-comments.lua
    run "get/without" "http://127.0.0.1:$plain/v1/articles/berita-1/comments"
    run "get/with" "http://127.0.0.1:$measured/v1/articles/berita-1/comments"
done
python3 - "$work/runs" <<'EOF'
import sys, statistics
runs = {}
for line in open(sys.argv[1]):
    label, rps, _ = line.split()
    runs.setdefault(label, []).append(float(rps))
for kind in ("post", "get"):
    with_, without = runs.get(f"{kind}/with"), runs.get(f"{kind}/without")
    if with_ and without:
        print(f"{kind}: with metrics / without = x{statistics.median(with_) / statistics.median(without):.3f} (median req/s)")
EOF
echo
echo "/metrics of the measured server after the load:"
curl -s "http://127.0.0.1:$metrics_port/metrics" | grep -E '^saring_(http_requests_total|comments_total|campaign|article_brakes|queue_depth|group_commit_batch_size_(sum|count)|storage_busy|rate_limited|policy_info|http_request_duration_seconds_(sum|count))' |
    sort | sed 's/^/  /'
curl -s "http://127.0.0.1:$metrics_port/metrics" | grep -E '^saring_rule_hits_total' | sort -t' ' -k2 -nr | head -8 | sed 's/^/  /'
