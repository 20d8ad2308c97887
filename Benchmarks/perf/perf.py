#!/usr/bin/env python3
"""Driver of Benchmarks/perf/run.sh: starts the servers (127.0.0.1 only), seeds the article pages,
runs the wrk phases (alternating between binaries when there are two), checks that every comment
answered 201 is stored, prints the figures and the ratios, and writes them as JSON."""

import argparse
import datetime
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textgen  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class Stop(Exception):
    pass


def on_signal(signum, _frame):
    raise Stop(f"signal {signum}")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def proc_status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    out[key] = int(value.split()[0])  # kB
    except OSError:
        pass
    return out


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


class Server:
    def __init__(self, label, kind, binary, policies, work, extra):
        self.label, self.kind, self.binary = label, kind, binary
        self.dir = os.path.join(work, f"{label}-{kind}")
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "perf.sqlite")
        self.log = os.path.join(self.dir, "serve.log")
        self.port = free_port()
        self.ids = []  # every id answered 201, seed and phases
        args = [binary, "serve", "--db", self.db, "--policies", policies, "--host", "127.0.0.1",
                "--port", str(self.port), "--no-rate-limits"] + extra
        self.command = args
        self.proc = subprocess.Popen(args, stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        self.pid = self.proc.pid

    def wait_healthy(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name()}: saring serve exited at start ({self.proc.returncode}); "
                                   f"log:\n{tail(self.log)}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name()}: no /healthz after 30 s")

    def name(self):
        return f"{self.label}/{self.kind}"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def tail(path, n=20):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-n:])
    except OSError:
        return ""


def payload(name, email, body):
    author = {"name": name}
    if email:
        author["email"] = email
    return json.dumps({"author": author, "body": body}, ensure_ascii=False)


def write_pool(path, rows):
    with open(path, "w") as f:
        for article, name, email, _kind, body in rows:
            f.write(f"{article}\t{payload(name, email, body)}\n")


def seed(server, articles, rows, per_article):
    """Posts clean comments until each article has per_article published ones; returns the counts."""
    lock = threading.Lock()
    source = iter(rows)
    failures = []

    def work(mine):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        for article, target in mine:
            published = 0
            attempts = 0
            while published < target:
                attempts += 1
                if attempts > target * 3:
                    failures.append(f"{article}: only {published} of {target} published after {attempts - 1} posts")
                    break
                with lock:
                    _a, name, email, _k, body = next(source)
                conn.request("POST", f"/v1/articles/{article}/comments", body=payload(name, email, body).encode(),
                             headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                if resp.status == 201:
                    answer = json.loads(data)
                    with lock:
                        server.ids.append(answer["id"])
                    if answer["status"] == "published":
                        published += 1
                else:
                    failures.append(f"{article}: {resp.status} {data[:200]!r}")
                    break
        conn.close()

    jobs = [(a, per_article[a]) for a in articles]
    groups = [jobs[i::4] for i in range(4)]
    threads = [threading.Thread(target=work, args=(g,)) for g in groups]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(f"{server.name()}: seeding failed: " + "; ".join(failures[:5]))
    # The pages must hold what the GET phase claims.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for article in articles:
        n = per_article[article]
        conn.request("GET", f"/v1/articles/{article}/comments?limit={n}")
        resp = conn.getresponse()
        page = json.loads(resp.read())
        if resp.status != 200 or len(page["comments"]) != n:
            raise RuntimeError(f"{server.name()}: {article} shows {len(page.get('comments', []))} comments, not {n}")
    conn.close()


def run_wrk(server, mode, seconds, args, work, tag, pool=None, paths=None):
    out = os.path.join(work, f"{server.label}-{server.kind}-{tag}.json")
    env = dict(os.environ, PERF_MODE=mode, PERF_OUT=out, PERF_THREADS=str(args.threads),
               PERF_POST_FRACTION=str(args.mix_post_fraction), PERF_SEED=str(args.seed),
               PERF_POOL=pool or "", PERF_PATHS=paths or "")
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "10s",
               "-s", os.path.join(HERE, "perf.lua"), f"http://127.0.0.1:{server.port}"]
    before_cpu = cpu_seconds(server.pid)
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 120)
    after_cpu = cpu_seconds(server.pid)
    if proc.returncode != 0 or not os.path.exists(out):
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr.strip()} {proc.stdout.strip()}")
    with open(out) as f:
        figures = json.load(f)
    with open(out + ".ids") as f:
        ids = [int(line) for line in f if line.strip()]
    server.ids.extend(ids)
    statuses = {int(k): v for k, v in figures["statuses"].items()}
    e = figures["errors"]
    seconds_run = figures["duration_us"] / 1e6
    mem = proc_status(server.pid)
    alive = server.proc.poll() is None
    requests = figures["requests"]
    return {
        "phase": tag, "binary": server.label, "server": server.kind, "seconds": round(seconds_run, 2),
        "requests": requests, "rps": round(requests / seconds_run, 1) if seconds_run else 0,
        "latency_ms": {k: round(v / 1000, 3) for k, v in figures["latency_us"].items()},
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "non_2xx": sum(v for k, v in statuses.items() if not 200 <= k < 300),
        "server_5xx": sum(v for k, v in statuses.items() if k >= 500),
        "socket_errors": e["connect"] + e["read"] + e["write"] + e["timeout"],
        "socket_errors_detail": {k: e[k] for k in ("connect", "read", "write", "timeout")},
        "answered_201": len(ids),
        "server_cpu_s": round(after_cpu - before_cpu, 2),
        "server_cpu_us_per_request": round((after_cpu - before_cpu) * 1e6 / requests, 1) if requests else None,
        "vm_hwm_mb": round(mem.get("VmHWM", 0) / 1024, 1), "vm_rss_mb": round(mem.get("VmRSS", 0) / 1024, 1),
        "pool_wraps": figures.get("pool_wraps", 0), "server_alive": alive,
    }


