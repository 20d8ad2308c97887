#!/usr/bin/env bash
# Replay benchmark: `saring policy replay` over a database of --comments stored comments (default
# 1,000,000), filled straight through SQLite by Benchmarks/scale/fill.py (varied texts from
# Benchmarks/perf/textgen, a year of comments, realistic queues). The candidate is the shipped
# Policies/ with profanity held for review instead of masked, plus a new gambling rule and a
# too-broad rule that holds every comment about "wakil rakyat" (what replay is for: it shows how
# many ordinary comments that would hold); the policy in force is the shipped Policies/. Prints the
# wall time, comments per second and the transitions found; checks that the database is
# unchanged byte for byte (file and WAL) afterwards.
# Usage: Benchmarks/replay/run.sh [--binary PATH] [--comments N] [--workers N] [--keep DIR]
#   --binary PATH  the saring binary (default: build .build/release/saring)
#   --keep DIR     fill (or reuse) the database in DIR instead of a temporary folder
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=""
comments=1000000
workers=""
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --comments) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --comments needs a positive number" >&2; exit 64; }
            comments=$2; shift 2 ;;
        --workers) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --workers needs a positive number" >&2; exit 64; }
            workers=$2; shift 2 ;;
        --keep) keep=${2:?--keep needs a folder}; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see run.sh --help)" >&2; exit 64 ;;
    esac
done
if [ -z "$binary" ]; then
    echo "building saring (release)..."
    (cd "$repo" && swift build -c release --product saring >/dev/null)
    binary="$repo/.build/release/saring"
fi
binary=$(realpath "$binary")
[ -x "$binary" ] || { echo "run.sh: $binary is not an executable" >&2; exit 1; }
if [ -n "$keep" ]; then mkdir -p "$keep"; work=$(realpath "$keep"); else work=$(mktemp -d /tmp/saring-replay.XXXXXX); fi
db="$work/replay-$comments.sqlite"
echo "Benchmarks/replay/run.sh ($(date -u), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
if [ ! -f "$db" ]; then
    "$binary" migrate --db "$db" >/dev/null
    start=$(date +%s.%N)
    python3 -c "import sys; sys.path.insert(0, '$repo/Benchmarks/scale'); import fill; print('filled', fill.fill('$db', $comments))"
    echo "fill: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
candidate="$work/candidate"
rm -rf "$candidate" && mkdir -p "$candidate"
cp "$repo"/Policies/*.yaml "$repo"/Policies/*.model "$candidate/"
sed -i 's/^    action: mask$/    action: hold/' "$candidate/kasar.yaml"
cat > "$candidate/replay-bench.yaml" <<'YAML'
# The benchmark's candidate change: one more gambling rule, and one far too broad.
rules:
  - id: politik.wakil-rakyat
    description: Comments about members of parliament, held (too broad, on purpose)
    words: [wakil rakyat]
    action: hold
    examples:
      match: ["para wakil rakyat tidur"]
  - id: judol.bench-bonus
    description: Bonus offers of gambling sites
    words: [bonus new member, bonus deposit, cashback mingguan]
    action: reject
    examples:
      match: ["klaim bonus new member sekarang"]
      no-match: ["bonus akhir tahun karyawan"]
YAML
before=$(sha256sum "$db" "$db-wal" 2>/dev/null | awk '{print $1}' | tr '\n' ' ')
args=(policy replay --db "$db" --policies "$candidate" --in-force "$repo/Policies" --json)
[ -n "$workers" ] && args+=(--workers "$workers")
start=$(date +%s.%N)
/usr/bin/time -f "replay: %e s wall, %U s user, %S s system, %M KB max resident" "$binary" "${args[@]}" > "$work/replay.json"
wall=$(echo "$(date +%s.%N) - $start" | bc)
after=$(sha256sum "$db" "$db-wal" 2>/dev/null | awk '{print $1}' | tr '\n' ' ')
python3 - "$work/replay.json" "$wall" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
wall = float(sys.argv[2])
print(f"replayed {r['replayed']:,} comments in {r['seconds']:.1f} s inside saring ({wall:.1f} s wall with start-up) on {r['workers']} workers: "
      f"{r['replayed'] / r['seconds']:,.0f} comments/s; {r['changed']:,} would change")
for t in r["transitions"]:
    rules = ", ".join(f"{x['change']} {x['rule']} ({x['count']})" for x in t["rules"])
    print(f"  {t['from']} -> {t['to']}: {t['count']:,}  [{rules}]")
PY
if [ "$before" = "$after" ]; then echo "database unchanged (sha256 of file and WAL)"; else echo "DATABASE CHANGED: $before -> $after"; exit 1; fi
[ -n "$keep" ] || rm -rf "$work"
