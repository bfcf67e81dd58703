#include "bot/report_flow.h"

#include <algorithm>
#include <cctype>

#include "bot/conversation.h"
#include "bot/pseudonym.h"
#include "knowledge/text.h"

namespace netra::bot {
namespace {

using knowledge::trim;

const char* kAnonymityNotice =
    "Catatan soal anonim: WhatsApp atau Telegram sendiri tahu siapa yang mengirim pesan ini, tetapi Netra tidak "
    "menyimpan nomor, nama, atau akun Anda bersama laporan. Karena itu kode tanda terima adalah satu-satunya jalan "
    "kembali ke laporan ini: simpan baik-baik, kode tidak bisa dipulihkan.";

const char* kAfterFiling =
    "Apa artinya anonim: laporan ini tidak terhubung dengan identitas Anda, jadi tim peninjau tidak bisa menghubungi "
    "Anda dan Anda tidak bisa menjadi pelapor resmi lewat Netra. Tim kami menelaah laporan dan dapat meneruskannya "
    "sebagai informasi awal ke Bawaslu atau instansi pembina ASN.\n\n"
    "Jika ingin pelanggaran ini diproses secara hukum, buat laporan resmi ke Bawaslu (kantor Bawaslu kabupaten/kota, "
    "Panwaslu kecamatan/desa, atau aplikasi Gowaslu) dengan identitas Anda (KTP), paling lambat 7 hari kerja sejak "
    "kejadian diketahui (UU 7/2017 Pasal 454). Sertakan siapa, kapan, di mana, apa yang terjadi, serta bukti atau saksi.";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool is_one_of(const std::string& text, std::initializer_list<const char*> words) {
  std::string folded = lower(std::string(trim(text)));
  while (!folded.empty() && (folded.back() == '.' || folded.back() == '!')) folded.pop_back();
  for (const char* word : words) {
    if (folded == word) return true;
  }
  return false;
}

std::vector<std::string> links_in(const std::string& text) {
  std::vector<std::string> links;
  size_t pos = 0;
  while ((pos = text.find("http", pos)) != std::string::npos) {
    if (text.compare(pos, 7, "http://") == 0 || text.compare(pos, 8, "https://") == 0) {
      size_t end = text.find_first_of(" \t\r\n", pos);
      links.push_back(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
      pos = end == std::string::npos ? text.size() : end;
    } else {
      pos += 4;
    }
  }
  return links;
}

// Splits "Desa A, Kec. B, Kab. C" or labelled parts into desa, kecamatan, kabupaten. Returns false when fewer
// than two places can be told apart.
bool parse_place(const std::string& text, ReportDraft& draft) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",;\n", start);
    if (end == std::string::npos) end = text.size();
    auto part = std::string(trim(text.substr(start, end - start)));
    if (!part.empty()) parts.push_back(part);
    start = end + 1;
  }
  std::string desa, kecamatan, kabupaten;
  std::vector<std::string> unlabelled;
  for (const auto& part : parts) {
    std::string folded = lower(part);
    if (folded.rfind("kec", 0) == 0) kecamatan = part;
    else if (folded.rfind("kab", 0) == 0 || folded.rfind("kota", 0) == 0) kabupaten = part;
    else if (folded.rfind("desa", 0) == 0 || folded.rfind("kel", 0) == 0 || folded.rfind("ds", 0) == 0) desa = part;
    else unlabelled.push_back(part);
  }
  // Unlabelled parts fill the empty slots from the smallest place to the largest, as people write them.
  for (auto* slot : {&desa, &kecamatan, &kabupaten}) {
    if (slot->empty() && !unlabelled.empty()) {
      // With only two parts left and the kecamatan empty, the second is more likely the kabupaten.
      if (slot == &kecamatan && unlabelled.size() == 1 && kabupaten.empty() && !desa.empty()) continue;
      *slot = unlabelled.front();
      unlabelled.erase(unlabelled.begin());
    }
  }
  if (!unlabelled.empty() && kabupaten.empty()) kabupaten = unlabelled.front();
  int known = !desa.empty() + !kecamatan.empty() + !kabupaten.empty();
  if (known < 2 || kabupaten.empty()) return false;
  draft.desa = desa;
  draft.kecamatan = kecamatan;
  draft.kabupaten = kabupaten;
  return true;
}