def check_stored(server, kinds):
    """Every id answered 201 must be a row; rows never answered are the requests in flight when wrk stopped."""
    db = sqlite3.connect(f"file:{server.db}?mode=ro", uri=True, timeout=30)
    stored = {row[0]: (row[1], row[2], row[3]) for row in
              db.execute("SELECT id, status, campaign_id IS NOT NULL, body FROM comments")}
    by_status = dict(db.execute("SELECT status, count(*) FROM comments GROUP BY status").fetchall())
    campaign_hits = db.execute("SELECT count(DISTINCT comment_id) FROM rule_hits WHERE rule_id = 'abuse.campaign'").fetchone()[0]
    db.close()
    answered = set(server.ids)
    missing = sorted(answered - set(stored))
    # How the clean texts fared (a varied pool keeps them published).
    fate = {}
    for status, in_campaign, body in stored.values():
        kind = kinds.get(body, "other")
        d = fate.setdefault(kind, {"published": 0, "pending": 0, "rejected": 0, "in_campaign": 0})
        d[status] += 1
        d["in_campaign"] += int(in_campaign)
    return {
        "server": server.name(), "answered_201": len(server.ids), "distinct_ids": len(answered),
        "stored": len(stored), "missing": len(missing), "missing_sample": missing[:10],
        "stored_not_seen": len(set(stored) - answered), "by_status": by_status,
        "campaign_comments": campaign_hits, "by_kind": fate,
    }


def fmt_row(r):
    lat = r["latency_ms"]
    return (f"{r['phase']:<9} {r['binary']:<8} {r['rps']:>9.1f} {lat['p50']:>8.2f} {lat['p99']:>8.2f} "
            f"{lat['p99.9']:>8.2f} {r['non_2xx']:>7} {r['socket_errors']:>7} {r['vm_hwm_mb']:>8.1f} "
            f"{r['server_cpu_us_per_request'] or 0:>8.1f}")


