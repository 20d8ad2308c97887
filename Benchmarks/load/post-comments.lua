-- wrk script: POST realistic comments (mostly clean, some spam and profanity) to a few articles.
local bodies = {
  "Pemerintah harus segera bertindak soal banjir yang terus terjadi setiap tahun, warga sudah lelah menunggu janji.",
  "Harga beras naik lagi bulan ini, rakyat kecil makin susah. Tolong perhatikan nasib petani kita.",
  "Timnas main bagus sekali tadi malam, bangga jadi orang Indonesia! Semangat terus Garuda.",
  "Menurut saya berita ini kurang berimbang, sebaiknya wartawan juga mewawancarai pihak lain.",
  "Ayo gabung di situs 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 hari ini pasti maxwin, link alternatif di bio",
  "Dasar bangsat, kerjanya cuma korupsi saja",
  "Terima kasih atas informasinya, sangat bermanfaat bagi kami yang tinggal di daerah.",
  "Hubungi WA 0812-3456-7890 untuk info lebih lanjut",
}
local counter = 0
request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  local payload = '{"author":{"name":"Pembaca ' .. (counter % 500) .. '"},"body":"' .. body .. ' #' .. counter .. '"}'
  return wrk.format("POST", "/v1/articles/berita-" .. (counter % 50) .. "/comments",
    {["Content-Type"] = "application/json"}, payload)
end
