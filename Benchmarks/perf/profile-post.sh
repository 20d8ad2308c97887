#!/usr/bin/env bash
# Profile of the POST path: a release `saring serve` on a fresh database under the perf harness's
# POST load (64 connections, the same varied texts), with
#   - `perf record -g` of the server for SECONDS-6 s (report: perf report -i OUT/perf.data),
#   - the server's bytes and write calls per stored comment (/proc/PID/io), and
#   - with --commits, its SQLite write transactions (uprobes on libsqlite3's sqlite3WalFrames and
#     sqlite3WalBeginWriteTransaction; added once with `perf probe`, needs root).
# Usage: Benchmarks/perf/profile-post.sh BINARY OUT [SECONDS (default 20)] [--commits]
# Needs perf, wrk, curl and python3. `-m 16` keeps perf's buffers small: with the default, perf
# cannot map buffers for the server's ~25 threads and exits silently.
set -uo pipefail
bin=$1; out=$2; secs=${3:-20}; commits=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"; rm -rf "$out/db" "$out/perf.data"; mkdir "$out/db"
pool=$out/post-pool.tsv
[ -f "$pool" ] || (cd "$here" && python3 -c "
import sys; sys.path.insert(0, '.'); import textgen, perf
perf.write_pool('$pool', textgen.pool(1, 150000, 1000))")
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$bin" serve --db "$out/db/p.sqlite" --policies "$here/../../Policies" --host 127.0.0.1 --port "$port" \
    --no-rate-limits --max-connections-per-client 256 > "$out/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
cat "/proc/$pid/io" > "$out/io.before"
(cd "$here" && PERF_MODE=post PERF_POOL="$pool" PERF_OUT="$out/wrk.json" PERF_THREADS=2 PERF_SEED=1 \
    wrk -t2 -c64 -d"${secs}s" --timeout 10s -s perf.lua "http://127.0.0.1:$port" > "$out/wrk.txt" 2>&1) &
wrkpid=$!
if [ "$commits" = "--commits" ]; then
    lib=$(ldconfig -p | awk '/libsqlite3.so.0 /{print $NF; exit}')
    perf probe -l 2>/dev/null | grep -q sqlite3WalFrames || { perf probe -x "$lib" sqlite3WalFrames; perf probe -x "$lib" sqlite3WalBeginWriteTransaction; } >/dev/null 2>&1
    perf stat -x, -e probe_libsqlite3:sqlite3WalBeginWriteTransaction -p "$pid" -o "$out/commits.txt" -- sleep "$((secs - 1))"
else
    sleep 3
    perf record -m 16 -F 499 -g -p "$pid" -o "$out/perf.data" -- sleep "$((secs - 6))" > "$out/perf-record.log" 2>&1
fi
wait "$wrkpid"
cat "/proc/$pid/io" > "$out/io.after"
kill "$pid"; wait "$pid" 2>/dev/null
python3 - "$out" <<'PY'
import json, sqlite3, sys
out = sys.argv[1]
n = sqlite3.connect(out + "/db/p.sqlite").execute("SELECT count(*) FROM comments").fetchone()[0]
read = lambda p: {l.split(":")[0]: int(l.split(":")[1]) for l in open(p)}
a, b = read(out + "/io.before"), read(out + "/io.after")
w = json.load(open(out + "/wrk.json"))
print(f"{w['requests'] / (w['duration_us'] / 1e6):.0f} POST/s, p50 {w['latency_us']['p50'] / 1000:.1f} ms, p99 {w['latency_us']['p99'] / 1000:.1f} ms; "
      f"{n} comments stored; per comment: {(b['wchar'] - a['wchar']) / n / 1024:.1f} KiB written in {(b['syscw'] - a['syscw']) / n:.1f} calls, "
      f"{(b['rchar'] - a['rchar']) / n / 1024:.1f} KiB read")
try:
    t = [l for l in open(out + "/commits.txt") if "probe" in l][0].split(",")[0]
    print(f"write transactions: {t} ({n / int(t):.1f} comments each)")
except (OSError, IndexError):
    pass
PY