std::string role_label(const std::string& role) {
  if (role == "asn") return "ASN (PNS)";
  if (role == "pppk") return "PPPK";
  if (role == "kades") return "Kepala desa";
  if (role == "perangkat") return "Perangkat desa";
  return "Lainnya";
}

std::vector<Choice> role_choices() {
  return {{"role:asn", "ASN"},
          {"role:pppk", "PPPK"},
          {"role:kades", "Kepala desa"},
          {"role:perangkat", "Perangkat desa"},
          {"role:lainnya", "Lainnya"}};
}

size_t utf8_length(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Adds media refs to the draft's evidence, in order, up to `max_evidence` items in all (an album gathered by the
// channel arrives as one message with several). Returns how many were added.
size_t keep_evidence(ReportDraft& draft, const std::vector<std::string>& media, size_t max_evidence) {
  size_t added = 0;
  for (const auto& ref : media) {
    if (draft.evidence.size() >= max_evidence) break;
    draft.evidence.push_back(ref);
    ++added;
  }
  return added;
}

}  // namespace

std::string problem_with_account(const std::string& text, size_t max_length) {
  auto content = std::string(trim(text));
  if (content.empty()) return "Jawabannya masih kosong.";
  if (utf8_length(content) > max_length) {
    return "Terlalu panjang (lebih dari " + std::to_string(max_length) + " karakter). Mohon diringkas.";
  }
  if (!knowledge::valid_utf8(content)) return "Teksnya tidak bisa dibaca. Mohon ketik ulang.";
  size_t letters = 0, words_with_letters = 0;
  for (const auto& word : knowledge::split_words(content)) {
    size_t word_letters = static_cast<size_t>(std::count_if(word.text.begin(), word.text.end(), ::isalpha));
    letters += word_letters;
    if (word_letters >= 2) ++words_with_letters;
  }
  if (words_with_letters < 3 || letters < 10) {
    return "Ceritanya terlalu singkat untuk ditindaklanjuti. Mohon tulis beberapa kata: siapa, melakukan apa.";
  }
  return "";
}

std::string_view to_string(ReportStep step) {
  switch (step) {
    case ReportStep::what: return "what";
    case ReportStep::who_role: return "who_role";
    case ReportStep::who_name: return "who_name";
    case ReportStep::where: return "where";
    case ReportStep::when: return "when";
    case ReportStep::evidence: return "evidence";
    case ReportStep::confirm: return "confirm";
  }
  return "what";
}

std::optional<ReportStep> parse_report_step(std::string_view label) {
  for (int value = 0; value <= static_cast<int>(ReportStep::confirm); ++value) {
    if (to_string(static_cast<ReportStep>(value)) == label) return static_cast<ReportStep>(value);
  }
  return std::nullopt;
}

nlohmann::json to_json(const ReportSession& s) {
  const auto& d = s.draft;
  return {{"step", std::string(to_string(s.step))},
          {"draft",
           {{"what", d.what}, {"category", d.category}, {"subject_role", d.subject_role},
            {"subject_name", d.subject_name}, {"desa", d.desa}, {"kecamatan", d.kecamatan},
            {"kabupaten", d.kabupaten}, {"when", d.when}, {"evidence", d.evidence}, {"channel", d.channel},
            {"submission_id", d.submission_id}}}};
}

ReportSession report_session_from_json(const nlohmann::json& json) {
  ReportSession s;
  // A session saved by an older version, or damaged, restarts at the first step rather than failing.
  s.step = parse_report_step(json.value("step", "what")).value_or(ReportStep::what);
  auto d = json.value("draft", nlohmann::json::object());
  s.draft.what = d.value("what", "");
  s.draft.category = d.value("category", "");
  s.draft.subject_role = d.value("subject_role", "");
  s.draft.subject_name = d.value("subject_name", "");
  s.draft.desa = d.value("desa", "");
  s.draft.kecamatan = d.value("kecamatan", "");
  s.draft.kabupaten = d.value("kabupaten", "");
  s.draft.when = d.value("when", "");
  s.draft.evidence = d.value("evidence", std::vector<std::string>{});
  s.draft.channel = d.value("channel", "");
  s.draft.submission_id = d.value("submission_id", "");
  return s;
}

