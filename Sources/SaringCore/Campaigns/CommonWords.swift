/// Words too common to tell one comment from another: function words and chat fillers of
/// Indonesian and English, and the vocabulary of the stock replies readers post by the hundred
/// (thanks, agreement, praise, get-well wishes, condolences, greetings).
///
/// A text made only of these carries too little information to be a campaign however many people
/// write it, so they do not count towards `CampaignSignature.informativeTokenCount`. They still
/// take part in word pairs, where word order tells texts apart. Keep contact words out of the list
/// (`wa`, `whatsapp`, `telegram`, `daftar`, `link`): spam carries contact data. Entries are as the
/// normalizer leaves them: lower case, leetspeak folded, runs of three letters squeezed to one.
enum CommonWords {
    static let words: [String] = functionWords + chatWords + replyWords + condolenceWords + englishWords

    private static let hashes = TokenHashSet(words.map { CampaignHash.token($0.utf8) })

    static func contains(_ tokenHash: UInt64) -> Bool {
        hashes.contains(tokenHash)
    }

    private static let functionWords = [
        "yang", "yg", "dan", "dn", "di", "ini", "itu", "ke", "dari", "dr", "untuk", "utk", "buat", "dengan",
        "dgn", "sama", "tidak", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "tak", "bukan",
        "ada", "saya", "sy", "aku", "gue", "gw", "gua", "kamu", "anda", "lu", "lo", "dia", "kita", "kami",
        "mereka", "kalian", "beliau", "sudah", "udah", "udh", "sdh", "dah", "akan", "juga", "jg", "aja",
        "saja", "atau", "tapi", "tetapi", "namun", "karena", "krn", "karna", "jadi", "jd", "kalau", "kalo",
        "klo", "jika", "bila", "agar", "supaya", "biar", "pada", "dalam", "oleh", "bagi", "tentang",
        "seperti", "kayak", "kaya", "lebih", "sangat", "banget", "bgt", "sekali", "paling", "masih",
        "belum", "blm", "lagi", "lg", "baru", "sedang", "telah", "pun", "lah", "kah", "nya", "dong", "deh",
        "sih", "kok", "kan", "loh", "lho", "nih", "tuh", "toh", "mah", "semua", "hanya", "cuma", "bisa",
        "bs", "dapat", "harus", "mau", "ingin", "pengen", "perlu", "boleh", "jangan", "jgn", "apa", "siapa",
        "mana", "kapan", "bagaimana", "gimana", "kenapa", "mengapa", "begitu", "gitu", "begini", "gini",
        "sini", "situ", "sana", "sekarang", "skrg", "nanti", "tadi", "hari", "kali", "orang", "tau", "tahu",
        "terus", "trus", "emang", "memang", "dulu", "lalu", "setelah", "sebelum", "sampai", "sampe",
        "setiap", "para", "sang", "si", "se", "pak", "bu", "bapak", "ibu",
    ]

    private static let chatWords = [
        "ya", "iya", "yaa", "yah", "ok", "oke", "okay", "sip", "wah", "wow", "ayo", "yuk", "min", "mimin",
        "admin", "gan", "agan", "bang", "bro", "sis", "kak", "mas", "mbak", "om", "bos", "bosku", "suhu",
        "wkwk", "wkwkwk", "wkwkwkwk", "haha", "hahaha", "hahahaha", "hehe", "hehehe", "hihi", "xixi",
        "ngakak", "lol", "hadir", "nyimak", "absen", "pertamax", "first",
    ]

    private static let replyWords = [
        "setuju", "sepakat", "betul", "benar", "bener", "mantap", "mantab", "mantul", "mantep", "terima",
        "kasih", "makasih", "trims", "thx", "tq", "info", "infonya", "informasi", "informasinya", "bagus",
        "keren", "sukses", "selalu", "lanjutkan", "lanjut", "top", "jos", "joss", "luar", "biasa", "hebat",
        "salut", "bangga", "semangat", "berbagi", "sharing", "share", "bermanfaat", "manfaat", "membantu",
        "berguna", "ilmu", "ilmunya", "semoga", "smoga", "moga", "cepat", "cepet", "lekas", "pulih",
        "sembuh", "kesembuhan", "sehat", "kesehatan", "kembali", "selamat", "ulang", "tahun", "ultah",
        "hbd", "kuat", "sabar", "kesabaran", "tabah", "ketabahan", "kekuatan", "diberi", "diberikan",
        "keluarga", "doa", "doakan", "mendoakan", "berkah", "amin", "aamiin", "aamin", "amiin", "allah",
        "alhamdulillah", "masyaallah", "masya", "subhanallah", "insyaallah", "insya", "barakallah",
        "mudah", "mudahan", "mantaap", "gas", "gaskeun", "siap",
    ]

    private static let condolenceWords = [
        "turut", "berduka", "duka", "cita", "mendalam", "ikut", "prihatin", "sedih", "almarhum",
        "almarhumah", "alm", "husnul", "khotimah", "khatimah", "innalillahi", "innalillah", "inna",
        "lillahi", "ilaihi", "innailaihi", "wainnailaihi", "rojiun", "rajiun", "raajiun", "diterima",
        "disisinya", "sisinya", "sisi", "amal", "ibadah", "ibadahnya", "dosa", "dosanya", "diampuni",
        "dilapangkan", "kubur", "kuburnya", "ditempatkan", "tempat", "terbaik", "surga", "surganya",
        "syurga", "jannah", "istirahat", "tenang", "damai", "ditinggalkan", "meninggal", "dunia", "wafat",
        "kehilangan", "rip", "rest", "peace", "alfatihah", "fatihah",
    ]

    private static let englishWords = [
        "the", "and", "a", "an", "of", "to", "in", "is", "it", "for", "on", "that", "this", "with", "you",
        "we", "be", "are", "was", "not", "no", "yes", "so", "but", "or", "my", "your", "me", "all", "just",
        "very", "good", "nice", "great", "thanks", "thank", "agree", "true", "same", "love", "best", "god",
        "bless", "amen", "congrats", "job", "well", "done",
    ]
}
