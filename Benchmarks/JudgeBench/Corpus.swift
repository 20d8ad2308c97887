// A reproducible corpus of realistic comments: mostly clean Indonesian news talk, with a share of
// gambling spam (plain and in look-alike letters), profanity and contact spam.

/// SplitMix64: small, fast, and the same sequence on every machine for a seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Corpus {
    static let words = """
        pemerintah harus segera bertindak soal banjir yang terus terjadi setiap tahun di jakarta warga sudah lelah \
        menunggu janji para pejabat semoga cepat selesai dan tidak terulang lagi kami berharap ada solusi nyata \
        harga beras naik lagi bulan ini rakyat kecil makin susah mencari nafkah tolong perhatikan nasib petani \
        timnas main bagus sekali tadi malam bangga jadi orang indonesia semangat terus garuda \
        menurut saya berita ini kurang berimbang sebaiknya wartawan juga mewawancarai pihak lain agar adil \
        terima kasih atas informasinya sangat bermanfaat bagi kami yang tinggal di daerah \
        the government should listen to people and fix the roads before the rainy season starts again
        """.split(separator: " ").map(String.init)

    static let spam = [
        "Ayo gabung di situs 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 hari ini pasti maxwin, link alternatif di bio",
        "s l o t g4c0r depo pulsa tanpa potongan, wd berapapun dibayar",
        "ＲＴＰ live hari ini 98% zeus olympus scatter hitam, daftar sekarang",
        "Dasar bangsat kau anjiiing, goblok semua",
        "Hubungi WA 0812-3456-7890 untuk pinjaman cepat cair",
    ]

    /// `count` comments of 50–1,000 bytes; about 1 in 10 is spam or abuse.
    static func make(count: Int, seed: UInt64, targetBytes: ClosedRange<Int> = 50...1_000) -> [String] {
        var random = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let target = Int.random(in: targetBytes, using: &random)
            var text = ""
            if Int.random(in: 0..<10, using: &random) == 0 {
                text = spam.randomElement(using: &random)! + " "
            }
            while text.utf8.count < target {
                text += words.randomElement(using: &random)! + " "
            }
            return String(text.utf8.prefix(target)) ?? text
        }
    }
}
