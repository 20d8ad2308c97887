import Testing

@testable import SaringCore

@Suite("Text normalizer: the whole pipeline")
struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test(arguments: [
        ("𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥", "slot gacor"), ("ｓｌｏｔ", "slot"), ("s l o t g4c0r", "slot gacor"), ("ѕlоt", "slot"),
        ("P͟U͟L͟A͟U͟W͟I͟N͟", "pulauwin"), ("sl\u{200B}o\u{FEFF}t", "slot"), ("❶❻", "16"), ("S.L.O.T", "slot"),
        ("s-l-o-t g-a-c-o-r", "slot gacor"), ("ꜱʟᴏᴛ ɢᴀᴄᴏʀ", "slot gacor"), ("🅢🅛🅞🅣 🅖🅐🅒🅞🅡", "slot gacor"),
        ("ΛΝGKΛSΛ17", "angkasa17"), ("ЅЕМРАТ88", "sempat88"), ("ρüηcαk77", "puncak77"), ("ⓈⓁⓄⓉ", "slot"),
        ("GACOOOOR!!!", "gacor!"), ("m4xw1n", "maxwin"), ("𝙎 𝙇 𝙊 𝙏", "slot"), ("S̲L̲0̲T̲", "slot"),
        ("ᆢBᆢᆢOᆢᆢNᆢᆢUᆢᆢSᆢ", "ᆢbonusᆢ"), ("🇹\u{200C} 🇴\u{200C} 🇵\u{200C} 9 9", "top99"),
        ("s\u{2800}l\u{2800}o\u{2800}t", "slot"), ("ᴍᴇɴᴀɴɢ ᴛᴇʀᴜꜱ", "menang terus"), ("【ＳＬＯＴ８８】", "【slot88】"),
    ])
    func foldsRealisticEvasions(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input).text == expected)
    }

    @Test func matchesThePolicyExampleFromTheProductBrief() {
        #expect(normalizer.normalize("Main di 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 pasti maxwin").text == "main di slot gacor pasti maxwin")
    }

    @Test(arguments: [
        ("Pemerintah memberantas judi online tahun 2023", "pemerintah memberantas judi online tahun 2023"),
        ("Rp 50.000", "rp 50.000"), ("Maaf, saat ini harga tinggi.", "maaf, saat ini harga tinggi."),
        ("Nasi goreng ini gacor banget 👍🏼", "nasi goreng ini gacor banget 👍🏼"), ("Covid19 di 2020", "covid19 di 2020"),
        ("Café résumé", "cafe resume"), ("hubungi 0812-3456-7890", "hubungi 0812-3456-7890"),
        ("kirim ke budi@example.com ya", "kirim ke budi@example.com ya"), ("www.kompas.com", "www.kompas.com"),
        ("日本語のテキスト", "日本語のテキスト"), ("  baris satu\n\nbaris dua  ", "baris satu baris dua"),
    ])
    func leavesInnocentTextReadable(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input).text == expected)
    }

    @Test func normalizesEmptyAndInvisibleOnlyText() {
        #expect(normalizer.normalize("").text == "")
        #expect(normalizer.normalize("\u{200B}\u{FEFF}").text == "")
        #expect(normalizer.normalize("   ").text == "")
    }

    @Test(arguments: [
        "Slot GACOR hari ini!!!", "s l o t g4c0r", "Rp 50.000 di 2023", "m4xw1n sl0t88 @budi", "  a  b  ",
        "S.L.O.T / G.A.C.O.R", "anjiiiing", "nama@mail.com",
    ])
    func asciiFastPathAgreesWithTheFullPipeline(_ ascii: String) {
        // A zero-width space forces the general path and is then removed.
        #expect(normalizer.normalize(ascii).text == normalizer.normalize(ascii + "\u{200B}").text)
    }

    @Test func normalizingTwiceChangesNothingMore() {
        for text in ["𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥", "s l o t g4c0r", "P͟U͟L͟A͟U͟W͟I͟N͟", "GACOOOOR!!!"] {
            let once = normalizer.normalize(text).text
            #expect(normalizer.normalize(once).text == once)
        }
    }
}
