#!/usr/bin/env bash
# Scale benchmark: does Saring stay flat as the database grows? Fills a database to --comments
# comments (default 1,000,000) and one to --small (default 1,000) straight through SQLite
# (fill.py: varied texts, realistic queues), starts a release `saring serve` on each in turn and
# reports the server's resident memory, the latency of article pages (first pages, mostly from
# the page cache, and later pages, which read SQLite every time; one connection and 64) and the
# wall time of `saring queue` (pending, flagged, reported), with the ratio large / small.
# Usage: Benchmarks/scale/run.sh [--binary PATH] [--comments N] [--small N] [--seconds N]
#          [--requests N] [--queue-runs N] [--json FILE] [--keep]
#   --binary PATH   the saring binary (default: build .build/release/saring)
# Needs wrk (installed with apt-get when missing) and python3. Filling a million comments takes
# one to a few minutes; the whole run about 5 on a quiet machine.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=""
passthrough=()
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --comments|--small|--seconds|--requests|--queue-runs)
            [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: $1 needs a positive number" >&2; exit 64; }
            passthrough+=("$1" "$2"); shift 2 ;;
        --json) passthrough+=(--json "$(realpath -m "${2:?--json needs a file}")"); shift 2 ;;
        --keep) passthrough+=(--keep); shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see run.sh --help)" >&2; exit 64 ;;
    esac
done
if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
if [ -z "$binary" ]; then
    echo "building saring (release)..."
    (cd "$repo" && swift build -c release --product saring >/dev/null)
    binary="$repo/.build/release/saring"
fi
binary=$(realpath "$binary")
[ -x "$binary" ] || { echo "run.sh: $binary is not an executable" >&2; exit 1; }
echo "Benchmarks/scale/run.sh $* ($(date -u), load $(cut -d' ' -f1-3 /proc/loadavg))"
exec python3 "$repo/Benchmarks/scale/scale.py" --binary "$binary" --policies "$repo/Policies" "${passthrough[@]}"
