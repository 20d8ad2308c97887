#!/usr/bin/env bash
# Throughput of one and two nodes on one PostgreSQL database next to SQLite, in one run (issue #13):
# POST (64 connections over 1,000 articles, the varied texts of Benchmarks/perf) and GET of pages of
# 50 comments, each phase 10 s and ending by itself; with two nodes wrk loads both at once, the
# connections split between them. Everything on 127.0.0.1: release servers and a throwaway
# PostgreSQL server (scripts/postgres-test-server). Checks that every comment answered 201 is stored.
# Usage: Benchmarks/nodes/run.sh [--binary PATH] [--post-seconds N] [--get-seconds N] [--json FILE]
# Needs wrk, psql and python3 (scripts/install-system-packages --postgres; apt-get install wrk).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=""
passthrough=()
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --post-seconds|--get-seconds|--json) passthrough+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; exit 64 ;;
    esac
done
if [ -z "$binary" ]; then
    (cd "$repo" && swift build -c release --product saring >/dev/null)
    binary="$repo/.build/release/saring"
fi
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
exec python3 "$repo/Benchmarks/nodes/nodes.py" --binary "$binary" --policies "$repo/Policies" "${passthrough[@]}"