ReportFlow::ReportFlow(const Reader& reader, const Composer& composer, ReportDesk& reports, Store& store,
                       const ConversationLimits& limits, const MediaFetcher* media)
    : reader_(reader),
      composer_(composer),
      reports_(reports),
      store_(store),
      limits_(limits),
      media_(media),
      categories_(reader.analyzer()) {}

FlowOutcome ReportFlow::ask(const ReportSession& session, const std::string& prefix) const {
  Reply reply;
  ReportStep step = session.step;
  if (step == ReportStep::what) {
    reply.text = "Ceritakan apa yang terjadi: siapa melakukan apa? (ketik batal kapan saja untuk membatalkan)";
  } else if (step == ReportStep::who_role) {
    reply.text = "Orang yang dilaporkan itu siapa? Pilih salah satu: ASN, PPPK, Kepala desa, Perangkat desa, "
                 "atau Lainnya.";
    reply.choices = role_choices();
  } else if (step == ReportStep::who_name) {
    reply.text = "Jika mau, tulis nama atau jabatannya (misalnya \"Kepala Desa Sukorejo\"). Ketik lewati bila "
                 "tidak ingin menyebutkan.";
    reply.choices = {{"report:lewati", "Lewati"}};
  } else if (step == ReportStep::where) {
    reply.text = "Di mana kejadiannya? Tulis desa/kelurahan, kecamatan, kabupaten/kota, dipisah koma. Contoh: "
                 "Desa Sukorejo, Kec. Karangrejo, Kab. Magetan";
  } else if (step == ReportStep::when) {
    reply.text = "Kapan kejadiannya? (misalnya: kemarin sore, 12 Februari 2024 pukul 10.00)";
  } else if (step == ReportStep::evidence) {
    reply.text = "Ada bukti? Kirim foto, dokumen, atau tautan (boleh lebih dari satu, paling banyak " +
                 std::to_string(limits_.max_evidence) + "). Ketik selesai bila sudah, atau lewati bila tidak ada.";
    reply.choices = {{"report:selesai", "Selesai"}, {"report:lewati", "Tidak ada bukti"}};
  } else {
    reply.text = summary(session.draft) + "\n\n" + kAnonymityNotice +
                 "\n\nKirim laporan ini? Ketik kirim untuk mengirim atau batal untuk membatalkan.";
    reply.choices = {{"report:kirim", "Kirim"}, {"report:batal", "Batal"}};
  }
  if (!prefix.empty()) reply.text = prefix + "\n" + reply.text;
  return {{reply}, false};
}

std::string ReportFlow::summary(const ReportDraft& d) const {
  std::string place = d.desa;
  for (const auto* part : {&d.kecamatan, &d.kabupaten}) {
    if (!part->empty()) place += (place.empty() ? "" : ", ") + *part;
  }
  std::string text = "Ringkasan laporan:\n";
  text += "• Kategori: " + category_label(d.category) + "\n";
  text += "• Kejadian: " + d.what + "\n";
  text += "• Terlapor: " + role_label(d.subject_role) + (d.subject_name.empty() ? "" : " — " + d.subject_name) + "\n";
  text += "• Tempat: " + place + "\n";
  text += "• Waktu: " + d.when + "\n";
  text += "• Bukti: " + (d.evidence.empty() ? std::string("tidak ada") : std::to_string(d.evidence.size()) + " berkas/tautan");
  return text;
}

