#!/usr/bin/env bash
# Performance benchmark ("measure first"): release `saring serve --no-rate-limits` servers on
# 127.0.0.1 (free ports, fresh temporary databases), loaded with wrk; every phase ends by itself.
#   post      POST at 64 connections over 1,000 articles: varied Indonesian comments from many
#             author names (~3% online-gambling spam, ~2% profanity), never one text twice
#   get       GET /v1/articles/{id}/comments?limit=50 and ?limit=100 of articles seeded with 50
#             and 100 published comments
#   mix       95% GET (the same pages) / 5% POST
#   baseline  the post phase against a server whose policy folder holds no rules (only the shipped
#             settings.yaml, so campaigns stay on): what the rules cost
# Prints per phase req/s, p50/p99/p99.9 latency, non-2xx answers, socket errors, the server's peak
# resident memory (VmHWM) and CPU per request, then checks that every comment answered 201 is in
# the database. Default durations 15/10/10/15 s: about 1.5 minutes, 3 with --compare.
# Usage: Benchmarks/perf/run.sh [--binary PATH] [--compare REF] [--json FILE] [--keep]
#          [--post-seconds N] [--get-seconds N] [--mix-seconds N] [--baseline-seconds N]
#          [--connections N] [--threads N]
#   --binary PATH   use this saring binary (skips the build); default: build .build/release/saring
#   --compare REF   also build git REF (worktree and scratch under .build-compare/, git-ignored) and
#                   run every phase against both binaries, alternating, printing ratios this/REF
#   --json FILE     also write the figures as JSON to FILE
#   --keep          keep the temporary folder (databases, server logs, wrk figures)
# Needs wrk (installed with apt-get when missing) and python3. Compare figures as ratios within
# one run: the machines are shared and noisy.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
command_line="Benchmarks/perf/run.sh $*"
binary=""
compare=""
json=""
passthrough=()
usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --compare) compare=${2:?--compare needs a git ref}; shift 2 ;;
        --json) json=${2:?--json needs a file}; shift 2 ;;
        --keep) passthrough+=(--keep); shift ;;
        --post-seconds|--get-seconds|--mix-seconds|--baseline-seconds|--connections|--threads)
            [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: $1 needs a positive number" >&2; exit 64; }
            passthrough+=("$1" "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see run.sh --help)" >&2; exit 64 ;;
    esac
done
if [ -n "$json" ]; then
    case "$json" in /*) ;; *) json="$PWD/$json" ;; esac
fi
if [ -n "$binary" ]; then
    case "$binary" in /*) ;; *) binary="$PWD/$binary" ;; esac
fi

if ! command -v wrk >/dev/null; then
    echo "installing wrk..."
    if ! apt-get install -y wrk >/dev/null 2>&1; then
        apt-get update >/dev/null && apt-get install -y wrk >/dev/null
    fi
fi
command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 1; }

if [ -z "$binary" ]; then
    echo "building saring (release)..."
    (cd "$repo" && swift build -c release --product saring >/dev/null)
    binary="$repo/.build/release/saring"
fi
[ -x "$binary" ] || { echo "run.sh: $binary is not an executable" >&2; exit 1; }
binaries=(--binary "this=$binary")

if [ -n "$compare" ]; then
    rev=$(git -C "$repo" rev-parse --verify --quiet "$compare^{commit}") \
        || { echo "run.sh: '$compare' is not a commit" >&2; exit 64; }
    short=$(git -C "$repo" rev-parse --short "$rev")
    scratch="$repo/.build-compare/$short"
    ref_binary="$scratch/release/saring"
    if [ -x "$ref_binary" ]; then
        echo "reusing $ref_binary ($compare = $short)"
    else
        src="$repo/.build-compare/src-$short"
        if [ ! -d "$src" ]; then
            git -C "$repo" worktree add --detach --quiet "$src" "$rev"
        fi
        # Package.resolved is not in git: build REF on the same dependency versions when we have them.
        if [ -f "$repo/Package.resolved" ] && [ ! -f "$src/Package.resolved" ]; then
            cp "$repo/Package.resolved" "$src/"
        fi
        echo "building $compare ($short) in $src (scratch $scratch)..."
        (cd "$src" && swift build -c release --product saring --scratch-path "$scratch" >/dev/null)
        git -C "$repo" worktree remove --force "$src"
    fi
    [ -x "$ref_binary" ] || { echo "run.sh: no binary at $ref_binary" >&2; exit 1; }
    binaries+=(--binary "$short=$ref_binary")
fi

exec python3 "$repo/Benchmarks/perf/perf.py" "${binaries[@]}" --policies "$repo/Policies" \
    ${json:+--json "$json"} --command "$command_line" "${passthrough[@]}"
