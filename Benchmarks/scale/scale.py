"""Benchmarks/scale driver: the same measurements on a database of --small and of --comments
comments (filled by fill.py), each with a release `saring serve` on it; see run.sh."""

import argparse
import base64
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fill  # noqa: E402

PERF_LUA = os.path.join(HERE, "..", "perf", "perf.lua")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = round(int(value.split()[0]) / 1024, 1)
    return out


def cursor(after_id):
    return base64.urlsafe_b64encode(f"v1:{after_id}".encode()).decode().rstrip("=")


def page_paths(db_path):
    """First pages (limit=50) of the hot articles, and pages after their 10th published comment."""
    import sqlite3
    db = sqlite3.connect(db_path)
    first, later = [], []
    for i in range(fill.HOT):
        article = f"scale-hot-{i}"
        ids = [row[0] for row in db.execute(
            "SELECT id FROM comments WHERE article_id = ? AND status = 'published' ORDER BY id LIMIT 70", (article,))]
        first.append(f"/v1/articles/{article}/comments?limit=50")
        later.append(f"/v1/articles/{article}/comments?limit=50&cursor={cursor(ids[9])}")
    db.close()
    return first, later


def wrk(port, paths, seconds, connections, work, tag):
    listing = os.path.join(work, f"{tag}.paths")
    with open(listing, "w") as f:
        f.write("\n".join(paths) + "\n")
    out = os.path.join(work, f"{tag}.json")
    env = dict(os.environ, PERF_MODE="get", PERF_PATHS=listing, PERF_OUT=out, PERF_THREADS="2", PERF_SEED="1")
    subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", PERF_LUA,
                    f"http://127.0.0.1:{port}"], env=env, check=True, capture_output=True, timeout=seconds + 60)
    with open(out) as f:
        figures = json.load(f)
    statuses = {int(k): v for k, v in figures["statuses"].items()}
    return {"rps": round(figures["requests"] / (figures["duration_us"] / 1e6), 1),
            "p50_ms": figures["latency_us"]["p50"] / 1000, "p99_ms": figures["latency_us"]["p99"] / 1000,
            "non_200": sum(v for k, v in statuses.items() if k != 200)}


def sequential(port, paths, count):
    """One request at a time on one connection: latency without load (ms, p50 and p99)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    for i in range(count):
        started = time.perf_counter()
        conn.request("GET", paths[i % len(paths)])
        resp = conn.getresponse()
        resp.read()
        times.append((time.perf_counter() - started) * 1000)
        if resp.status != 200:
            raise RuntimeError(f"GET {paths[i % len(paths)]}: {resp.status}")
    conn.close()
    times.sort()
    return {"p50_ms": round(statistics.median(times), 3), "p99_ms": round(times[int(len(times) * 0.99) - 1], 3)}


def queue(binary, db, kind, runs):
    """Wall time of `saring queue --kind KIND` as a moderator types it (process start included)."""
    times = []
    lines = 0
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run([binary, "queue", "--db", db, "--kind", kind], capture_output=True, text=True, timeout=60)
        times.append((time.perf_counter() - started) * 1000)
        if proc.returncode != 0:
            raise RuntimeError(f"saring queue --kind {kind}: {proc.returncode} {proc.stderr.strip()}")
        lines = len(proc.stdout.splitlines())
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "max_ms": round(times[-1], 1), "lines": lines}


def measure(binary, policies, n, work, args):
    folder = os.path.join(work, f"n{n}")
    os.makedirs(folder)
    db = os.path.join(folder, "scale.sqlite")
    subprocess.run([binary, "migrate", "--db", db], check=True, capture_output=True)
    print(f"filling {n} comments...", flush=True)
    filled = fill.fill(db, n)
    print(f"  {filled}", flush=True)
    port = free_port()
    log = open(os.path.join(folder, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--db", db, "--policies", policies, "--host", "127.0.0.1",
                               "--port", str(port), "--no-rate-limits", "--max-connections-per-client", "256"],
                              stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while True:
            if server.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"saring serve did not come up on {db}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        started_memory = memory(server.pid)
        first, later = page_paths(db)
        result = {"filled": filled, "memory_at_start_mb": started_memory}
        result["first_page_sequential"] = sequential(port, first, args.requests)
        result["later_page_sequential"] = sequential(port, later, args.requests)
        result["first_page_wrk"] = wrk(port, first, args.seconds, 64, folder, "first")
        result["later_page_wrk"] = wrk(port, later, args.seconds, 64, folder, "later")
        for kind in ("pending", "flagged", "reported"):
            result[f"queue_{kind}"] = queue(binary, db, kind, args.queue_runs)
        result["memory_after_mb"] = memory(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", required=True)
    p.add_argument("--policies", required=True)
    p.add_argument("--comments", type=int, default=1_000_000)
    p.add_argument("--small", type=int, default=1_000)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--requests", type=int, default=2_000)
    p.add_argument("--queue-runs", type=int, default=15)
    p.add_argument("--json")
    p.add_argument("--keep", action="store_true")
    args = p.parse_args()
    work = tempfile.mkdtemp(prefix="saring-scale.")
    try:
        results = {n: measure(args.binary, args.policies, n, work, args) for n in (args.small, args.comments)}
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    small, large = results[args.small], results[args.comments]
    rows = [
        ("resident MB at start (VmRSS)", lambda r: r["memory_at_start_mb"]["VmRSS"]),
        ("resident MB after (VmRSS)", lambda r: r["memory_after_mb"]["VmRSS"]),
        ("peak resident MB (VmHWM)", lambda r: r["memory_after_mb"]["VmHWM"]),
        ("first page, 1 conn, p50 ms", lambda r: r["first_page_sequential"]["p50_ms"]),
        ("first page, 1 conn, p99 ms", lambda r: r["first_page_sequential"]["p99_ms"]),
        ("later page, 1 conn, p50 ms", lambda r: r["later_page_sequential"]["p50_ms"]),
        ("later page, 1 conn, p99 ms", lambda r: r["later_page_sequential"]["p99_ms"]),
        ("first page, 64 conns, req/s", lambda r: r["first_page_wrk"]["rps"]),
        ("first page, 64 conns, p99 ms", lambda r: r["first_page_wrk"]["p99_ms"]),
        ("later page, 64 conns, req/s", lambda r: r["later_page_wrk"]["rps"]),
        ("later page, 64 conns, p99 ms", lambda r: r["later_page_wrk"]["p99_ms"]),
        ("saring queue pending, p50 ms", lambda r: r["queue_pending"]["p50_ms"]),
        ("saring queue flagged, p50 ms", lambda r: r["queue_flagged"]["p50_ms"]),
        ("saring queue reported, p50 ms", lambda r: r["queue_reported"]["p50_ms"]),
    ]
    print(f"\n{'':34} {args.small:>12} {args.comments:>12}   ratio")
    for label, get in rows:
        a, b = get(small), get(large)
        print(f"{label:34} {a:>12} {b:>12}   x{b / a:.2f}" if a else f"{label:34} {a:>12} {b:>12}")
    for n in (args.small, args.comments):
        r = results[n]
        print(f"{n}: filled in {r['filled']['seconds']} s, {r['filled']['file_mb']} MB, {r['filled']['statuses']}, "
              f"reports {r['filled']['reports']}; non-200: first {r['first_page_wrk']['non_200']}, later {r['later_page_wrk']['non_200']}; "
              f"queue lines: pending {r['queue_pending']['lines']}, flagged {r['queue_flagged']['lines']}, reported {r['queue_reported']['lines']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
