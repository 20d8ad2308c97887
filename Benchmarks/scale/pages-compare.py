"""Pages read from SQLite every time, two binaries in one run: a database of N comments filled
once by fill.py, each server on a copy of it in turn, two rounds in alternating order. Reads the
second page (`?limit=50&cursor=…`, which the page cache never holds) of the 10 hot articles:
2,000 requests on one connection, then wrk 6 s at 64 connections; prints latency, req/s and the
server's CPU per page.

Usage: python3 Benchmarks/scale/pages-compare.py N THIS_BINARY OTHER_BINARY
"""

import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fill  # noqa: E402
import scale  # noqa: E402


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    n, binaries = int(sys.argv[1]), {"this": sys.argv[2], "other": sys.argv[3]}
    policies = os.path.join(HERE, "..", "..", "Policies")
    work = tempfile.mkdtemp(prefix="saring-pages.")
    try:
        original = os.path.join(work, "filled.sqlite")
        subprocess.run([binaries["other"], "migrate", "--db", original], check=True, capture_output=True)
        print(fill.fill(original, n), flush=True)
        _first, later = scale.page_paths(original)
        for round_ in range(2):
            for label in ("this", "other") if round_ == 0 else ("other", "this"):
                folder = os.path.join(work, f"{label}{round_}")
                os.makedirs(folder)
                db = os.path.join(folder, "pages.sqlite")
                shutil.copy(original, db)
                port = scale.free_port()
                server = subprocess.Popen(
                    [binaries[label], "serve", "--db", db, "--policies", policies, "--host", "127.0.0.1", "--port", str(port),
                     "--no-rate-limits", "--max-connections-per-client", "256"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
                for _ in range(300):
                    try:
                        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                        c.request("GET", "/healthz")
                        if c.getresponse().status == 200:
                            break
                    except OSError:
                        time.sleep(0.1)
                one = scale.sequential(port, later, 2000)
                before = cpu_seconds(server.pid)
                loaded = scale.wrk(port, later, 6, 64, folder, "later")
                per_page = (cpu_seconds(server.pid) - before) * 1e6 / (loaded["rps"] * 6)
                print(f"round {round_} {label:5} 1 conn p50 {one['p50_ms']} ms p99 {one['p99_ms']} ms; 64 conns "
                      f"{loaded['rps']} req/s p50 {loaded['p50_ms']} ms p99 {loaded['p99_ms']} ms, non-200 {loaded['non_200']}, "
                      f"server cpu {per_page:.0f} us/page", flush=True)
                server.send_signal(signal.SIGTERM)
                server.wait(10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
