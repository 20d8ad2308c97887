// Realistic test traffic: distinct, ordinary Indonesian comments from distinct readers, built
// from varied parts so no two look alike (a text repeated from many names is a spam campaign).
import Foundation

public enum Readers {
    public static let firstNames = [
        "Budi", "Siti", "Agus", "Dewi", "Rudi", "Ani", "Joko", "Rina", "Hendra", "Wulan", "Bayu", "Putri", "Eko", "Lestari",
        "Fajar", "Indah", "Yusuf", "Maya", "Dimas", "Ratna", "Arif", "Nur", "Teguh", "Fitri", "Wahyu", "Sari",
    ]
    public static let lastNames = [
        "Santoso", "Wijaya", "Hidayat", "Saputra", "Pratama", "Lestari", "Nugroho", "Siregar", "Harahap", "Simanjuntak",
        "Kusuma", "Rahman", "Setiawan", "Gunawan", "Purnomo", "Halim",
    ]
    public static let openings = [
        "Menurut saya", "Kalau dilihat dari beritanya", "Jujur saja", "Sebagai warga", "Dari pengalaman keluarga saya",
        "Saya kurang setuju,", "Bagus sekali liputannya,", "Pertanyaan saya,", "Semoga pemerintah mendengar,",
        "Terus terang", "Di kampung kami", "Waktu saya kerja di Surabaya",
    ]
    public static let subjects = [
        "harga beras di pasar", "antrean di SPBU", "jalan rusak menuju kecamatan", "banjir tiap musim hujan",
        "jadwal kereta komuter", "biaya sekolah anak", "pelayanan puskesmas", "tarif listrik bulan ini",
        "macet di jalan tol", "harga cabai rawit", "program vaksinasi", "pembangunan pasar baru", "sampah di sungai",
        "gaji guru honorer", "ongkos ojek daring", "air PAM yang keruh",
    ]
    public static let thoughts = [
        "sudah tidak masuk akal lagi", "perlu diawasi lebih ketat", "makin membaik sejak tahun lalu",
        "harus jadi prioritas daerah", "sering dikeluhkan tetangga", "belum ada solusi yang jelas",
        "bikin warga kecil kesulitan", "semoga cepat ditangani", "butuh anggaran yang transparan",
        "jangan hanya janji saat kampanye", "layak diapresiasi", "patut dicontoh kota lain",
    ]
    public static let closings = [
        "", " Terima kasih redaksi.", " Mohon ditindaklanjuti.", " Salam dari Medan.", " Salam dari Makassar.",
        " Semoga bermanfaat.", " Ditunggu berita lanjutannya.", " Setuju dengan komentar di atas.",
    ]

    public static let places = [
        "di Bekasi", "di Depok", "di Bogor", "di Tangerang", "di Bandung", "di Semarang", "di Yogyakarta", "di Solo", "di Malang",
        "di Denpasar", "di Palembang", "di Pekanbaru", "di Padang", "di Balikpapan", "di Samarinda", "di Manado", "di Kupang",
        "di Ambon", "di Jayapura", "di Pontianak", "di Banjarmasin", "di Cirebon", "di Tegal", "di Kediri",
    ]
    public static let times = [
        "sejak minggu lalu", "tiap pagi", "dua hari ini", "sejak lebaran", "setiap akhir bulan", "waktu hujan deras",
        "sejak awal tahun", "kalau malam", "tiap hari Senin", "sejak harga naik", "beberapa bulan terakhir", "pas libur sekolah",
    ]
    public static let asides = [
        "anak saya juga merasakannya", "tetangga sampai pindah", "warung kami ikut sepi", "ibu saya mengeluh terus",
        "teman kantor juga bilang begitu", "pak RT sudah lapor", "kami sudah antre dua jam", "sopir angkot ikut protes",
        "pedagang pasar mengeluh", "mahasiswa kos ikut kena", "para petani resah", "nelayan tidak bisa melaut",
    ]

    /// The n-th reader's name: distinct for every n below 26 × 16 × 100.
    public static func name(_ n: Int) -> String {
        "\(firstNames[n % firstNames.count]) \(lastNames[(n / firstNames.count) % lastNames.count])"
            + (n >= firstNames.count * lastNames.count ? " \(n / (firstNames.count * lastNames.count) + 1)" : "")
    }

    /// The n-th comment: ordinary, and different in wording from its neighbours.
    public static func comment(_ n: Int) -> String {
        // Each part chosen by its own mix of n, so comments share at most a part or two.
        func pick<T>(_ pool: [T], _ salt: UInt64) -> T {
            var x = UInt64(n) &* 0x9E37_79B9_7F4A_7C15 &+ salt
            x = (x ^ (x >> 31)) &* 0xBF58_476D_1CE4_E5B9
            return pool[Int((x ^ (x >> 29)) % UInt64(pool.count))]
        }
        return "\(pick(openings, 1)) \(pick(subjects, 2)) \(pick(places, 3)) \(pick(thoughts, 4)) \(pick(times, 5)), "
            + "\(pick(asides, 6)). Soal \(pick(subjects, 8)) \(pick(places, 9)) juga \(pick(thoughts, 10)), "
            + "\(pick(asides, 11)).\(pick(closings, 7))"
    }

    public static func body(_ n: Int, name: String? = nil) -> [String: Any] {
        ["author": ["name": name ?? Self.name(n)], "body": comment(n)]
    }
}
