"""Varied Indonesian reader comments for Benchmarks/perf: each clean comment is assembled from
several independent parts (opener, subject, verb phrase, object, place, ending, an optional second
and closing sentence), so two comments rarely share more than a few word pairs and the server's
campaign detector (near-identical texts from several authors) stays quiet on them. About 3% are
online-gambling spam (varied brands and offers, some in look-alike Unicode; like real spam they
resemble each other) and about 2% carry profanity in an otherwise ordinary comment.

Deterministic for one seed: both binaries of a --compare run are sent the same texts.
"""

import random

OPENERS = [
    "Menurut saya", "Jujur saja", "Kalau dipikir-pikir", "Terus terang", "Dari dulu saya bilang",
    "Mohon maaf, tapi", "Saya setuju bahwa", "Saya kurang setuju kalau", "Sebagai warga biasa,",
    "Sebagai orang tua,", "Sebagai pedagang kecil,", "Yang saya heran,", "Intinya", "Faktanya",
    "Bukan bermaksud nyinyir, tapi", "Sudah jelas", "Kalau benar begitu,", "Setahu saya",
    "Dengan segala hormat,", "Aneh juga ya,", "Sejujurnya", "Saya rasa", "Kami di kampung merasa",
    "Pengalaman saya,", "Coba bayangkan,", "Tidak heran kalau", "Wajar saja", "Sayangnya",
    "Untungnya", "Harus diakui", "Kata tetangga saya,", "Barusan saya baca,",
]
SUBJECTS = [
    "pemerintah daerah", "anggota dewan", "pihak kepolisian", "wali kota", "para pejabat",
    "pihak PLN", "Pertamina", "dinas perhubungan", "kementerian pendidikan", "pengurus PSSI",
    "pelatih timnas", "warga setempat", "para pedagang pasar", "pihak sekolah", "rumah sakit umum",
    "pengelola KRL", "Bulog", "kantor kelurahan", "bupati yang baru", "gubernur",
    "perusahaan air minum", "petugas Satpol PP", "pengembang perumahan", "operator ojek daring",
    "pihak bandara", "dinas kesehatan", "para wakil rakyat", "tim sukses kandidat", "BPJS",
    "panitia seleksi", "pengurus RT", "pemilik pabrik",
]
VERBS = [
    "harus lebih serius menangani", "sebaiknya segera memperbaiki", "tidak pernah peduli dengan",
    "perlu mengevaluasi ulang", "sudah berusaha mengatasi", "terlalu lambat mengurus",
    "wajib transparan soal", "jangan cuma berjanji soal", "mesti turun langsung melihat",
    "seharusnya mendengar keluhan tentang", "kelihatannya menutup mata terhadap",
    "baru bergerak setelah viral soal", "patut diapresiasi karena membenahi",
    "perlu belajar dari daerah lain soal", "sering lupa pada", "malah menambah ruwet",
    "harus bertanggung jawab atas", "bisa lebih tegas menertibkan", "tidak boleh diam melihat",
    "jangan sampai mengorbankan", "katanya akan membereskan", "sudah waktunya memprioritaskan",
    "pantas ditanya soal", "mestinya mengawasi", "kurang sigap menghadapi", "ikut memperparah",
]
OBJECTS = [
    "masalah banjir tahunan", "harga beras yang terus naik", "jalan berlubang", "kemacetan pagi",
    "sampah yang menumpuk di sungai", "tarif listrik", "antrean pasien", "nasib guru honorer",
    "jadwal kereta yang sering terlambat", "pungutan liar", "air bersih yang sering mati",
    "parkir liar di trotoar", "harga cabai dan bawang", "polusi udara", "lapangan kerja anak muda",
    "ujian masuk sekolah negeri", "izin usaha kecil", "pembangunan jembatan", "stok pupuk subsidi",
    "keamanan kampung malam hari", "lampu jalan yang padam", "biaya kuliah", "ongkos angkutan umum",
    "penggusuran pedagang kaki lima", "distribusi bantuan sosial", "pengelolaan dana desa",
    "saluran air yang mampet", "jalur sepeda", "kualitas makanan di kantin sekolah",
    "nasib pemain muda", "stadion yang rusak", "harga tiket pertandingan", "ojek pangkalan",
    "kuota haji", "harga gas melon", "gedung sekolah yang retak", "pelayanan KTP elektronik",
]
PLACES = [
    "Bekasi", "Depok", "Medan", "Makassar", "Surabaya", "Bandung", "Semarang", "Palembang",
    "Pontianak", "Kupang", "Ambon", "Jayapura", "Manado", "Denpasar", "Mataram", "Padang",
    "Pekanbaru", "Jambi", "Bengkulu", "Banjarmasin", "Samarinda", "Balikpapan", "Kendari",
    "Palu", "Gorontalo", "Ternate", "Cirebon", "Tasikmalaya", "Purwokerto", "Solo", "Yogyakarta",
    "Malang", "Jember", "Banyuwangi", "Tangerang", "Bogor", "Serang", "Lampung", "Batam", "Aceh",
]
PLACE_PREFIX = ["di", "di daerah", "di sekitar", "di wilayah", "di pinggiran", "di pusat kota"]
ENDINGS = [
    "karena warga sudah lama menunggu", "supaya tidak terulang tahun depan",
    "padahal anggarannya besar sekali", "semoga ada perubahan nyata", "jangan cuma pencitraan",
    "kasihan rakyat kecil", "kami tunggu buktinya", "biar anak cucu tidak kena imbasnya",
    "itu sudah jadi rahasia umum", "dan itu bukan cerita baru", "sebelum semuanya terlambat",
    "tanpa harus menunggu viral dulu", "karena ini menyangkut hajat orang banyak",
    "daripada terus saling menyalahkan", "mumpung masih ada waktu", "seperti yang dijanjikan dulu",
    "walaupun pasti tidak mudah", "apalagi menjelang musim hujan", "meski banyak yang pesimis",
    "agar kepercayaan publik kembali", "biar tidak jadi bahan tertawaan", "sesuai aturan yang ada",
]
PUNCT = [".", ".", ".", "!", "..", " ?", "!!"]
SECOND = [
    "Kemarin saya lewat {place} dan {seen}.", "Anak saya {kid}.", "Tetangga saya {neigh}.",
    "Harga {item} di pasar {place} sudah {price} sekarang.", "Tolong {who} {ask}.",
    "Sudah {n} tahun {thing} begini terus.", "Di {place} {thing} malah lebih parah.",
    "Semoga {who} membaca komentar ini.", "Coba {who} datang ke {place} tanpa pengawalan.",
    "Saya sendiri {self}.", "Berita seperti ini harus {press}.",
    "Minggu lalu {who} datang ke {place} tapi {after}.",
]
SEEN = [
    "airnya sampai sepinggang", "jalannya rusak parah", "antreannya panjang sekali",
    "lampunya mati semua", "sampahnya belum diangkut", "pasarnya sepi pembeli",
    "trotoarnya dipakai parkir", "pohonnya tumbang menutup jalan", "ada pungutan di pintu masuk",
]
KID = [
    "harus berangkat subuh supaya tidak terlambat", "belum dapat sekolah negeri",
    "ikut lomba tapi hadiahnya belum cair", "sekarang sekolah daring lagi", "suka nonton timnas",
    "baru lulus dan masih cari kerja", "kena demam berdarah bulan lalu",
]
NEIGH = [
    "sampai jual motor buat biaya berobat", "kehilangan pekerjaan bulan ini",
    "sudah tiga kali lapor tapi tidak ditanggapi", "buka warung tapi sepi",
    "jadi korban penipuan daring", "terpaksa pindah karena digusur",
]
ITEMS = ["beras", "cabai rawit", "bawang merah", "minyak goreng", "telur ayam", "gula pasir",
         "daging sapi", "ikan tongkol", "tahu tempe", "gas elpiji"]
