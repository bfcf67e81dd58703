{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<section class="message-page">
  <h1>{{HEADING}}</h1>
  <p>{{TEXT}}</p>
  <p><a href="/desk">Kembali ke meja peninjau</a></p>
</section>
{{>FOOTER}}
