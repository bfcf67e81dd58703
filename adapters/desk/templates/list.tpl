{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>Laporan</h1>
<nav class="counts" aria-label="Jumlah laporan per status">
  {{#COUNT}}<a class="count status-{{STATUS}}" href="/desk?status={{STATUS}}" data-testid="status-count" data-status="{{STATUS}}">{{LABEL}} <b>{{N}}</b></a>{{/COUNT}}
</nav>
<form method="get" action="/desk" class="filters" data-testid="filters">
  <label>Status
    <select name="status">
      <option value="">Semua</option>
      {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
    </select>
  </label>
  <label>Kategori
    <select name="category">
      <option value="">Semua</option>
      {{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
    </select>
  </label>
  <label>Kabupaten/kota <input name="kabupaten" value="{{KABUPATEN}}" maxlength="100" placeholder="mis. Magetan"></label>
  <label>Dari tanggal <input type="date" name="from" value="{{FROM}}"></label>
  <label>Sampai tanggal <input type="date" name="to" value="{{TO}}"></label>
  <button type="submit">Saring</button>
  <a class="reset" href="/desk">Hapus saringan</a>
</form>
<p class="exports">
  Unduh laporan yang tampil:
  <a href="/desk/export.csv?status={{STATUS}}&amp;category={{CATEGORY}}&amp;kabupaten={{KABUPATEN}}&amp;from={{FROM}}&amp;to={{TO}}" data-testid="export-csv">CSV</a> ·
  <a href="/desk/export.json?status={{STATUS}}&amp;category={{CATEGORY}}&amp;kabupaten={{KABUPATEN}}&amp;from={{FROM}}&amp;to={{TO}}" data-testid="export-json">JSON</a>
</p>
{{#EMPTY}}<p class="empty">Tidak ada laporan yang cocok dengan saringan ini.</p>{{/EMPTY}}
<table class="reports">
  <thead><tr><th>Kode</th><th>Tanggal</th><th>Status</th><th>Kategori</th><th>Tempat</th><th>Kejadian</th></tr></thead>
  <tbody>
  {{#ROW}}<tr data-testid="report-row" data-code="{{CODE}}">
    <td data-label="Kode"><a href="/desk/reports/{{CODE}}">{{CODE}}</a></td>
    <td data-label="Tanggal">{{CREATED}}</td>
    <td data-label="Status"><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td>
    <td data-label="Kategori">{{CATEGORY_LABEL}}</td>
    <td data-label="Tempat">{{PLACE}}</td>
    <td data-label="Kejadian" class="what">{{WHAT}}{{#HAS_EVIDENCE}} <span class="tag">bukti</span>{{/HAS_EVIDENCE}}</td>
  </tr>{{/ROW}}
  </tbody>
</table>
{{#MORE}}<p class="more"><a href="/desk?status={{STATUS}}&amp;category={{CATEGORY}}&amp;kabupaten={{KABUPATEN}}&amp;from={{FROM}}&amp;to={{TO}}&amp;offset={{NEXT_OFFSET}}">Laporan berikutnya</a></p>{{/MORE}}
{{>FOOTER}}
