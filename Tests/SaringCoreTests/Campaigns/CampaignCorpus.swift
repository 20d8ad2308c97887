@testable import SaringCore

/// Realistic comment texts for the campaign tests: ordinary readers on the same topics, stock
/// replies, and spam as it is posted.
enum CampaignCorpus {
    static let normalizer = TextNormalizer()

    static func signature(_ text: String) -> CampaignSignature? {
        CampaignSignature(normalizedText: normalizer.normalize(text).text)
    }

    /// Different readers on fuel prices, floods and football: same topics, same vocabulary, but
    /// each written by one person.
    static let ordinaryComments = [
        // Fuel prices
        "Harga pertalite naik lagi, padahal gaji nggak naik-naik. Rakyat kecil makin susah cari makan.",
        "Kalau BBM naik pasti harga sembako ikut naik, pemerintah harus pikirkan nasib ojol dan nelayan.",
        "Subsidi BBM memang banyak salah sasaran, yang pakai mobil mewah juga isi pertalite tiap hari.",
        "Saya pengemudi ojol, sehari habis 30 ribu buat bensin. Kenaikan ini bikin penghasilan turun drastis.",
        "Harusnya subsidi dialihkan ke transportasi umum, biar orang nggak tergantung kendaraan pribadi.",
        "Antrean di SPBU dekat rumah sudah mengular dari subuh, banyak yang takut harga naik besok pagi.",
        "Harga minyak dunia lagi turun kok di sini malah naik, tolong dijelaskan logikanya pak menteri.",
        "Pertamax sekarang hampir sama dengan harga di Malaysia padahal gaji kita jauh di bawah mereka.",
        "Nelayan di kampung saya sudah dua minggu nggak melaut karena solar langka dan mahal.",
        "Pakai aplikasi MyPertamina ribet banget buat orang tua yang nggak punya smartphone.",
        // Floods
        "Banjir lagi di Kemang, tiap tahun sama saja, drainase nggak pernah dibenahi serius.",
        "Rumah saya di Bekasi terendam sepinggang sejak semalam, listrik padam dan air bersih susah.",
        "Kali Ciliwung meluap karena hujan deras di Bogor, warga bantaran harus segera dievakuasi.",
        "Tolong relawan yang punya perahu karet, di Perumahan Pondok Gede Permai masih ada lansia terjebak.",
        "Sampah plastik yang dibuang sembarangan bikin gorong-gorong tersumbat, kita juga ikut salah.",
        "Pemprov harus tegas soal bangunan liar di bantaran sungai, jangan cuma normalisasi di atas kertas.",
        "Posko pengungsian di masjid kekurangan selimut dan susu bayi, mohon bantuan dari dermawan.",
        "Tanggul jebol di Demak sudah tiga kali tahun ini, kapan dibangun permanen pakai beton?",
        "Anak-anak nggak bisa sekolah seminggu karena gedungnya dipakai pengungsi dan halamannya masih tergenang.",
        "Curah hujan ekstrem memang sudah diperingatkan BMKG dari minggu lalu, tapi persiapannya minim.",
        // Football
        "Timnas main bagus di babak pertama tapi lini belakang sering kehilangan konsentrasi di menit akhir.",
        "Wasitnya berat sebelah, pelanggaran jelas di kotak penalti malah dibiarkan tanpa cek VAR.",
        "Pemain naturalisasi memang membantu, tapi pembinaan usia muda di liga lokal juga harus dibenahi.",
        "Shin Tae-yong sudah membawa perubahan besar, mental bertanding anak-anak sekarang jauh lebih kuat.",
        "Persib harus rotasi pemain, jadwal padat begini bikin cedera menumpuk di akhir musim.",
        "Tiket final habis dalam sepuluh menit, calonya jual tiga kali lipat di depan stadion.",
        "Gol kedua itu offside jelas, garis VAR-nya kelihatan ditarik dari bahu pemain belakang.",
        "Suporter tolong jangan nyalakan flare lagi, klub kita yang kena denda dan sanksi tanpa penonton.",
        "Lapangan Gelora Bung Karno becek habis hujan, umpan pendek jadi nggak jalan sama sekali.",
        "Pelatih kiper harus evaluasi, tiga gol kemasukan dari bola mati dalam dua pertandingan terakhir.",
    ]

    /// Replies that hundreds of honest readers post word for word.
    static let stockReplies = [
        "Setuju.",
        "Mantap, terima kasih infonya",
        "Semoga cepat pulih",
        "Turut berduka cita, semoga almarhum husnul khotimah",
        "Mantap min, lanjutkan!",
        "Terima kasih atas informasinya, sangat bermanfaat 🙏",
        "Aamiin ya Allah, semoga keluarga yang ditinggalkan diberi ketabahan",
        "Innalillahi wa inna ilaihi rojiun, semoga amal ibadahnya diterima di sisi-Nya",
        "Semoga lekas sembuh dan sehat selalu pak 🙏🙏",
        "Wkwkwk ngakak banget min",
        "Keren, sukses selalu buat timnas!",
        "Betul sekali, setuju banget sama komentar di atas",
        "SETUJUUU!!! 👍👍👍",
        "Alhamdulillah, selamat ya",
        "Hadir min, nyimak dulu",
    ]

    /// A gambling spam message and its variants as spammers rotate them.
    static let slotSpam =
        "Lagi butuh modal? Main di GACOR88 aja, deposit 25rb langsung dapat bonus new member 100%, "
        + "maxwin tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890"
}
