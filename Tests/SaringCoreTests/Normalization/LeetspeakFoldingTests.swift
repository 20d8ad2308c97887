import Testing

@testable import SaringCore

@Suite("Normalizer step 7: leetspeak")
struct LeetspeakFoldingTests {
    let step = LeetspeakFolding()

    @Test(arguments: [
        ("g4c0r", "gacor"), ("sl0t", "slot"), ("m4xw1n", "maxwin"), ("h0k1", "hoki"), ("5lot", "slot"),
        ("b0nu5", "bonus"), ("p0l4", "pola"), ("j@ckp0t", "jackpot"), ("$lot", "slot"), ("4nj1ng", "anjing"),
        ("5lot88", "slot88"), ("w1n855", "win855"), ("d3po", "depo"), ("s1tus", "situs"), ("@g4c0r", "@gacor"),
        ("b4ng54t", "bangsat"), ("g00gle", "google"), ("p@$$word", "password"), ("gobl0k", "goblok"), ("an4k", "anak"),
        ("slot4d", "slot4d"), ("b4d", "bad"), ("m4x", "max"),
    ])
    func foldsLeetInsideWords(_ input: String, _ expected: String) {
        #expect(step.applied(to: input) == expected)
    }

    @Test(arguments: [
        "2023", "100", "99", "Rp 50.000", "gacor88", "slot88", "4d", "togel 4d", "covid19", "mp3", "ps4", "b4",
        "depo10k", "depo 10rb", "depo5jt", "cair 5jt", "@budi", "nama@mail.com", "rp50rb", "tahun 2023-2024", "x100",
        "lihat https://youtu.be/a1b2c3d4 dulu", "depo50ribu", "bonus2juta", "gacor77", "bangs47",
    ])
    func leavesNumbersMentionsAndAddresses(_ input: String) {
        #expect(step.applied(to: input) == input)
    }

    @Test func keepsOriginsOneToOne() {
        #expect(NormalizationTestSupport.origins(of: "g4", after: step) == [0..<1, 1..<2])
    }
}