FlowOutcome ReportFlow::start(ReportSession& session, const InboundMessage& opening, const std::string& account,
                              const std::string& reported_role) {
  session = ReportSession{};
  session.step = ReportStep::what;
  session.draft.channel = opening.channel;
  session.draft.submission_id = random_hex(16);
  if (store_.daily_counter(opening.sender_key, "reports") >= limits_.reports_per_day) {
    return {{Reply{"Maaf, batas laporan harian dari akun ini sudah tercapai. Silakan coba lagi besok, atau laporkan "
                   "langsung ke Bawaslu setempat.",
                   menu_choices(composer_)}},
            true};
  }
  keep_evidence(session.draft, attached_media(opening), limits_.max_evidence);
  std::string intro =
      "Baik, kita buat laporan anonim. Saya akan bertanya satu per satu; ketik batal kapan saja untuk membatalkan.";
  if (!account.empty() && problem_with_account(account, limits_.max_what_length).empty()) {
    auto outcome = accept_what(session, account);
    // The story named who it was ("camat kami …"): no need to ask the role again.
    if (reported_role == "asn" || reported_role == "pppk" || reported_role == "kades" || reported_role == "perangkat") {
      session.draft.subject_role = reported_role;
      session.step = ReportStep::who_name;
      outcome = ask(session, "Tercatat. Kategori sementara: " + category_label(session.draft.category) + ".");
    }
    outcome.replies.front().text = intro + "\n\n" + outcome.replies.front().text;
    return outcome;
  }
  auto outcome = ask(session);
  outcome.replies.front().text = intro + "\n\n" + outcome.replies.front().text;
  return outcome;
}

FlowOutcome ReportFlow::accept_what(ReportSession& session, const std::string& text) {
  if (auto problem = problem_with_account(text, limits_.max_what_length); !problem.empty()) {
    return ask(session, problem);
  }
  session.draft.what = std::string(trim(text));
  session.draft.category = categories_.guess(session.draft.what);
  // The account often already says who it was ("kades X …"); still ask, offering the buttons.
  session.step = ReportStep::who_role;
  return ask(session, "Tercatat. Kategori sementara: " + category_label(session.draft.category) + ".");
}

FlowOutcome ReportFlow::accept_role(ReportSession& session, const InboundMessage& message) {
  std::string text = lower(std::string(trim(message.text)));
  std::string role;
  if (text.rfind("role:", 0) == 0) {
    role = text.substr(5);
  } else if (text == "1") role = "asn";
  else if (text == "2") role = "pppk";
  else if (text == "3") role = "kades";
  else if (text == "4") role = "perangkat";
  else if (text == "5" || is_one_of(text, {"lainnya", "lain", "lain-lain", "warga", "tidak tahu", "gak tau"})) {
    role = "lainnya";
  } else if (auto detected = reader_.role_named(text)) {
    auto audience = std::string(knowledge::audience_of(*detected));
    role = audience == "citizen" || audience.empty() ? "lainnya" : audience;
  }
  if (role != "asn" && role != "pppk" && role != "kades" && role != "perangkat" && role != "lainnya") {
    return ask(session, "Maaf, pilihan itu tidak saya kenali.");
  }
  session.draft.subject_role = role;
  session.step = ReportStep::who_name;
  return ask(session);
}

FlowOutcome ReportFlow::accept_where(ReportSession& session, const std::string& text) {
  if (auto problem = problem_with_account(text, limits_.max_field_length); problem.rfind("Terlalu panjang", 0) == 0) {
    return ask(session, problem);
  }
  if (!parse_place(text, session.draft)) {
    return ask(session, "Mohon sebutkan paling tidak desa/kelurahan atau kecamatan, dan kabupaten/kotanya.");
  }
  session.step = ReportStep::when;
  return ask(session);
}

FlowOutcome ReportFlow::accept_evidence(ReportSession& session, const InboundMessage& message) {
  std::string text = std::string(trim(message.text));
  bool done = is_one_of(text, {"selesai", "lewati", "tidak ada", "gak ada", "ga ada", "tidak", "skip", "sudah",
                               "report:selesai", "report:lewati"});
  bool added = keep_evidence(session.draft, attached_media(message), limits_.max_evidence) > 0;
  for (const auto& link : links_in(text)) {
    if (session.draft.evidence.size() >= limits_.max_evidence) break;
    if (link.size() <= limits_.max_field_length) {
      session.draft.evidence.push_back(link);
      added = true;
    }
  }
  if (done || session.draft.evidence.size() >= limits_.max_evidence) {
    session.step = ReportStep::confirm;
    return ask(session);
  }
  if (added) {
    return {{Reply{"Bukti diterima (" + std::to_string(session.draft.evidence.size()) +
                       "). Kirim lagi, atau ketik selesai.",
                   {{"report:selesai", "Selesai"}}}},
            false};
  }
  return ask(session, "Yang saya terima bukan foto, dokumen, atau tautan.");
}

