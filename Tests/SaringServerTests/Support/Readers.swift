// Realistic test traffic: distinct, ordinary Indonesian comments from distinct readers, built
// from varied parts so no two look alike (a text repeated from many names is a spam campaign).
import Foundation

enum Readers {
    static let firstNames = [
        "Budi", "Siti", "Agus", "Dewi", "Rudi", "Ani", "Joko", "Rina", "Hendra", "Wulan", "Bayu", "Putri", "Eko", "Lestari",
        "Fajar", "Indah", "Yusuf", "Maya", "Dimas", "Ratna", "Arif", "Nur", "Teguh", "Fitri", "Wahyu", "Sari",
    ]
    static let lastNames = [
        "Santoso", "Wijaya", "Hidayat", "Saputra", "Pratama", "Lestari", "Nugroho", "Siregar", "Harahap", "Simanjuntak",
        "Kusuma", "Rahman", "Setiawan", "Gunawan", "Purnomo", "Halim",
    ]
    static let openings = [
        "Menurut saya", "Kalau dilihat dari beritanya", "Jujur saja", "Sebagai warga", "Dari pengalaman keluarga saya",
        "Saya kurang setuju,", "Bagus sekali liputannya,", "Pertanyaan saya,", "Semoga pemerintah mendengar,",
        "Terus terang", "Di kampung kami", "Waktu saya kerja di Surabaya",
    ]
    static let subjects = [
        "harga beras di pasar", "antrean di SPBU", "jalan rusak menuju kecamatan", "banjir tiap musim hujan",
        "jadwal kereta komuter", "biaya sekolah anak", "pelayanan puskesmas", "tarif listrik bulan ini",
        "macet di jalan tol", "harga cabai rawit", "program vaksinasi", "pembangunan pasar baru", "sampah di sungai",
        "gaji guru honorer", "ongkos ojek daring", "air PAM yang keruh",
    ]
    static let thoughts = [
        "sudah tidak masuk akal lagi", "perlu diawasi lebih ketat", "makin membaik sejak tahun lalu",
        "harus jadi prioritas daerah", "sering dikeluhkan tetangga", "belum ada solusi yang jelas",
        "bikin warga kecil kesulitan", "semoga cepat ditangani", "butuh anggaran yang transparan",
        "jangan hanya janji saat kampanye", "layak diapresiasi", "patut dicontoh kota lain",
    ]
    static let closings = [
        "", " Terima kasih redaksi.", " Mohon ditindaklanjuti.", " Salam dari Medan.", " Salam dari Makassar.",
        " Semoga bermanfaat.", " Ditunggu berita lanjutannya.", " Setuju dengan komentar di atas.",
    ]

    /// The n-th reader's name: distinct for every n below 26 × 16 × 100.
    static func name(_ n: Int) -> String {
        "\(firstNames[n % firstNames.count]) \(lastNames[(n / firstNames.count) % lastNames.count])"
            + (n >= firstNames.count * lastNames.count ? " \(n / (firstNames.count * lastNames.count) + 1)" : "")
    }

    /// The n-th comment: ordinary, and different in wording from its neighbours.
    static func comment(_ n: Int) -> String {
        let opening = openings[n % openings.count]
        let subject = subjects[(n / 3 + n) % subjects.count]
        let thought = thoughts[(n * 7 + 5) % thoughts.count]
        let closing = closings[(n * 5 / 2) % closings.count]
        return "\(opening) \(subject) \(thought), tahun \(1990 + n % 35) juga begitu.\(closing)"
    }

    static func body(_ n: Int, name: String? = nil) -> [String: Any] {
        ["author": ["name": name ?? Self.name(n)], "body": comment(n)]
    }
}
