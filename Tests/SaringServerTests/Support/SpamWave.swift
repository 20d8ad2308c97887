// A spam wave as it arrives: one message in many variants (numbers, site names, an added or
// dropped word, emoji, look-alike letters), each from another name and address.
import Foundation

enum SpamWave {
    static let sites = ["gacor88", "maxwin77", "slot4d", "cuanplay", "hoki99", "jp123", "dewa88", "zeus777"]
    static let extras = ["", " 🔥🔥", " buruan", " terpercaya", " gan", " 💰", " resmi", " sekarang"]
    static let openers = ["Mau cuan cepat?", "Lagi butuh duit?", "Mau cuan cepat??", "MAU CUAN CEPAT?"]

    static func variant(_ n: Int) -> String {
        let site = sites[n % sites.count] + ".com"
        let deposit = 10 + (n * 7) % 90
        let phone = String(format: "08%02d-%04d-%04d", 11 + n % 80, (n * 37) % 10_000, (n * 91) % 10_000)
        let opener = openers[(n / 3) % openers.count]
        let extra = extras[(n / 2) % extras.count]
        let body = "\(opener) Daftar di \(site), deposit \(deposit)rb langsung WD hari ini juga, bonus new member 100%\(extra). Hubungi WA \(phone)"
        // Every fifth variant swaps in a look-alike letter.
        return n % 5 == 0 ? body.replacingOccurrences(of: "Daftar", with: "Dаftаr") : body
    }
}