HEADER = (f"{'phase':<9} {'binary':<8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'p99.9 ms':>8} "
          f"{'non-2xx':>7} {'sockerr':>7} {'VmHWM MB':>8} {'cpu us/r':>8}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", action="append", required=True, help="LABEL=PATH (first: this, second: the reference)")
    ap.add_argument("--policies", required=True)
    ap.add_argument("--post-seconds", type=int, default=15)
    ap.add_argument("--get-seconds", type=int, default=10)
    ap.add_argument("--mix-seconds", type=int, default=10)
    ap.add_argument("--baseline-seconds", type=int, default=15)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--page-articles", type=int, default=10, help="articles with 50 and with 100 comments, each")
    ap.add_argument("--mix-post-fraction", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--json")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--command", default="")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    binaries = []
    for spec in args.binary:
        label, _, path = spec.partition("=")
        binaries.append((label, path))

    work = tempfile.mkdtemp(prefix="saring-perf.")
    servers = []
    status = 0
    try:
        t0 = time.time()
        # Inputs, the same for every binary: POSTs never repeat a text on one server.
        post_count = max(60000, args.post_seconds * 10000, args.baseline_seconds * 10000)
        post_rows = textgen.pool(args.seed, post_count, args.articles)
        mix_rows = textgen.pool(args.seed + 1, max(10000, args.mix_seconds * 1500), args.articles)
        pages50 = [f"page50-{i}" for i in range(args.page_articles)]
        pages100 = [f"page100-{i}" for i in range(args.page_articles)]
        per_article = {a: 50 for a in pages50} | {a: 100 for a in pages100}
        seed_rows = textgen.pool(args.seed + 2, sum(per_article.values()) * 3, args.articles, clean_only=True)
        kinds = {}
        for rows in (post_rows, mix_rows, seed_rows):
            for _a, _n, _e, kind, body in rows:
                kinds[body] = kind
        pool_post = os.path.join(work, "pool-post.tsv")
        pool_mix = os.path.join(work, "pool-mix.tsv")
        write_pool(pool_post, post_rows)
        write_pool(pool_mix, mix_rows)
        paths = os.path.join(work, "paths.txt")
        with open(paths, "w") as f:
            for a in pages50:
                f.write(f"/v1/articles/{a}/comments?limit=50\n")
            for a in pages100:
                f.write(f"/v1/articles/{a}/comments?limit=100\n")
        share = {k: sum(1 for r in post_rows if r[3] == k) / len(post_rows) for k in ("clean", "spam", "profane")}
        print(f"inputs: {len(post_rows)} unique POST texts ({share['spam']:.1%} gambling spam, "
              f"{share['profane']:.1%} profanity), {len({(r[1]) for r in post_rows})} author names, "
              f"{args.articles} articles; pages: {len(pages50)} articles x 50 and {len(pages100)} x 100 comments")

        # An empty rules folder: only the shipped settings.yaml (campaigns, thresholds as shipped).
        empty = os.path.join(work, "empty-policies")
        os.makedirs(empty)
        shutil.copy(os.path.join(args.policies, "settings.yaml"), empty)

        for label, path in binaries:
            help_text = subprocess.run([path, "serve", "--help"], capture_output=True, text=True).stdout
            extra = []
            # One client address carries every connection of the load: lift the per-client cap.
            if "--max-connections-per-client" in help_text:
                extra = ["--max-connections-per-client", str(args.connections * 4)]
            for kind, policies in (("policies", args.policies), ("empty", empty)):
                servers.append(Server(label, kind, path, policies, work, extra))
        for s in servers:
            s.wait_healthy()
            print(f"{s.name():<18} pid {s.pid:<7} 127.0.0.1:{s.port}  {' '.join(s.command[1:])}")
        full = {s.label: s for s in servers if s.kind == "policies"}
        bare = {s.label: s for s in servers if s.kind == "empty"}

        seeded = time.time()
        for label, _ in binaries:
            seed(full[label], pages50 + pages100, seed_rows, per_article)
        print(f"seeded {sum(per_article.values())} published comments per server in {time.time() - seeded:.1f} s")

        phases = [
            ("post", "post", full, args.post_seconds, pool_post),
            ("get", "get", full, args.get_seconds, None),
            ("mix", "mix", full, args.mix_seconds, pool_mix),
            ("baseline", "post", bare, args.baseline_seconds, pool_post),
        ]
        results = []
        print()
        print(HEADER)
        for n, (tag, mode, group, seconds, pool) in enumerate(phases):
            order = [label for label, _ in binaries]
            if n % 2 == 1:
                order.reverse()
            for label in order:
                time.sleep(1)
                r = run_wrk(group[label], mode, seconds, args, work, tag, pool=pool, paths=paths)
                results.append(r)
                print(fmt_row(r), flush=True)
                if not r["server_alive"]:
                    raise RuntimeError(f"{group[label].name()} died during {tag}:\n{tail(group[label].log)}")

        print()
        checks = []
        for s in servers:
            c = check_stored(s, kinds)
            checks.append(c)
            clean = c["by_kind"].get("clean", {})
            print(f"stored {c['server']:<18} answered 201: {c['answered_201']:>7}  rows: {c['stored']:>7}  "
                  f"missing: {c['missing']}  in flight at stop: {c['stored_not_seen']}  "
                  f"status: {json.dumps(c['by_status'], sort_keys=True)}")
            print(f"       {'':<18} clean texts: {clean.get('published', 0)} published, {clean.get('pending', 0)} "
                  f"held, {clean.get('rejected', 0)} rejected, {clean.get('in_campaign', 0)} in a campaign; "
                  f"spam: {json.dumps(c['by_kind'].get('spam', {}), sort_keys=True)}; "
                  f"profanity: {json.dumps(c['by_kind'].get('profane', {}), sort_keys=True)}")
            if c["missing"]:
                status = 1

        ratios = []
        if len(binaries) == 2:
            this, ref = binaries[0][0], binaries[1][0]
            print()
            print(f"ratios {this}/{ref} (req/s above 1 is faster; latency, memory and cpu below 1 are better)")
            print(f"{'phase':<9} {'req/s':>7} {'p50':>7} {'p99':>7} {'p99.9':>7} {'VmHWM':>7} {'cpu/req':>7}")
            for tag, *_ in phases:
                a = next(r for r in results if r["phase"] == tag and r["binary"] == this)
                b = next(r for r in results if r["phase"] == tag and r["binary"] == ref)

                def q(x, y):
                    return round(x / y, 3) if y else None
                row = {"phase": tag, "rps": q(a["rps"], b["rps"]),
                       "p50": q(a["latency_ms"]["p50"], b["latency_ms"]["p50"]),
                       "p99": q(a["latency_ms"]["p99"], b["latency_ms"]["p99"]),
                       "p99.9": q(a["latency_ms"]["p99.9"], b["latency_ms"]["p99.9"]),
                       "vm_hwm": q(a["vm_hwm_mb"], b["vm_hwm_mb"]),
                       "cpu_per_request": q(a["server_cpu_us_per_request"] or 0, b["server_cpu_us_per_request"] or 0)}
                ratios.append(row)
                print(f"{tag:<9} " + " ".join(f"{(row[k] if row[k] is not None else float('nan')):>7.3f}"
                                               for k in ("rps", "p50", "p99", "p99.9", "vm_hwm", "cpu_per_request")))
        # What the policy costs, per binary: POST with the shipped rules over POST with none.
        policy_cost = []
        print()
        for label, _ in binaries:
            a = next(r for r in results if r["phase"] == "post" and r["binary"] == label)
            b = next(r for r in results if r["phase"] == "baseline" and r["binary"] == label)
            row = {"binary": label, "rps": round(a["rps"] / b["rps"], 3) if b["rps"] else None,
                   "p50": round(a["latency_ms"]["p50"] / b["latency_ms"]["p50"], 3) if b["latency_ms"]["p50"] else None,
                   "cpu_per_request": round(a["server_cpu_us_per_request"] / b["server_cpu_us_per_request"], 3)
                   if b["server_cpu_us_per_request"] else None}
            policy_cost.append(row)
            print(f"policy cost {label}: POST with the shipped rules / with no rules: req/s x{row['rps']}, "
                  f"p50 x{row['p50']}, server cpu per request x{row['cpu_per_request']}")

        odd = []
        for r in results:
            if r["server_5xx"]:
                odd.append(f"{r['binary']}/{r['phase']}: {r['server_5xx']} answers 5xx")
            if r["non_2xx"] - r["server_5xx"]:
                odd.append(f"{r['binary']}/{r['phase']}: {r['non_2xx'] - r['server_5xx']} answers 4xx/3xx {r['statuses']}")
            if r["socket_errors"]:
                odd.append(f"{r['binary']}/{r['phase']}: socket errors {r['socket_errors_detail']}")
            if r["pool_wraps"]:
                odd.append(f"{r['binary']}/{r['phase']}: the text pool ran out and was reused ({r['pool_wraps']}x)")
        for c in checks:
            if c["missing"]:
                odd.append(f"{c['server']}: {c['missing']} comments answered 201 are not stored, e.g. {c['missing_sample']}")
        for s in servers:
            with open(s.log, errors="replace") as f:
                bad = [line for line in f if '"error"' in line or "error:" in line.lower() or "critical" in line.lower()]
            if bad:
                odd.append(f"{s.name()}: {len(bad)} error lines in the server log, first: {bad[0].strip()[:300]}")
        for s in servers:
            code = s.stop()
            if code not in (0, None):
                odd.append(f"{s.name()}: exit code {code} on SIGTERM")
        print()
        print("odd: " + ("none" if not odd else ""))
        for line in odd:
            print(f"  - {line}")
        print(f"total {time.time() - t0:.0f} s")

        if args.json:
            with open(args.json, "w") as f:
                json.dump({
                    "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "machine": {"nproc": os.cpu_count(), "platform": platform.platform(),
                                "loadavg_at_end": os.getloadavg()},
                    "command": args.command,
                    "config": {k: getattr(args, k) for k in ("post_seconds", "get_seconds", "mix_seconds",
                                                             "baseline_seconds", "connections", "threads", "articles",
                                                             "page_articles", "mix_post_fraction", "seed")},
                    "binaries": [{"label": l, "path": p} for l, p in binaries],
                    "servers": [{"name": s.name(), "command": s.command} for s in servers],
                    "results": results, "stored": checks, "ratios": ratios, "policy_cost": policy_cost,
                    "odd": odd,
                }, f, indent=2)
            print(f"figures written to {args.json}")
    except (Stop, RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"perf: {e}", file=sys.stderr)
        status = 1
    finally:
        for s in servers:
            s.stop()
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
