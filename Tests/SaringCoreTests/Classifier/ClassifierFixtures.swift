import SaringCore

/// Small labeled sets in the shape of real traffic: gambling promotions with varied site names,
/// words and numbers, and ordinary readers' comments, none repeated.
enum ClassifierFixtures {
    static let spamOpenings = ["Gas main di", "Mampir ke", "Cobain", "Daftar sekarang di", "Yang mau jackpot ke", "Buruan join"]
    static let sites = ["PULAUWIN", "garuda88", "Mahjong777", "zeus4d", "BERKAH99", "naga303", "dewa slot", "koi55"]
    static let spamClosings = [
        "pasti gacor maxwin hari ini", "depo 20k langsung wd", "scatter hitam turun terus", "bonus new member 100%",
        "rtp tinggi jackpot", "auto sultan modal receh",
    ]
    static let readerSubjects = [
        "Pemerintah daerah", "Warga kampung saya", "Pak camat", "Tim nasional", "Harga cabai", "Jalan tol baru", "Sekolah anak saya",
        "Pelayanan puskesmas",
    ]
    static let readerPredicates = [
        "harus lebih terbuka soal anggaran", "semoga cepat diperbaiki sebelum musim hujan", "sudah bagus tapi antreannya panjang",
        "bikin macet tiap pagi", "perlu diawasi supaya tidak dikorupsi", "terima kasih atas liputannya",
    ]

    /// Spam and clean comments, alternating, `count` of each.
    static func examples(count: Int) -> [ClassifierTrainer.Example] {
        var examples: [ClassifierTrainer.Example] = []
        for index in 0..<count {
            let spam = "\(spamOpenings[index % spamOpenings.count]) \(sites[(index / 2) % sites.count]) \(spamClosings[(index / 3) % spamClosings.count])"
            let clean = "\(readerSubjects[index % readerSubjects.count]) \(readerPredicates[(index / 3) % readerPredicates.count]), \(index % 2 == 0 ? "menurut saya" : "kata tetangga")"
            examples.append(ClassifierTrainer.Example(text: spam, label: true))
            examples.append(ClassifierTrainer.Example(text: clean, label: false))
        }
        return examples
    }

    static func modelText(count: Int = 24) -> String {
        var trainer = ClassifierTrainer()
        trainer.iterations = 60
        let outcome = trainer.train(examples(count: count), trainedOn: ["test fixtures"])!
        return ClassifierModelFile.text(of: outcome.model)
    }
}
