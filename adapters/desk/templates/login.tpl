{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<section class="login">
  <h1>Masuk</h1>
  <p>Meja peninjau laporan pelanggaran netralitas. Akun dibuat oleh pengelola dengan <code>netra reviewer add NAMA</code>.</p>
  <form method="post" action="/desk/login">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label>Nama <input name="name" autocomplete="username" required maxlength="64" value="{{NAME}}"></label>
    <label>Kata sandi <input name="password" type="password" autocomplete="current-password" required maxlength="256"></label>
    <button type="submit">Masuk</button>
  </form>
</section>
{{>FOOTER}}