WHO = ["bapak wali kota", "ibu gubernur", "pak menteri", "para anggota dewan", "pak bupati",
       "pihak terkait", "redaksi", "bapak presiden", "pak camat", "ibu lurah"]
ASK = ["ditindaklanjuti", "dicek langsung ke lapangan", "jangan ditunda lagi",
       "didengar suara warganya", "diusut sampai tuntas", "dijelaskan ke publik"]
THING = ["kondisinya", "pelayanannya", "jalannya", "harganya", "urusannya", "aturannya"]
SELF = ["sudah tiga kali mengadu", "pernah jadi korban juga", "tidak pernah dapat bantuan",
        "kerja di sana dulu", "setiap hari lewat sana", "ikut rapat warga minggu lalu"]
PRESS = ["terus dikawal", "diangkat lebih sering", "ditulis lebih berimbang",
         "disertai data yang jelas", "jadi perhatian semua pihak"]
AFTER = ["cuma foto-foto lalu pulang", "tidak ada yang berubah", "warganya tidak diajak bicara",
         "jalannya baru diaspal sehari sebelumnya", "janjinya belum ditepati"]
CLOSINGS = [
    "", "", "", "", "Terima kasih redaksi.", "Salam dari {place}.", "Semangat!", "Mantap beritanya.",
    "Setuju sekali.", "Semoga bermanfaat.", "Kita lihat saja nanti.", "Mohon diperhatikan.",
    "Salam sehat untuk semua.", "Jangan lupa bahagia.", "Sekian dan terima kasih.",
]
PROFANE = [
    "dasar pejabat bangsat", "kerjanya kayak orang goblok", "brengsek semua", "otak udang tolol",
    "kampret memang", "anjir parah banget", "bego banget sih", "bacot doang", "bajingan semua",
]
SPAM_BRANDS = ["ZEUS", "MAHKOTA", "GARUDA", "NAGA", "RAJA", "HOKI", "DEWA", "PANDA", "SULTAN",
               "MPO", "KOI", "BOLA"]
