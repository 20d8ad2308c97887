#!/usr/bin/env python3
"""Saring abuse benchmark driver (Python 3 standard library only).

Drives a running `saring serve` on 127.0.0.1 (started by Benchmarks/abuse/run.sh with
--trusted-proxies 127.0.0.1/32, so the rightmost X-Forwarded-For address is the client) through
five scenarios, each bounded in count and time, while a well-behaved reader keeps posting and
reading in the background. The truth about what was stored comes from the SQLite file, by the ids
the 201 answers returned (the API answers a rejected comment as "pending" by default).

Usage: abuse.py --port N --db PATH [--json FILE]
"""

import argparse
import http.client
import json
import queue
import random
import sqlite3
import sys
import threading
import time

HOST = "127.0.0.1"  # the only host this benchmark ever talks to
REQUEST_TIMEOUT = 10.0  # seconds per request
RUN_DEADLINE = 110.0  # seconds for the whole run; every loop also checks it
SEED = 20261129


# ---------------------------------------------------------------------------------------------
# HTTP


class Client:
    """One keep-alive connection to 127.0.0.1:port; one per thread."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def _connect(self):
        self.conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None

    def request(self, method, path, body=None, xff=None):
        """Returns (status, parsed JSON or None, latency in s, error text or None); status 0 on a
        connection error (the request is never retried: a retried POST could be stored twice)."""
        headers = {"Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if xff is not None:
            headers["X-Forwarded-For"] = xff
        if self.conn is None:
            self._connect()
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
            latency = time.perf_counter() - start
            if response.will_close:
                self.close()
        except (OSError, http.client.HTTPException) as error:
            latency = time.perf_counter() - start
            self.close()
            return 0, None, latency, type(error).__name__
        parsed = None
        if data:
            try:
                parsed = json.loads(data)
            except ValueError:
                parsed = None
        return response.status, parsed, latency, None


def wait_healthz(port, seconds):
    deadline = time.monotonic() + seconds
    client = Client(port)
    while time.monotonic() < deadline:
        status, _, _, _ = client.request("GET", "/healthz")
        if status == 200:
            client.close()
            return True
        time.sleep(0.2)
    client.close()
    return False


# ---------------------------------------------------------------------------------------------
# Texts

NAMES_FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Ani", "Eko", "Sri", "Joko", "Rina", "Andi", "Putri",
               "Hendra", "Wati", "Bambang", "Yuni", "Dedi", "Lestari", "Fajar", "Indah", "Rizky", "Nur",
               "Teguh", "Ayu", "Hadi", "Maya", "Iwan", "Fitri", "Arif", "Sari"]
NAMES_LAST = ["Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Pratama", "Kusuma", "Nugroho",
              "Siregar", "Nasution", "Harahap", "Simanjuntak", "Gunawan", "Setiawan", "Rahman", "Halim",
              "Sembiring", "Situmorang", "Purba", "Wibowo"]

ORDINARY = [
    "Pemerintah harus segera bertindak soal banjir yang terus terjadi setiap tahun di kampung kami.",
    "Harga beras naik lagi bulan ini, petani di desa justru tidak merasakan untungnya.",
    "Timnas main bagus sekali tadi malam, lini tengahnya jauh lebih rapi dari laga sebelumnya.",
    "Menurut saya berita ini kurang berimbang, sebaiknya pihak dinas juga diwawancarai.",
    "Jalan di depan pasar sudah tiga bulan berlubang, tolong dinas PU turun tangan.",
    "Kereta pagi dari Bogor makin padat, jadwal tambahan sangat dibutuhkan pekerja.",
    "Sekolah anak saya juga mengalami hal serupa, gurunya kekurangan buku pegangan.",
    "Semoga kebijakan baru ini benar-benar dijalankan, bukan hanya janji menjelang pemilu.",
    "Di Medan listrik juga sering padam sore hari, warung kami jadi rugi setiap minggu.",
    "Data yang disajikan di artikel ini membantu sekali untuk memahami masalah anggaran daerah.",
    "Saya pernah antre dua jam di puskesmas, pelayanan perlu dibenahi dengan sistem nomor daring.",
    "Bagus ada liputan seperti ini, nelayan di pesisir utara jarang sekali diperhatikan media.",
    "Kenaikan tarif parkir ini memberatkan pedagang kecil yang setiap hari bawa motor ke pasar.",
    "Perlu ada transparansi soal dana desa, warga berhak tahu untuk apa uangnya dipakai.",
    "Cuaca ekstrem begini petani cabai kami gagal panen, harga di pasar pasti naik lagi.",
    "Saya setuju dengan pendapat pengamat di paragraf terakhir, masalahnya ada di pengawasan.",
    "Angkot di kota kami sudah hampir hilang, padahal banyak pelajar yang bergantung padanya.",
    "Kalau bisa artikel berikutnya membahas dampaknya bagi buruh pabrik di Bekasi dan Karawang.",
    "Program vaksinasi di kelurahan kami berjalan lancar, petugasnya ramah dan sigap.",
    "Banyak warga belum paham cara daftar bantuan sosial lewat aplikasi, perlu pendampingan.",
    "Sampah plastik di sungai makin parah setiap musim hujan, bank sampah perlu diperbanyak.",
    "Kualitas udara Jakarta pagi ini buruk sekali, anak saya batuk sejak seminggu lalu.",
    "Terima kasih wartawannya sudah turun langsung ke lokasi, foto-fotonya sangat jelas.",
    "Pembangunan tol ini memang memangkas waktu tempuh, tapi ganti rugi lahan warga belum beres.",
    "Festival budaya kemarin ramai sekali, semoga tahun depan ada lebih banyak UMKM ikut.",
    "Guru honorer di daerah kami digaji sangat kecil, padahal bebannya sama dengan guru tetap.",
    "Informasi jadwal mudik seperti ini sangat membantu, saya jadi bisa atur cuti lebih awal.",
    "Saya berharap polisi mengusut tuntas kasus ini dan hasilnya diumumkan terbuka.",
    "Air PDAM di perumahan kami keruh lagi, sudah lapor berkali-kali belum ada tanggapan.",
    "Harga tiket pesawat ke Papua mahal sekali, keluarga kami jadi jarang bisa pulang kampung.",
]

# The well-behaved reader's own wording (never shared with the flood, so the reader is never a
# near-copy of somebody else's comments).
READER_TEXTS = [
    "Saya tinggal di Cirebon, banjir rob kemarin masuk sampai ke dapur rumah kami.",
    "Apakah ada jadwal resmi pemadaman bergilir untuk wilayah Sleman minggu depan?",
    "Anak saya baru lulus SMK, lowongan magang seperti di artikel ini sangat ditunggu.",
    "Pasar tradisional dekat rumah kami direnovasi, tapi kiosnya jadi terlalu mahal disewa.",
    "Kapan bantuan pupuk bersubsidi untuk Kabupaten Jember mulai dibagikan?",
    "Ulasan yang rapi, grafik inflasinya mudah dibaca bahkan oleh orang awam seperti saya.",
    "Jembatan gantung di desa mertua saya di Lebak juga sudah miring, mohon diliput.",
    "Bis Trans Semarang jurusan Mangkang sering terlambat setengah jam pada jam pulang kantor.",
    "Wawancara dengan bidan desa itu menyentuh, tenaga kesehatan di pelosok memang kurang.",
    "Tolong dijelaskan juga syarat pendaftaran beasiswa daerahnya, banyak tetangga bertanya.",
    "Kebun kopi keluarga kami di Temanggung panen lebih awal tahun ini karena kemarau.",
    "Harga gas melon di warung Pontianak sudah tembus dua puluh lima ribu sejak Senin.",
]


def reader_text(index):
    return READER_TEXTS[index % len(READER_TEXTS)]


SHORT_REPLIES = [
    "Setuju.", "Setuju banget", "Mantap, terima kasih infonya", "Semoga cepat pulih", "Aamiin",
    "Aamiin ya Allah", "Terima kasih infonya", "Mantap", "Semoga bermanfaat", "Turut berduka cita",
    "Innalillahi wa inna ilaihi raji'un", "Semoga lekas sembuh", "Betul sekali", "Setuju, semoga cepat selesai",
    "Hadir", "Semangat!", "Keren", "Sip, lanjutkan", "Kasihan sekali", "Semoga diberi ketabahan",
    "Turut berduka cita, semoga almarhum husnul khotimah",
    "Turut berduka cita sedalam-dalamnya, semoga keluarga yang ditinggalkan diberi ketabahan",
]

SITES = ["rajacuan", "gacor88", "hoki77", "mantapjaya", "jpbesar", "cuanmax", "sultanwin", "garuda4d",
         "pulauhoki", "bintangjp", "naga303", "dewacuan", "megawin", "asiaslot", "cuan365"]
EXTRA_WORDS = ["sekarang", "gan", "bosku", "dijamin", "buruan", "terpercaya", "resmi", "hari ini", "gratis"]
EMOJI = ["🔥", "💰", "🎰", "🤑", "✅", "💯", "👉", "⚡"]
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "i": "і", "c": "с", "p": "р"}  # Cyrillic look-alikes


def campaign_text(rng):
    site = rng.choice(SITES) + rng.choice(["", "", str(rng.randint(1, 99))])
    phone = "08%02d-%04d-%04d" % (rng.randint(11, 99), rng.randint(0, 9999), rng.randint(0, 9999))
    text = ("Mau cuan cepat? Daftar di %s.com, deposit %drb langsung WD, bonus new member 100%%, hubungi WA %s"
            % (site, rng.choice([10, 20, 25, 50, 100]), phone))
    words = text.split(" ")
    if rng.random() < 0.6:
        words.insert(rng.randint(1, len(words)), rng.choice(EXTRA_WORDS))
    if rng.random() < 0.6:
        position = rng.randint(0, len(words))
        words.insert(position, rng.choice(EMOJI))
    text = " ".join(words)
    for _ in range(rng.choice([0, 1, 1, 2])):  # a look-alike letter here and there
        letters = [i for i, ch in enumerate(text) if ch in LOOKALIKE]
        if letters:
            i = rng.choice(letters)
            text = text[:i] + LOOKALIKE[text[i]] + text[i + 1:]
    return text


ASTROTURF_OPENERS = ["Ayo dukung", "Mari dukung", "Saatnya dukung", "Jangan lupa dukung"]
ASTROTURF_CLAIMS = ["pemimpin jujur yang merakyat", "calon yang bersih dan merakyat", "pemimpin bersih yang peduli rakyat kecil"]


def astroturf_text(rng):
    """A paid-commenter message the rules have no word against: only its repetition gives it away."""
    text = ("%s calon nomor urut %d, %s, programnya jelas untuk petani dan nelayan, sebarkan ke grup keluarga %s"
            % (rng.choice(ASTROTURF_OPENERS), rng.choice([2, 2, 2, 3]), rng.choice(ASTROTURF_CLAIMS),
               rng.choice(["", "sekarang", "ya", "🙏", "👍", "#pilihyangjujur"])))
    return text.strip()


def ordinary_text(rng, index):
    first, second = rng.sample(ORDINARY, 2)
    return "%s %s" % (first, second) if index % 3 else first


# ---------------------------------------------------------------------------------------------
# Statistics


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, int(round(fraction * len(ordered) + 0.4999)))  # nearest rank
    return ordered[min(rank, len(ordered)) - 1]


def ms(value):
    return None if value is None else round(value * 1000.0, 1)


def fmt_ms(value):
    return "-" if value is None else "%.1f" % value


# ---------------------------------------------------------------------------------------------
# The well-behaved reader


class Reader:
    """One reader: one address, one name, one article. Posts an ordinary comment every 2 s and reads
    the article page 5 times a second, in two threads, each bounded by count and time."""

    ADDRESS = "203.0.113.10"
    NAME = "Lestari Wulandari"
    ARTICLE = "abuse-reader"

    def __init__(self, port, max_seconds):
        self.port = port
        self.max_seconds = max_seconds
        self.stop_event = threading.Event()
        self.phase = "quiet"
        self.lock = threading.Lock()
        self.records = []  # (phase, kind, status, latency, error code)
        self.threads = []

    def set_phase(self, phase):
        with self.lock:
            self.phase = phase

    def _record(self, kind, status, parsed, latency, error):
        code = error
        if status and not (200 <= status < 300):
            code = (parsed or {}).get("error", {}).get("code") if isinstance(parsed, dict) else None
        with self.lock:
            self.records.append((self.phase, kind, status, latency, code))

    def _loop(self, kind, interval):
        client = Client(self.port)
        started = time.monotonic()
        max_count = int(self.max_seconds / interval) + 1
        count = 0
        next_at = started
        while not self.stop_event.is_set() and count < max_count and time.monotonic() - started < self.max_seconds:
            if kind == "post":
                body = {"author": {"name": self.NAME}, "body": reader_text(count)}
                result = client.request("POST", "/v1/articles/%s/comments" % self.ARTICLE, body, self.ADDRESS)
            else:
                result = client.request("GET", "/v1/articles/%s/comments?limit=50" % self.ARTICLE, None, self.ADDRESS)
            status, parsed, latency, error = result
            self._record(kind, status, parsed, latency, error)
            count += 1
            next_at += interval
            delay = next_at - time.monotonic()
            if delay > 0:
                self.stop_event.wait(delay)
            else:
                next_at = time.monotonic()  # behind schedule: do not burst to catch up
        client.close()

    def start(self):
        # A person's pace: a comment every 20 s (within the per-author limit), five page reads a second.
        for kind, interval in (("post", 20.0), ("read", 0.2)):
            thread = threading.Thread(target=self._loop, args=(kind, interval), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(REQUEST_TIMEOUT + 2)

    def summary(self, phases):
        with self.lock:
            rows = [r for r in self.records if r[0] in phases]
        out = {}
        for kind in ("read", "post", "all"):
            latencies = [r[3] for r in rows if kind == "all" or r[1] == kind]
            out[kind] = {"n": len(latencies), "p50_ms": ms(percentile(latencies, 0.50)),
                         "p99_ms": ms(percentile(latencies, 0.99))}
        errors = {}
        for r in rows:
            if not (200 <= r[2] < 300):
                key = "%s %s%s" % (r[1], r[2] if r[2] else "conn", " " + r[4] if r[4] else "")
                errors[key] = errors.get(key, 0) + 1
        out["non_2xx"] = sum(errors.values())
        out["non_2xx_by_kind"] = errors
        return out


# ---------------------------------------------------------------------------------------------
# Attack scenarios


def run_pool(port, jobs, threads, seconds):
    """Sends every job (method, path, body, xff) from `threads` threads, each with its own
    connection, until the jobs run out or `seconds` pass. Returns the results in job order
    (None for jobs never sent)."""
    work = queue.Queue()
    for index, job in enumerate(jobs):
        work.put((index, job))
    results = [None] * len(jobs)
    deadline = time.monotonic() + seconds

    def worker():
        client = Client(port)
        while time.monotonic() < deadline:
            try:
                index, (method, path, body, xff) = work.get_nowait()
            except queue.Empty:
                break
            results[index] = client.request(method, path, body, xff)
        client.close()

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(max(0.1, deadline - time.monotonic()) + REQUEST_TIMEOUT + 2)
    return results, time.monotonic() - started


def tally(name, results, elapsed, expect=201):
    sent = [r for r in results if r is not None]
    row = {"scenario": name, "planned": len(results), "sent": len(sent), "seconds": round(elapsed, 2),
           "ok": 0, "rate_limited": 0, "other": {}, "answered": {}, "ids": []}
    for status, parsed, _, error in sent:
        if status == expect:
            row["ok"] += 1
            if isinstance(parsed, dict):
                if "id" in parsed:
                    row["ids"].append(parsed["id"])
                if "status" in parsed:
                    row["answered"][parsed["status"]] = row["answered"].get(parsed["status"], 0) + 1
        elif status == 429 and isinstance(parsed, dict) and parsed.get("error", {}).get("code") == "rate_limited":
            row["rate_limited"] += 1
        else:
            key = str(status) if status else "conn:" + str(error)
            if status and isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
                key += " " + str(parsed["error"].get("code"))
            row["other"][key] = row["other"].get(key, 0) + 1
    return row


def comment_job(article, name, body, xff):
    return ("POST", "/v1/articles/%s/comments" % article, {"author": {"name": name}, "body": body}, xff)


def scenario_flood(port, rng, half):
    address = "198.51.100.7"
    jobs = []
    for i in range(500):
        name = "Pembaca Setia" if half == "a" else "Pembaca %d" % (i + 1)
        jobs.append(comment_job("abuse-flood", name, ordinary_text(rng, i), address))
    results, elapsed = run_pool(port, jobs, 8, 20)
    label = "2a flood, 1 address, 1 name" if half == "a" else "2b flood, 1 address, 500 names"
    return tally(label, results, elapsed)


def scenario_campaign(port, rng):
    jobs = []
    names = set()
    while len(names) < 500:
        names.add("%s %s %d" % (rng.choice(NAMES_FIRST), rng.choice(NAMES_LAST), rng.randint(1, 999)))
    for i, name in enumerate(sorted(names, key=lambda _: rng.random())):
        address = "10.1.%d.%d" % (i // 250, i % 250 + 1)
        jobs.append(comment_job("abuse-campaign-%03d" % (i % 100), name, campaign_text(rng), address))
    results, elapsed = run_pool(port, jobs, 8, 30)
    return tally("3 campaign, 500 addr/names, 100 articles", results, elapsed)


def scenario_astroturf(port, rng):
    jobs = []
    for i in range(300):
        name = "%s %s %d" % (rng.choice(NAMES_FIRST), rng.choice(NAMES_LAST), 1000 + i)
        address = "10.3.%d.%d" % (i // 250, i % 250 + 1)
        jobs.append(comment_job("abuse-pilkada-%02d" % (i % 50), name, astroturf_text(rng), address))
    results, elapsed = run_pool(port, jobs, 8, 30)
    return tally("3b campaign the rules miss, 300 addr/names", results, elapsed)


def scenario_sustained_flood(port, rng, seconds=8.0):
    """One address flooding without pause for a fixed time, so the reader has samples under attack."""
    address = "198.51.100.8"
    jobs = [comment_job("abuse-sustained", "Pembaca %d" % (i % 997), ordinary_text(rng, i), address) for i in range(60_000)]
    results, elapsed = run_pool(port, jobs, 8, seconds)
    return tally("6 sustained flood, 1 address, %.0f s" % seconds, results, elapsed)


def scenario_short_replies(port, rng):
    jobs = []
    for i in range(200):
        name = "%s %s %d" % (NAMES_FIRST[i % len(NAMES_FIRST)], NAMES_LAST[(i // len(NAMES_FIRST)) % len(NAMES_LAST)], i)
        address = "10.2.%d.%d" % (i // 250, i % 250 + 1)
        jobs.append(comment_job("abuse-replies", name, rng.choice(SHORT_REPLIES), address))
    results, elapsed = run_pool(port, jobs, 8, 15)
    return tally("4 short replies, 200 addr/names", results, elapsed)


def scenario_reports(port, target):
    address = "198.51.100.99"
    jobs = [("POST", "/v1/comments/%d/reports" % target, {"reason": "spam"}, address) for _ in range(500)]
    results, elapsed = run_pool(port, jobs, 8, 15)
    return tally("5 reports, 1 client, 1 comment", results, elapsed, expect=202)


# ---------------------------------------------------------------------------------------------
# The truth, from the database


def open_db(path):
    db = sqlite3.connect(path, timeout=10)
    db.execute("PRAGMA query_only = ON")
    return db


def stored(db, ids):
    out = {"published": 0, "pending": 0, "rejected": 0, "missing": 0, "with_campaign": 0, "campaigns": 0}
    campaigns = set()
    found = 0
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        marks = ",".join("?" * len(chunk))
        for status, campaign_id in db.execute(
                "SELECT status, campaign_id FROM comments WHERE id IN (%s)" % marks, chunk):
            found += 1
            out[status] = out.get(status, 0) + 1
            if campaign_id is not None:
                out["with_campaign"] += 1
                campaigns.add(campaign_id)
    out["missing"] = len(ids) - found
    out["campaigns"] = len(campaigns)
    return out


# ---------------------------------------------------------------------------------------------
# Output


def print_table(headers, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(str(h).ljust(widths[i]) if i == 0 else str(h).rjust(widths[i]) for i, h in enumerate(headers))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(r)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--json", dest="json_file")
    parser.add_argument("--quiet-seconds", type=float, default=8.0)
    args = parser.parse_args()
    run_started = time.monotonic()
    rng = random.Random(SEED)

    if not wait_healthz(args.port, 15):
        print("abuse: server on %s:%d never answered /healthz" % (HOST, args.port), file=sys.stderr)
        return 2

    reader = Reader(args.port, max_seconds=RUN_DEADLINE)
    rows = []
    try:
        # 1. quiet baseline
        print("== 1 quiet baseline (%.0f s)" % args.quiet_seconds, flush=True)
        reader.start()
        time.sleep(args.quiet_seconds)

        # the comment scenario 5 reports, posted before the attacks by its own reader
        setup = Client(args.port)
        status, parsed, _, _ = setup.request(
            "POST", "/v1/articles/abuse-reports/comments",
            {"author": {"name": "Rahmat Hidayat"},
             "body": "Lampu jalan di Jalan Pemuda Magelang sudah dua minggu mati, rawan kecelakaan malam hari."}, "192.0.2.50")
        setup.close()
        if status != 201 or not isinstance(parsed, dict) or "id" not in parsed:
            print("abuse: could not post the comment to report: %s %s" % (status, parsed), file=sys.stderr)
            return 1
        target = parsed["id"]

        scenarios = [
            ("2a", lambda: scenario_flood(args.port, rng, "a")),
            ("2b", lambda: scenario_flood(args.port, rng, "b")),
            ("3", lambda: scenario_campaign(args.port, rng)),
            ("3b", lambda: scenario_astroturf(args.port, rng)),
            ("4", lambda: scenario_short_replies(args.port, rng)),
            ("5", lambda: scenario_reports(args.port, target)),
            ("6", lambda: scenario_sustained_flood(args.port, rng)),
        ]
        for phase, run in scenarios:
            if time.monotonic() - run_started > RUN_DEADLINE:
                print("abuse: run deadline reached, skipping scenario %s" % phase, file=sys.stderr)
                break
            reader.set_phase(phase)
            print("== %s ..." % phase, end=" ", flush=True)
            row = run()
            row["phase"] = phase
            print("%d sent in %.1f s" % (row["sent"], row["seconds"]), flush=True)
            rows.append(row)
        reader.set_phase("after")
        time.sleep(0.3)
    finally:
        reader.stop()

    healthy = wait_healthz(args.port, 5)

    # The truth from the database, after all traffic.
    db = open_db(args.db)
    for row in rows:
        if row["phase"] == "5":
            row["report_rows"] = db.execute(
                "SELECT count(*) FROM reports WHERE comment_id = ?", (target,)).fetchone()[0]
            row["target_status"] = db.execute("SELECT status FROM comments WHERE id = ?", (target,)).fetchone()[0]
        else:
            row["stored"] = stored(db, row["ids"])
    reader_ids_published = db.execute(
        "SELECT status, count(*) FROM comments WHERE article_id = ? GROUP BY status", (Reader.ARTICLE,)).fetchall()
    db.close()

    # ---- tables
    print()
    print("Scenarios (HTTP answers; stored = the database's truth for the ids the 201s returned)")
    headers = ["scenario", "sent", "s", "201/202", "429", "other", "API said", "published", "pending",
               "rejected", "campaign_id", "campaigns"]
    table = []
    for row in rows:
        other = ", ".join("%s×%d" % (k, v) for k, v in sorted(row["other"].items())) or "0"
        said = ", ".join("%s %d" % (k, v) for k, v in sorted(row["answered"].items())) or "-"
        if "stored" in row:
            s = row["stored"]
            table.append([row["scenario"], row["sent"], "%.1f" % row["seconds"], row["ok"], row["rate_limited"], other,
                          said, s["published"], s["pending"], s["rejected"], s["with_campaign"], s["campaigns"]])
        else:
            table.append([row["scenario"], row["sent"], "%.1f" % row["seconds"], row["ok"], row["rate_limited"], other,
                          "report rows: %d" % row["report_rows"], "-", "-", "-", "-", "-"])
    print_table(headers, table)
    for row in rows:
        if row.get("stored", {}).get("missing"):
            print("  ! %s: %d ids answered 201 are not in the comments table" % (row["scenario"], row["stored"]["missing"]))
        if row["sent"] < row["planned"]:
            if not row["scenario"].startswith("6 "):  # the sustained flood is bounded by time on purpose
                print("  ! %s: only %d of %d requests sent before its time limit" % (row["scenario"], row["sent"], row["planned"]))
        if "report_rows" in row:
            print("  reported comment #%d: %d report row(s) stored, comment is now %s"
                  % (target, row["report_rows"], row["target_status"]))

    phases_attack = [row["phase"] for row in rows]
    quiet = reader.summary(["quiet"])
    attack = reader.summary(phases_attack)
    per_phase = {p: reader.summary([p]) for p in phases_attack}
    print()
    print("Well-behaved reader (%s, one address, one name, 1 post / 20 s, 5 reads / s; latencies in ms)" % Reader.NAME)
    headers = ["phase", "reads", "read p50", "read p99", "posts", "post p50", "post p99", "all p50", "all p99",
               "non-2xx"]
    table = []
    for label, summary in [("quiet (1)", quiet), ("under attack (2-%s)" % (phases_attack[-1] if phases_attack else "6"), attack)] + \
            [("  during %s" % p, per_phase[p]) for p in phases_attack]:
        table.append([label, summary["read"]["n"], fmt_ms(summary["read"]["p50_ms"]), fmt_ms(summary["read"]["p99_ms"]),
                      summary["post"]["n"], fmt_ms(summary["post"]["p50_ms"]), fmt_ms(summary["post"]["p99_ms"]),
                      fmt_ms(summary["all"]["p50_ms"]), fmt_ms(summary["all"]["p99_ms"]), summary["non_2xx"]])
    print_table(headers, table)
    attack_seconds = sum(row["seconds"] for row in rows)
    if attack["all"]["n"] < 50:
        print("  note: scenarios 2-5 lasted %.1f s in all, so the reader has only %d samples under attack "
              "(p99 of so few is close to the maximum)" % (attack_seconds, attack["all"]["n"]))
    for label, summary in (("quiet", quiet), ("under attack", attack)):
        if summary["non_2xx_by_kind"]:
            print("  reader non-2xx %s: %s" % (label, ", ".join(
                "%s ×%d" % (k, v) for k, v in sorted(summary["non_2xx_by_kind"].items()))))
    print("  reader's comments stored: %s" % (", ".join("%s %d" % (s, n) for s, n in reader_ids_published) or "none"))
    print()
    print("quiet p50/p99: %s / %s ms   under attack p50/p99: %s / %s ms   reader errors (non-2xx): %d quiet, %d under attack"
          % (fmt_ms(quiet["all"]["p50_ms"]), fmt_ms(quiet["all"]["p99_ms"]),
             fmt_ms(attack["all"]["p50_ms"]), fmt_ms(attack["all"]["p99_ms"]), quiet["non_2xx"], attack["non_2xx"]))
    print("server %s after the run; whole run %.1f s" % ("healthy" if healthy else "NOT ANSWERING /healthz",
                                                     time.monotonic() - run_started))

    if args.json_file:
        for row in rows:
            row.pop("ids", None)
        report = {"scenarios": rows, "reportedCommentId": target,
                  "reader": {"quiet": quiet, "underAttack": attack, "perPhase": per_phase,
                             "storedByStatus": dict(reader_ids_published)},
                  "serverHealthyAfter": healthy, "seconds": round(time.monotonic() - run_started, 2)}
        with open(args.json_file, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        print("figures written to %s" % args.json_file)
    return 0 if healthy else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("abuse: interrupted", file=sys.stderr)
        sys.exit(130)
