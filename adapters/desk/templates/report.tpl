{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<p class="back"><a href="/desk">&larr; Semua laporan</a></p>
<article data-testid="report-detail" data-code="{{CODE}}">
  <h1>{{CODE}} <span class="status status-{{STATUS}}" data-testid="status">{{STATUS_LABEL}}</span></h1>
  <dl class="fields">
    <dt>Kategori</dt><dd>{{CATEGORY_LABEL}}</dd>
    <dt>Kejadian</dt><dd class="text">{{WHAT}}</dd>
    <dt>Terlapor</dt><dd>{{SUBJECT}}</dd>
    <dt>Tempat</dt><dd>{{PLACE}}</dd>
    <dt>Waktu kejadian</dt><dd>{{WHEN}}</dd>
    <dt>Saluran</dt><dd>{{CHANNEL}}</dd>
    <dt>Diterima</dt><dd>{{CREATED}}</dd>
    <dt>Terakhir diubah</dt><dd>{{UPDATED}}</dd>
    <dt>Catatan publik</dt><dd class="text">{{PUBLIC_NOTE}}{{#NO_PUBLIC_NOTE}}<i>belum ada</i>{{/NO_PUBLIC_NOTE}}</dd>
  </dl>

  <section class="evidence" aria-labelledby="bukti">
    <h2 id="bukti">Bukti</h2>
    {{#NO_EVIDENCE}}<p class="empty">Pelapor tidak mengirim bukti.</p>{{/NO_EVIDENCE}}
    <div class="photos">
    {{#PHOTO}}<figure><a href="/desk/evidence/{{ID}}"><img data-testid="evidence" src="/desk/evidence/{{ID}}" alt="Foto bukti {{N}}" loading="lazy"></a><figcaption>Foto {{N}} · {{SIZE}}</figcaption></figure>{{/PHOTO}}
    </div>
    <ul class="files">
    {{#DOCUMENT}}<li><a href="/desk/evidence/{{ID}}" data-testid="evidence-document">Dokumen {{N}} ({{MIME}}, {{SIZE}})</a></li>{{/DOCUMENT}}
    {{#MISSING}}<li class="missing">Berkas {{N}} tidak tersimpan: {{REASON}}</li>{{/MISSING}}
    {{#LINK}}<li><a href="{{URL}}" rel="noopener noreferrer nofollow" target="_blank" data-testid="evidence-link">{{URL}}</a> <small>(tautan dari pelapor; buka dengan hati-hati)</small></li>{{/LINK}}
    </ul>
  </section>

  <section class="history" aria-labelledby="riwayat">
    <h2 id="riwayat">Riwayat status</h2>
    <ol data-testid="status-history">
      <li><time>{{CREATED}}</time> Diterima sebagai <b>baru</b></li>
      {{#HISTORY}}<li><time>{{AT}}</time> {{FROM}} &rarr; <b>{{TO}}</b> oleh {{WHO}}{{#NOTE}}: <q>{{TEXT}}</q>{{/NOTE}}</li>{{/HISTORY}}
    </ol>
  </section>

  <section class="thread" aria-labelledby="percakapan" data-testid="thread">
    <h2 id="percakapan">Percakapan dengan pelapor</h2>
    <p class="hint">Pelapor membaca pertanyaan dengan <code>cek {{CODE}}</code> dan menjawab dengan <code>jawab {{CODE}} …</code>. Jangan minta identitasnya.</p>
    {{#NO_MESSAGES}}<p class="empty">Belum ada pertanyaan.</p>{{/NO_MESSAGES}}
    {{#MESSAGE}}<div class="message {{AUTHOR}}" data-testid="message" data-author="{{AUTHOR}}">
      <p class="meta">{{WHO}} · <time>{{AT}}</time></p>
      <p class="text">{{TEXT}}</p>
    </div>{{/MESSAGE}}
    <form method="post" action="/desk/reports/{{CODE}}/question" class="ask">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <label>Pertanyaan untuk pelapor <textarea name="question" rows="3" maxlength="2000" required></textarea></label>
      <button type="submit">Kirim pertanyaan</button>
    </form>
  </section>
</article>

<aside class="actions">
  <section>
    <h2>Ubah status</h2>
    <form method="post" action="/desk/reports/{{CODE}}/status" data-testid="status-form">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <label>Status
        <select name="status">
          {{#NEXT_STATUS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEXT_STATUS}}
        </select>
      </label>
      <label><span>Catatan publik (dibaca pelapor lewat <code>cek</code>)</span>
        <textarea name="public_note" rows="3" maxlength="2000">{{PUBLIC_NOTE}}</textarea>
      </label>
      <button type="submit">Simpan status</button>
    </form>
  </section>
  <section class="internal">
    <h2>Catatan internal</h2>
    {{#LEGACY_NOTE}}<p class="note"><span class="meta">lewat API</span> {{TEXT}}</p>{{/LEGACY_NOTE}}
    {{#INTERNAL_NOTE}}<p class="note" data-testid="internal-note"><span class="meta">{{WHO}} · <time>{{AT}}</time></span> {{TEXT}}</p>{{/INTERNAL_NOTE}}
    <form method="post" action="/desk/reports/{{CODE}}/note">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <label>Catatan baru (hanya peninjau) <textarea name="internal_note" rows="3" maxlength="2000" required></textarea></label>
      <button type="submit">Simpan catatan</button>
    </form>
  </section>
  <details class="audit">
    <summary>Jejak audit</summary>
    <ol>
      {{#AUDIT}}<li><time>{{AT}}</time> {{WHO}}: {{ACTION}}{{#DETAIL}} ({{TEXT}}){{/DETAIL}}</li>{{/AUDIT}}
    </ol>
  </details>
</aside>
{{>FOOTER}}