SPAM_SUFFIX = ["88", "77", "4D", "WIN", "TOTO", "SLOT", "999", "303", "138"]
SPAM_HOOK = [
    "situs slot gacor hari ini", "link alternatif resmi", "bandar togel online terpercaya",
    "rtp live tertinggi", "pola gacor malam ini", "agen slot resmi",
]
SPAM_OFFER = [
    "bonus new member 100%", "depo 10k via dana", "wd lancar tanpa potongan", "pasti maxwin",
    "freebet tiap hari", "scatter hitam turun terus", "anti rungkad", "jp paus setiap jam",
]
SPAM_CTA = ["cek bio", "link di profil", "ketik di google", "daftar sekarang", "hubungi admin",
            "buruan gabung bosku"]
FIRST = [
    "Budi", "Siti", "Agus", "Dewi", "Andi", "Rina", "Joko", "Sri", "Eko", "Wati", "Hendra", "Yuni",
    "Rudi", "Lestari", "Bambang", "Ayu", "Dedi", "Fitri", "Rizky", "Nur", "Fajar", "Indah", "Arif",
    "Maya", "Teguh", "Putri", "Wahyu", "Ratna", "Dimas", "Sari", "Yusuf", "Intan", "Hadi", "Mega",
    "Ilham", "Nia", "Gilang", "Tari", "Bayu", "Dian", "Reza", "Wulan", "Aditya", "Ani", "Surya",
    "Lina", "Taufik", "Novi", "Irfan", "Desi", "Ucok", "Made", "Komang", "Ketut", "Asep", "Ujang",
    "Daeng", "Togar", "Markus", "Yohana",
]
LAST = [
    "Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Siregar", "Nasution", "Pratama",
    "Kusuma", "Setiawan", "Gunawan", "Harahap", "Simanjuntak", "Rahmawati", "Purnomo", "Susanto",
    "Wibowo", "Nugroho", "Halim", "Tanjung", "Lubis", "Sinaga", "Pane", "Manurung", "Sitompul",
    "Ginting", "Tarigan", "Sembiring", "Pohan", "Daulay", "Rangkuti", "Batubara", "Hutapea",
    "Situmorang", "Panjaitan", "Sihombing", "Mahendra", "Permana", "Firmansyah", "Ramadhan", "",
    "", "", "",
]
BOLD = {c: chr(0x1D5D4 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}


def _clean(r):
    opener = r.choice(OPENERS)
    place = f"{r.choice(PLACE_PREFIX)} {r.choice(PLACES)}"
    first = f"{opener} {r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {place} {r.choice(ENDINGS)}{r.choice(PUNCT)}"
    parts = [first]
    if r.random() < 0.75:
        tpl = r.choice(SECOND)
        parts.append(tpl.format(
            place=r.choice(PLACES), seen=r.choice(SEEN), kid=r.choice(KID), neigh=r.choice(NEIGH),
            item=r.choice(ITEMS), price=f"Rp{r.randrange(10, 150) * 1000:,}".replace(",", "."),
            who=r.choice(WHO), ask=r.choice(ASK), n=r.choice(["dua", "tiga", "lima", "sepuluh", "bertahun"]),
            thing=r.choice(THING), self=r.choice(SELF), press=r.choice(PRESS), after=r.choice(AFTER)))
    closing = r.choice(CLOSINGS).format(place=r.choice(PLACES))
    if closing:
        parts.append(closing)
    return " ".join(parts)


def _spam(r):
    brand = r.choice(SPAM_BRANDS) + r.choice(SPAM_SUFFIX)
    hook = r.choice(SPAM_HOOK)
    if r.random() < 0.3:
        hook = "".join(BOLD.get(c, c) for c in hook.upper())
    words = [brand, hook, r.choice(SPAM_OFFER), r.choice(SPAM_CTA)]
    if r.random() < 0.5:
        words.insert(0, r.choice(["Gabung sekarang di", "Mau cuan?", "Info gacor:", "Bosku,", "Mampir ke"]))
    return " ".join(words)


def _profane(r):
    text = _clean(r)
    insult = r.choice(PROFANE)
    return f"{text} {insult[0].upper()}{insult[1:]}!" if r.random() < 0.5 else f"{insult.capitalize()}, {text[0].lower()}{text[1:]}"


def author(r):
    name = f"{r.choice(FIRST)} {r.choice(LAST)}".strip()
    if r.random() < 0.25:
        name += f"{r.randrange(1, 999)}"
    email = ""
    if r.random() < 0.3:
        email = name.lower().replace(" ", ".") + f"{r.randrange(1, 99)}@" + r.choice(["gmail.com", "yahoo.co.id", "mail.id"])
    return name, email


def comment(r, clean_only=False):
    """(kind, body): kind is clean, spam or profane."""
    if not clean_only:
        x = r.random()
        if x < 0.03:
            return "spam", _spam(r)
        if x < 0.05:
            return "profane", _profane(r)
    return "clean", _clean(r)


def pool(seed, count, articles, clean_only=False):
    """count unique (article, name, email, kind, body) rows."""
    r = random.Random(seed)
    seen = set()
    rows = []
    while len(rows) < count:
        kind, body = comment(r, clean_only)
        if body in seen:
            continue
        seen.add(body)
        name, email = author(r)
        rows.append((f"perf-{r.randrange(articles)}", name, email, kind, body))
    return rows
