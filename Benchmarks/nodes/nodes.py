#!/usr/bin/env python3
"""Driver of Benchmarks/nodes/run.sh: the same POST and GET phases as Benchmarks/perf, in one run,
against (1) one node on SQLite, (2) one node on PostgreSQL, (3) two nodes on one PostgreSQL database
(wrk against each node at once, the connections split between them). Release servers on 127.0.0.1,
a throwaway PostgreSQL server (scripts/postgres-test-server), every phase ending by itself; then
checks that every comment answered 201 is stored."""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "Benchmarks", "perf"))
import perf  # noqa: E402
import textgen  # noqa: E402


class Node(perf.Server):
    """A `saring serve` on a --db of our choice (a file or a PostgreSQL URL)."""

    def __init__(self, label, binary, policies, work, database, env):
        self.label, self.kind, self.binary = label, "full", binary
        self.dir = os.path.join(work, label)
        os.makedirs(self.dir)
        self.db = database
        self.log = os.path.join(self.dir, "serve.log")
        self.port = perf.free_port()
        self.ids = []
        args = [binary, "serve", "--db", database, "--policies", policies, "--host", "127.0.0.1",
                "--port", str(self.port), "--no-rate-limits", "--max-connections-per-client", "100000"]
        self.command = args
        self.proc = subprocess.Popen(args, stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=dict(os.environ, **env))
        self.pid = self.proc.pid


def psql(url, sql):
    return subprocess.run(["psql", url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, check=True).stdout


def stored_ids(node):
    if node.db.startswith("postgresql://"):
        return {int(x) for x in psql(node.db, "SELECT id FROM comments").split()}
    import sqlite3
    db = sqlite3.connect(f"file:{node.db}?mode=ro", uri=True, timeout=30)
    ids = {row[0] for row in db.execute("SELECT id FROM comments")}
    db.close()
    return ids


def postgres_cpu_seconds():
    """CPU time of every PostgreSQL server process on the machine (the test server's backends)."""
    total = 0.0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        if name.startswith("postgres"):
            fields = raw.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def phase(nodes, mode, seconds, args, work, tag, pool_files, paths):
    """wrk against every node at once, args.connections split between them; figures summed."""
    results = [None] * len(nodes)
    part = argparse.Namespace(**vars(args))
    part.connections = max(2, args.connections // len(nodes))

    def run(i):
        results[i] = perf.run_wrk(nodes[i], mode, seconds, part, work, f"{tag}-{i}", pool=pool_files[i], paths=paths)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(nodes))]
    pg_before = postgres_cpu_seconds()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    pg_cpu = postgres_cpu_seconds() - pg_before
    if any(r is None for r in results):
        raise RuntimeError(f"{tag}: a wrk run failed")
    return {
        "phase": tag, "nodes": len(nodes), "rps": round(sum(r["rps"] for r in results), 1),
        "p50_ms": max(r["latency_ms"]["p50"] for r in results), "p99_ms": max(r["latency_ms"]["p99"] for r in results),
        "p999_ms": max(r["latency_ms"]["p99.9"] for r in results),
        "non_2xx": sum(r["non_2xx"] for r in results), "socket_errors": sum(r["socket_errors"] for r in results),
        "answered_201": sum(r["answered_201"] for r in results),
        "vm_hwm_mb": max(r["vm_hwm_mb"] for r in results),
        "saring_cpu_us_per_request": round(sum(r["server_cpu_s"] for r in results) * 1e6 / max(1, sum(r["requests"] for r in results)), 1),
        "postgres_cpu_us_per_request": round(pg_cpu * 1e6 / max(1, sum(r["requests"] for r in results)), 1),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--policies", required=True)
    ap.add_argument("--post-seconds", type=int, default=10)
    ap.add_argument("--get-seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--json")
    args = ap.parse_args()
    args.mix_post_fraction = 0.05
    signal.signal(signal.SIGTERM, perf.on_signal)
    signal.signal(signal.SIGINT, perf.on_signal)

    work = tempfile.mkdtemp(prefix="saring-nodes.")
    pg_folder = os.path.join("/tmp", os.path.basename(work) + "-pg")
    nodes = []
    rows = []
    try:
        url = subprocess.run([os.path.join(REPO, "scripts", "postgres-test-server"), "start", pg_folder],
                             capture_output=True, text=True, check=True).stdout.strip()
        base = url.rsplit("/", 1)[0]
        key = {"SARING_ADDRESS_KEY": "5a" * 32}
        post_rows = textgen.pool(args.seed, max(60000, args.post_seconds * 12000), args.articles)
        seed_rows = textgen.pool(args.seed + 2, 20 * 50 * 3, args.articles, clean_only=True)
        pages = [f"page50-{i}" for i in range(20)]
        paths = os.path.join(work, "paths.txt")
        with open(paths, "w") as f:
            for a in pages:
                f.write(f"/v1/articles/{a}/comments?limit=50\n")
        setups = [("sqlite-1", None, 1), ("postgres-1", "pg1", 1), ("postgres-2", "pg2", 2)]
        for label, database, count in setups:
            if database:
                psql(url, f"CREATE DATABASE {database}")
                db = f"{base}/{database}"
            else:
                db = os.path.join(work, "sqlite.sqlite")
            group = [Node(f"{label}-{i}", args.binary, args.policies, work, db, key) for i in range(count)]
            nodes += group
            for n in group:
                n.wait_healthy()
            # Each node takes its own slice of the texts: never one text twice.
            pools = []
            for i, _n in enumerate(group):
                pool = os.path.join(work, f"{label}-{i}-pool.tsv")
                perf.write_pool(pool, post_rows[i::count])
                pools.append(pool)
            perf.seed(group[0], pages, seed_rows, {a: 50 for a in pages})
            rows.append(dict(phase(group, "post", args.post_seconds, args, work, "post", pools, paths), setup=label))
            rows.append(dict(phase(group, "get", args.get_seconds, args, work, "get", [None] * count, paths), setup=label))
            answered = set().union(*[set(n.ids) for n in group])
            stored = stored_ids(group[0])
            missing = sorted(answered - stored)
            rows.append({"setup": label, "check": f"{len(answered)} answered 201, {len(stored)} stored, {len(missing)} missing"})
            if missing:
                raise RuntimeError(f"{label}: acknowledged but not stored: {missing[:10]}")
            for n in group:
                n.stop()
        print(f"{'setup':<12} {'phase':<5} {'nodes':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'p99.9':>8} {'non-2xx':>7} {'sockerr':>7} {'HWM MB':>7} {'saring us/r':>11} {'pg us/r':>8}")
        for r in rows:
            if "check" in r:
                print(f"{r['setup']:<12} check: {r['check']}")
            else:
                print(f"{r['setup']:<12} {r['phase']:<5} {r['nodes']:>5} {r['rps']:>9.1f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} "
                      f"{r['p999_ms']:>8.2f} {r['non_2xx']:>7} {r['socket_errors']:>7} {r['vm_hwm_mb']:>7.1f} "
                      f"{r['saring_cpu_us_per_request']:>11.1f} {r['postgres_cpu_us_per_request']:>8.1f}")
        if args.json:
            with open(args.json, "w") as f:
                json.dump(rows, f, indent=2)
    finally:
        for n in nodes:
            n.stop()
        subprocess.run([os.path.join(REPO, "scripts", "postgres-test-server"), "stop", pg_folder], capture_output=True)


if __name__ == "__main__":
    main()
