// A WordPress export (WXR 1.2) as Tools → Export writes it: two posts and an attachment, threads,
// an unapproved comment, a spam comment, a pingback, a logged-in user's comment, CDATA and
// entities (named, numeric, in CDATA and outside it), and comments listed out of thread order.
enum WordPressFixture {
    static let wxr = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0"
            xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
            xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:wfw="http://wellformedweb.org/CommentAPI/"
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
            <title>Warta Kota Kita</title>
            <link>https://wartakota.example</link>
            <description>Berita warga</description>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[redaksi]]></wp:author_login></wp:author>
            <item>
                <title>Harga beras naik, warga antre operasi pasar &amp; sembako murah</title>
                <link>https://wartakota.example/2024/03/harga-beras-naik/</link>
                <pubDate>Fri, 01 Mar 2024 07:00:00 +0000</pubDate>
                <dc:creator><![CDATA[redaksi]]></dc:creator>
                <content:encoded><![CDATA[<p>Harga beras medium naik.</p>]]></content:encoded>
                <wp:post_id>412</wp:post_id>
                <wp:post_date><![CDATA[2024-03-01 14:00:00]]></wp:post_date>
                <wp:comment_status><![CDATA[open]]></wp:comment_status>
                <wp:post_name><![CDATA[harga-beras-naik]]></wp:post_name>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <category domain="post_tag" nicename="beras"><![CDATA[beras]]></category>
                <category domain="category" nicename="ekonomi"><![CDATA[Ekonomi]]></category>
                <wp:comment>
                    <wp:comment_id>1003</wp:comment_id>
                    <wp:comment_author><![CDATA[Yusuf Maulana]]></wp:comment_author>
                    <wp:comment_author_email><![CDATA[yusuf.m@example.net]]></wp:comment_author_email>
                    <wp:comment_author_url></wp:comment_author_url>
                    <wp:comment_author_IP><![CDATA[203.0.113.7]]></wp:comment_author_IP>
                    <wp:comment_date><![CDATA[2024-03-01 16:20:00]]></wp:comment_date>
                    <wp:comment_date_gmt><![CDATA[2024-03-01 09:20:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Betul, di pasar kami juga sudah Rp 14.500 per kilo. Semoga operasi pasar <b>rutin</b> diadakan.]]></wp:comment_content>
                    <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[comment]]></wp:comment_type>
                    <wp:comment_parent>1001</wp:comment_parent>
                    <wp:comment_user_id>0</wp:comment_user_id>
                </wp:comment>
                <wp:comment>
                    <wp:comment_id>1001</wp:comment_id>
                    <wp:comment_author><![CDATA[Siti Nurhaliza]]></wp:comment_author>
                    <wp:comment_author_email><![CDATA[siti.n@example.net]]></wp:comment_author_email>
                    <wp:comment_author_IP><![CDATA[198.51.100.23]]></wp:comment_author_IP>
                    <wp:comment_date><![CDATA[2024-03-01 15:05:00]]></wp:comment_date>
                    <wp:comment_date_gmt><![CDATA[2024-03-01 08:05:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Antrean di kelurahan sudah dari subuh, tolong ditambah titik operasi pasarnya.]]></wp:comment_content>
                    <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[comment]]></wp:comment_type>
                    <wp:comment_parent>0</wp:comment_parent>
                    <wp:comment_user_id>0</wp:comment_user_id>
                </wp:comment>
                <wp:comment>
                    <wp:comment_id>1004</wp:comment_id>
                    <wp:comment_author><![CDATA[Siti Nurhaliza]]></wp:comment_author>
                    <wp:comment_author_email><![CDATA[Siti.N@example.net]]></wp:comment_author_email>
                    <wp:comment_date><![CDATA[2024-03-01 17:45:10]]></wp:comment_date>
                    <wp:comment_date_gmt><![CDATA[2024-03-01 10:45:10]]></wp:comment_date_gmt>
                    <wp:comment_content>Terima kasih infonya, Pak Yusuf &#8212; saya coba ke pasar &quot;Induk&quot; besok.</wp:comment_content>
                    <wp:comment_approved><![CDATA[0]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[comment]]></wp:comment_type>
                    <wp:comment_parent>1003</wp:comment_parent>
                    <wp:comment_user_id>0</wp:comment_user_id>
                </wp:comment>
                <wp:comment>
                    <wp:comment_id>1005</wp:comment_id>
                    <wp:comment_author><![CDATA[slot gacor 88]]></wp:comment_author>
                    <wp:comment_author_email><![CDATA[promo@judi.example]]></wp:comment_author_email>
                    <wp:comment_date_gmt><![CDATA[2024-03-02 01:13:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Main slot gacor di situs kami dijamin maxwin, daftar sekarang!]]></wp:comment_content>
                    <wp:comment_approved><![CDATA[spam]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[comment]]></wp:comment_type>
                    <wp:comment_parent>0</wp:comment_parent>
                    <wp:comment_user_id>0</wp:comment_user_id>
                </wp:comment>
                <wp:comment>
                    <wp:comment_id>1006</wp:comment_id>
                    <wp:comment_author><![CDATA[Blog Pangan Nusantara]]></wp:comment_author>
                    <wp:comment_date_gmt><![CDATA[2024-03-02 03:00:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[[&#8230;] harga beras naik menurut Warta Kota Kita [&#8230;]]]></wp:comment_content>
                    <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[pingback]]></wp:comment_type>
                    <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
            </item>
            <item>
                <title>Jadwal KRL berubah mulai Senin</title>
                <link>https://wartakota.example/2024/03/jadwal-krl/</link>
                <wp:post_id>415</wp:post_id>
                <wp:comment_status><![CDATA[closed]]></wp:comment_status>
                <wp:post_name><![CDATA[jadwal-krl]]></wp:post_name>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <category domain="category" nicename="metro"><![CDATA[Metro]]></category>
                <wp:comment>
                    <wp:comment_id>1010</wp:comment_id>
                    <wp:comment_author><![CDATA[Andi Wijaya]]></wp:comment_author>
                    <wp:comment_author_email><![CDATA[andi@wartakota.example]]></wp:comment_author_email>
                    <wp:comment_date><![CDATA[2024-03-03 19:30:00]]></wp:comment_date>
                    <wp:comment_date_gmt><![CDATA[2024-03-03 12:30:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Perjalanan terakhir ke Bogor jam berapa sekarang?
        Di aplikasi belum berubah.]]></wp:comment_content>
                    <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[]]></wp:comment_type>
                    <wp:comment_parent>0</wp:comment_parent>
                    <wp:comment_user_id>7</wp:comment_user_id>
                </wp:comment>
            </item>
            <item>
                <title>foto-antrean.jpg</title>
                <wp:post_id>416</wp:post_id>
                <wp:post_type><![CDATA[attachment]]></wp:post_type>
            </item>
            <item>
                <title>Tentang kami</title>
                <link>https://wartakota.example/tentang/</link>
                <wp:post_id>2</wp:post_id>
                <wp:comment_status><![CDATA[closed]]></wp:comment_status>
                <wp:post_type><![CDATA[page]]></wp:post_type>
            </item>
        </channel>
        </rss>
        """
}
