#include "bot/answerer.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace netra::bot {
namespace {

using knowledge::ArticleRef;
using knowledge::Entry;
using knowledge::EntryKind;
using knowledge::Term;

// Below this confidence the best entry is too weak to answer with; the bot says it does not know.
constexpr double kAnswerThreshold = 0.40;
// At most this many citations are returned, best first.
constexpr size_t kMaxCitations = 4;
// Supporting articles from other hits must cover at least this share of the question.
constexpr double kSupportCoverage = 0.35;
constexpr size_t kExcerptLength = 220;

std::string verdict_heading(const std::string& verdict) {
  if (verdict == "dilarang") return "❌ Dilarang.";
  if (verdict == "boleh") return "✅ Boleh.";
  if (verdict == "hati-hati") return "⚠️ Hati-hati.";
  return "ℹ️ Info.";
}

// Cuts at a word boundary and marks the cut.
std::string excerpt_of(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) cut = limit;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string upper_roman(const std::string& part) {
  std::string out;
  for (char c : part) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool same_ref(const Citation& a, const ArticleRef& b) {
  return a.source == b.source && a.pasal == b.pasal && a.ayat == b.ayat;
}

}  // namespace

std::string menu_text() {
  return "Pilih yang Anda perlukan:\n"
         "1. Tanya aturan — ketik pertanyaan Anda, misalnya \"PNS boleh like postingan caleg?\"\n"
         "2. Lapor pelanggaran — ketik \"lapor\" (anonim)\n"
         "3. Cek status laporan — ketik \"status NTR-XXXX-XXXX\"";
}

std::string greeting_text() {
  return "Halo, saya Netra, asisten netralitas ASN, kepala desa dan perangkat desa dalam Pemilu dan Pilkada.\n\n" +
         menu_text();
}

std::string help_text() {
  return "Netra menjawab pertanyaan tentang apa yang boleh dan dilarang bagi ASN (PNS dan PPPK), kepala desa dan "
         "perangkat desa selama Pemilu dan Pilkada, lengkap dengan dasar hukum dan sanksinya. Netra juga menerima "
         "laporan pelanggaran secara anonim.\n\n" +
         menu_text();
}

std::string not_found_text() {
  return "Maaf, saya belum menemukan aturan yang menjawab pertanyaan itu dengan pasti, jadi saya tidak mau menebak. "
         "Coba tulis ulang dengan kata lain (misalnya siapa Anda dan kegiatan apa yang dimaksud), atau tanyakan "
         "langsung ke Bawaslu atau BKD setempat.\n\n" +
         menu_text();
}

std::string out_of_scope_text() {
  return "Maaf, Netra hanya menjawab soal netralitas ASN, kepala desa dan perangkat desa dalam Pemilu dan Pilkada, "
         "serta menerima laporan pelanggarannya.\n\n" +
         menu_text();
}

std::string no_recommendation_text() {
  return "Netra netral dan tidak menyarankan calon, pasangan calon, atau partai mana pun. Pilihan sepenuhnya hak "
         "Anda dan bersifat rahasia: kenali visi, misi, program, dan rekam jejak setiap calon dari sumber resmi "
         "seperti KPU, lalu gunakan hak pilih Anda di TPS. Netra bisa membantu soal aturan netralitas ASN, kepala "
         "desa dan perangkat desa, atau menerima laporan pelanggaran.\n\n" +
         menu_text();
}

Answerer::Answerer(const knowledge::KnowledgeBase& knowledge, size_t cache_entries)
    : knowledge_(knowledge),
      retriever_(knowledge),
      intents_(knowledge.analyzer()),
      audiences_(knowledge.analyzer()),
      cache_(std::make_unique<AnswerCache>(cache_entries)) {}

std::string Answerer::cite_label(const ArticleRef& ref) const {
  const auto* source = knowledge_.source(ref.source);
  std::string label = source && !source->short_name.empty() ? source->short_name : ref.source;
  if (ref.pasal.rfind("lampiran-", 0) == 0) return label + " Lampiran " + upper_roman(ref.pasal.substr(9));
  // A part named in words is no "Pasal": a court decision's ruling (`amar`), or a part whose article number the
  // fact sheet does not give (`syarat-calon`).
  if (!ref.pasal.empty() && !std::isdigit(static_cast<unsigned char>(ref.pasal.front()))) {
    std::string part = ref.pasal;
    std::replace(part.begin(), part.end(), '-', ' ');
    return label + " (" + part + ")";
  }
  label += " Pasal " + ref.pasal;
  if (!ref.ayat.empty()) label += " ayat (" + ref.ayat + ")";
  return label;
}

// Puts first what binds the asker and speaks to the election asked about, keeping the entry's order otherwise:
// an entry written for kades and perangkat alike cites UU Desa Pasal 29 (kades) before Pasal 51 (perangkat), and
// one written for both elections cites UU 7/2017 (Pemilu) before UU 10/2016 (Pilkada).
void Answerer::order_citations(std::vector<Citation>& citations, const std::vector<Term>& words,
                               const std::string& audience) const {
  // Articles that bind only other roles go after the rest (not for citizens: what they ask about binds others).
  if (!audience.empty() && audience != "citizen") {
    auto binds_asker = [&](const Citation& citation) {
      const Entry* article = knowledge_.article({citation.source, citation.pasal, citation.ayat});
      if (!article || article->audience.empty()) return true;
      for (const auto& who : article->audience) {
        if (who == audience || who == "all" || (audience == "pppk" && who == "asn")) return true;
      }
      return false;
    };
    std::stable_partition(citations.begin(), citations.end(), binds_asker);
  }
  // The two election laws trade places: the places they hold keep holding one of them, the named election first.
  Election election = intents_.election_named(words);
  if (election == Election::unnamed) return;
  const std::string first = election == Election::pilkada ? "uu-10-2016" : "uu-7-2017";
  const std::string second = election == Election::pilkada ? "uu-7-2017" : "uu-10-2016";
  std::vector<size_t> places;
  std::vector<Citation> election_citations;
  for (size_t i = 0; i < citations.size(); ++i) {
    if (citations[i].source == first || citations[i].source == second) {
      places.push_back(i);
      election_citations.push_back(citations[i]);
    }
  }
  std::stable_partition(election_citations.begin(), election_citations.end(),
                        [&](const Citation& citation) { return citation.source == first; });
  for (size_t k = 0; k < places.size(); ++k) citations[places[k]] = std::move(election_citations[k]);
}

Citation Answerer::citation_of(const ArticleRef& ref) const {
  Citation citation{ref.source, ref.pasal, ref.ayat, cite_label(ref), ""};
  if (const Entry* article = knowledge_.article(ref)) {
    citation.title = cite_label(ref) + " — " + article->title;
    citation.excerpt = excerpt_of(article->text, kExcerptLength);
    // A citation without an ayat names the whole article; one with an ayat the corpus lacks keeps it as given.
  }
  return citation;
}

std::string Answerer::audience_of(const std::vector<Term>& words, const std::optional<std::string>& role) const {
  if (role && is_known_role(*role)) return *role;
  if (auto detected = audiences_.detect(words)) return *detected;
  return "";
}

knowledge::RetrievalRequest Answerer::request_for(const std::string& message, const std::vector<Term>& words,
                                                  const std::string& audience) const {
  knowledge::RetrievalRequest request;
  for (const auto& word : words) {
    auto term = knowledge_.analyzer().term_of(word.text);
    if (!term.empty()) request.terms.push_back(std::move(term));
  }
  // Netra's first audience is ASN: a message that names nobody is ranked as an ASN's question.
  request.audience = audience.empty() ? "asn" : audience;
  request.audience_named = !audience.empty();
  request.prefers_info = intents_.asks_for_info(words);
  request.prefers_verdict = intents_.asks_for_verdict(words);
  request.focus_terms = intents_.reporting_terms(message, words);
  return request;
}

std::vector<knowledge::RankedHit> Answerer::explain(const std::string& message,
                                                    const std::optional<std::string>& role) const {
  auto words = knowledge_.analyzer().normalize(message);
  return retriever_.retrieve(request_for(message, words, audience_of(words, role)));
}

Answer Answerer::answer(const std::string& message, const std::optional<std::string>& role) const {
  auto words = knowledge_.analyzer().normalize(message);
  std::string audience = audience_of(words, role);

  auto reading = intents_.classify(message, words);
  Answer answer;
  answer.intent = reading.intent;
  answer.audience = audience;
  switch (reading.intent) {
    case Intent::status:
      answer.receipt_code = reading.receipt_code;
      answer.text = reading.receipt_code.empty()
                        ? "Kirim kode tanda terima laporan Anda, misalnya: status NTR-XXXX-XXXX"
                        : "Status laporan " + reading.receipt_code + " bisa dicek lewat chat Netra.";
      answer.confidence = 1.0;
      return answer;
    case Intent::report:
      answer.text =
          "Terima kasih sudah mau melapor. Laporan di Netra bersifat anonim: kami tidak menyimpan nomor, nama "
          "atau akun Anda. Ketik \"lapor\" di chat untuk mulai, dan ceritakan apa yang terjadi.";
      answer.confidence = 0.9;
      return answer;
    case Intent::greeting:
      answer.text = greeting_text();
      answer.confidence = 1.0;
      return answer;
    case Intent::help:
      answer.text = help_text();
      answer.confidence = 1.0;
      return answer;
    case Intent::out_of_scope:
      // Only a request for a recommendation is read as out of scope before retrieval.
      answer.text = no_recommendation_text();
      answer.confidence = 1.0;
      return answer;
    case Intent::question:
      break;
  }
  // An answer to a question depends only on the audience, the normalised words (not on case or spelling variants
  // the slang map folds) and whether the message asks (a "?" is punctuation, not a word, but it tells a question
  // about reporting from a report), so that is the cache key. answer_question must read nothing else.
  std::string key = audience + (intents_.asks(message, words) ? "?" : ".");
  for (const auto& word : words) {
    key += ' ';
    key += word.text;
  }
  if (auto cached = cache_->find(key)) return *std::move(cached);
  answer = answer_question(message, words, audience);
  cache_->store(key, answer);
  return answer;
}

Answer Answerer::answer_question(const std::string& message, const std::vector<Term>& words,
                                 const std::string& audience) const {
  const auto& analyzer = knowledge_.analyzer();
  bool in_domain = analyzer.mentions_domain(analyzer.analyze(message));

  Answer answer;
  answer.intent = Intent::question;
  answer.audience = audience;
  auto hits = retriever_.retrieve(request_for(message, words, audience));

  double confidence = 0;
  if (!hits.empty()) {
    const auto& top = hits.front();
    double margin = hits.size() > 1 ? top.score - hits[1].score : top.score;
    confidence = std::clamp(0.2 + 0.7 * top.coverage + 0.5 * margin, 0.0, 0.99);
    if (!in_domain) confidence *= 0.5;
  }
  if (hits.empty() || confidence < kAnswerThreshold) {
    answer.intent = in_domain ? Intent::question : Intent::out_of_scope;
    answer.verdict = "none";
    answer.text = in_domain ? not_found_text() : out_of_scope_text();
    answer.confidence = std::min(confidence, 0.3);
    return answer;
  }

  const Entry& primary = knowledge_.entries()[hits.front().entry];
  answer.entry_id = primary.id;
  answer.confidence = confidence;
  answer.verdict = primary.verdict.empty() ? "info" : primary.verdict;

  // Citations: the primary entry's own, then articles other strong hits rest on; ordered for the asker before
  // the list is cut, so an article the entry names late can still come first.
  auto add_citation = [&](const ArticleRef& ref) {
    for (const auto& existing : answer.citations) {
      if (same_ref(existing, ref)) return;
    }
    answer.citations.push_back(citation_of(ref));
  };
  for (const auto& ref : primary.cites) add_citation(ref);
  for (size_t i = 1; i < hits.size(); ++i) {
    const Entry& support = knowledge_.entries()[hits[i].entry];
    if (support.kind == EntryKind::article && hits[i].coverage >= kSupportCoverage) {
      for (const auto& ref : support.cites) add_citation(ref);
    }
  }

  order_citations(answer.citations, words, audience);
  if (answer.citations.size() > kMaxCitations) answer.citations.resize(kMaxCitations);

  std::string body = primary.kind == EntryKind::qa ? primary.answer : primary.text;
  std::string text = verdict_heading(answer.verdict) + " " + body;
  if (primary.kind == EntryKind::summary) {
    text += "\n(Sosialisasi " + primary.region + ", " + primary.date + "; " + primary.attribution + ")";
  }
  // The entry's own citations, in the order the reply gives them.
  std::vector<std::string> basis;
  for (const auto& citation : answer.citations) {
    bool own = std::any_of(primary.cites.begin(), primary.cites.end(),
                           [&](const ArticleRef& ref) { return same_ref(citation, ref); });
    if (own && basis.size() < 3) basis.push_back(cite_label({citation.source, citation.pasal, citation.ayat}));
  }
  if (!basis.empty()) {
    text += "\n\nDasar: ";
    for (size_t i = 0; i < basis.size(); ++i) {
      if (i > 0) text += "; ";
      text += basis[i];
    }
    text += ".";
  }
  std::string sanction = primary.sanction;
  if (sanction.empty()) {
    for (const auto& ref : primary.cites) {
      if (const Entry* article = knowledge_.article(ref); article && !article->sanction.empty()) {
        sanction = article->sanction;
        break;
      }
    }
  }
  if (!sanction.empty()) text += "\nSanksi: " + sanction;
  answer.text = text;
  return answer;
}

}  // namespace netra::bot
