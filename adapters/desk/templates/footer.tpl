{{%AUTOESCAPE context="HTML"}}</main>
<footer class="foot">Laporan anonim: Netra tidak menyimpan identitas pelapor. Setiap tindakan di meja ini dicatat dalam jejak audit.</footer>
</body>
</html>
