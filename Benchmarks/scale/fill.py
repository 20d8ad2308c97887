"""Fills a migrated Saring database with N comments straight through SQLite (no HTTP, no judge),
in id order as a site would have written them over time, with texts from Benchmarks/perf/textgen.

Shape (the same at every N, so figures at 1,000 and 1,000,000 compare):
  - 10 hot articles `scale-hot-0..9` with max(80, N/1000) comments each (the pages measured), the
    rest over max(10, N/50) other articles;
  - max(50, N/8) authors; every comment has a decision, every rejected one a rule hit;
  - moderators keep up: only the newest min(N, 20,000) comments hold the queues (5% pending, 1%
    published and flagged, 0.5% with an open report); older ones are published (96%) or
    rejected (4%), their reports resolved. A site of a million comments does not have a
    million-comment backlog, but its queues' indexes hold every row.
"""

import os
import random
import sqlite3
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "perf"))
import textgen  # noqa: E402

HOT = 10
RECENT = 20_000
START_MILLIS = 1_700_000_000_000


def shape(n):
    return {"hot_each": max(80, n // 1000), "articles": max(10, n // 50), "authors": max(50, n // 8)}


def fill(path, n, seed=1):
    r = random.Random(seed)
    s = shape(n)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")
    db.execute("BEGIN")
    hot = [f"scale-hot-{i}" for i in range(HOT)]
    others = [f"scale-{i}" for i in range(s["articles"])]
    db.executemany("INSERT INTO articles (id, created_at, updated_at) VALUES (?, ?, ?)",
                   ((a, START_MILLIS, START_MILLIS) for a in hot + others))
    authors = []
    for i in range(s["authors"]):
        name, _email = textgen.author(r)
        authors.append(f"{name} {i}")
    db.executemany("INSERT INTO authors (id, identity, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                   ((i + 1, "name:" + name.lower(), name, START_MILLIS, START_MILLIS) for i, name in enumerate(authors)))

    # Which article each comment goes to, shuffled so hot articles' comments spread over the ids.
    targets = [a for a in hot for _ in range(s["hot_each"])]
    targets += [others[r.randrange(len(others))] for _ in range(max(0, n - len(targets)))]
    r.shuffle(targets)
    targets = targets[:n]
    recent_from = n - min(n, RECENT)
    span = 3_600_000 * 24 * 365  # a year of comments

    def rows():
        for i, article in enumerate(targets):
            cid = i + 1
            millis = START_MILLIS + span * i // max(1, n)
            x = r.random()
            flagged = 0
            if i >= recent_from:
                status = "pending" if x < 0.05 else "rejected" if x < 0.08 else "published"
                flagged = 1 if status == "published" and r.random() < 0.01 else 0
            else:
                status = "rejected" if x < 0.04 else "published"
            body = textgen._spam(r) if status == "rejected" else textgen._clean(r)
            author = r.randrange(len(authors))
            yield (cid, article, author + 1, authors[author], body, body, status, flagged,
                   12.0 if status == "rejected" else 0.0, millis, millis, f"{r.getrandbits(64):016x}"[:16])

    started = time.time()
    statuses = {}
    published_ids = []
    batch = []
    decisions = []
    hits = []

    def flush():
        db.executemany(
            "INSERT INTO comments (id, article_id, author_id, author_name, body, published_body, status, flagged,"
            " score, created_at, updated_at, client_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
        db.executemany(
            "INSERT INTO decisions (id, comment_id, actor_kind, decided_by, action, status, reasons, created_at)"
            " VALUES (?, ?, 'policy', 'scale', ?, ?, ?, ?)", decisions)
        db.executemany(
            "INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, score, field, shadow, description)"
            " VALUES (?, ?, 'judol.keywords', 'judol', 'reject', 12, 'body', 0, 'online gambling')", hits)
        batch.clear()
        decisions.clear()
        hits.clear()

    for row in rows():
        cid, status, flagged, millis = row[0], row[6], row[7], row[9]
        statuses[status] = statuses.get(status, 0) + 1
        action = {"published": "flag" if flagged else "publish", "pending": "hold", "rejected": "reject"}[status]
        reasons = '["judol.keywords (reject): online gambling"]' if status == "rejected" else "[]"
        batch.append(row)
        decisions.append((cid, cid, action, status, reasons, millis))
        if status == "rejected":
            hits.append((cid, cid))
        if status == "published":
            published_ids.append((cid, cid >= recent_from + 1))
        if len(batch) >= 20_000:
            flush()
    flush()
    reports = []
    for cid, recent in published_ids:
        if r.random() < (0.005 if recent else 0.002):
            millis = START_MILLIS + span * cid // max(1, n)
            reports.append((cid, millis, f"{r.getrandbits(64):016x}", None if recent else millis + 60_000))
    db.executemany("INSERT INTO reports (comment_id, reason, created_at, client_hash, resolved_at) VALUES (?, 'spam', ?, ?, ?)",
                   reports)
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"comments": n, "statuses": statuses, "reports": len(reports), "articles": HOT + len(others),
            "authors": len(authors), "seconds": round(time.time() - started, 1),
            "file_mb": round(os.path.getsize(path) / 1e6, 1)}


if __name__ == "__main__":
    print(fill(sys.argv[1], int(sys.argv[2])))