Reply ReportFlow::receipt_reply(const std::string& code, const std::vector<EvidenceFile>& evidence) const {
  std::string note;
  auto failed = [](const EvidenceFile& file) { return file.problem != EvidenceProblem::none; };
  if (auto first = std::find_if(evidence.begin(), evidence.end(), failed); first != evidence.end()) {
    note = "\n\nCatatan: " + std::to_string(std::count_if(evidence.begin(), evidence.end(), failed)) + " dari " +
           std::to_string(evidence.size()) + " foto/dokumen tidak dapat disimpan (" +
           evidence_problem_text(first->problem) + "). Laporan tetap terkirim.";
  }
  return Reply{"✅ Laporan terkirim. Kode tanda terima Anda:\n" + code +
                   "\n\nSimpan kode ini. Untuk melihat perkembangan, kirim: cek " + code + note + "\n\n" +
                   kAfterFiling,
               menu_choices(composer_)};
}

FlowOutcome ReportFlow::confirm(ReportSession& session, const InboundMessage& message) {
  if (!is_one_of(message.text, {"kirim", "ya", "ok", "oke", "setuju", "report:kirim", "y"})) {
    return ask(session, "Ketik kirim untuk mengirim laporan, atau batal untuk membatalkan.");
  }
  // Sent again after a failure that followed the filing (the chat could not save its state): the same receipt,
  // neither refused by the daily limit nor counted twice.
  if (auto earlier = reports_.filed_code(session.draft.submission_id)) return {{receipt_reply(*earlier)}, true};
  if (store_.daily_counter(message.sender_key, "reports") >= limits_.reports_per_day) {
    return {{Reply{"Maaf, batas laporan harian dari akun ini sudah tercapai. Laporan tidak dikirim.", menu_choices(composer_)}},
            true};
  }
  // The platforms' media ids expire (WhatsApp's within weeks): the files are fetched now and stored with the
  // report, in the same commit.
  auto evidence = collect_evidence(session.draft.evidence, media_, limits_.evidence);
  std::string code = reports_.file(session.draft, evidence);
  // Counted only once filed, so an attempt that failed (storage busy) does not use up the day's allowance.
  store_.bump_daily_counter(message.sender_key, "reports");
  return {{receipt_reply(code, evidence)}, true};
}

FlowOutcome ReportFlow::handle(ReportSession& session, const InboundMessage& message) {
  ReportStep step = session.step;
  // Media sent before the evidence step is kept as evidence all the same.
  if (step != ReportStep::evidence && keep_evidence(session.draft, attached_media(message), limits_.max_evidence) > 0) {
    if (trim(message.text).empty()) return ask(session, "Foto/dokumen disimpan sebagai bukti.");
  }
  if (step == ReportStep::what) return accept_what(session, message.text);
  if (step == ReportStep::who_role) return accept_role(session, message);
  if (step == ReportStep::who_name) {
    std::string text = std::string(trim(message.text));
    if (is_one_of(text, {"lewati", "report:lewati", "-", "tidak", "tidak tahu", "gak tau", "skip"})) text.clear();
    if (utf8_length(text) > 200) return ask(session, "Terlalu panjang (lebih dari 200 karakter).");
    session.draft.subject_name = text;
    session.step = ReportStep::where;
    return ask(session);
  }
  if (step == ReportStep::where) return accept_where(session, message.text);
  if (step == ReportStep::when) {
    std::string text = std::string(trim(message.text));
    if (text.empty() || knowledge::split_words(text).empty()) return ask(session, "Waktunya masih kosong.");
    if (utf8_length(text) > 200) return ask(session, "Terlalu panjang (lebih dari 200 karakter).");
    session.draft.when = text;
    session.step = ReportStep::evidence;
    return ask(session);
  }
  if (step == ReportStep::evidence) return accept_evidence(session, message);
  return confirm(session, message);
}

}  // namespace netra::bot
