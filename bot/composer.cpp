#include "bot/composer.h"

#include <algorithm>
#include <cctype>

#include "knowledge/strings.h"
#include "knowledge/utf8.h"

namespace netra::bot {
namespace {

using knowledge::ArticleRef;
using knowledge::Entry;
using knowledge::EntryKind;

// At most this many citations are returned, best first.
constexpr size_t kMaxCitations = 4;
// Supporting articles from other hits must cover at least this share of the question.
constexpr double kSupportCoverage = 0.35;
constexpr size_t kExcerptLength = 220;
// The reply's "Dasar:" names at most this many of the entry's own articles.
constexpr size_t kMaxBasis = 3;

// Cuts at a word boundary and marks the cut.
std::string excerpt_of(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) cut = limit;
  return text.substr(0, knowledge::utf8_boundary_before(text, cut)) + "…";
}

bool same_ref(const Citation& a, const ArticleRef& b) {
  return a.source == b.source && a.pasal == b.pasal && a.ayat == b.ayat;
}

// Whether the entry cites both articles (an ayat left out stands for every ayat).
bool cites_both(const Entry& entry, const ArticleRef& first, const ArticleRef& second) {
  auto cited = [&](const ArticleRef& ref) {
    return std::any_of(entry.cites.begin(), entry.cites.end(), [&](const ArticleRef& own) {
      return knowledge::covers(own, ref) || knowledge::covers(ref, own);
    });
  };
  return cited(first) && cited(second);
}

}  // namespace

void Composer::word(const Wording& wording, const Reading& reading, Answer& answer) const {
  if (!wording.reply.empty()) {
    answer.text = say(wording.reply, wording.values);
    // A fixed reply that also answers a factual question ("mau lapor, kemana?"): the fact and its articles.
    if (wording.primary) {
      answer.citations = citations(*wording.primary, wording.supporting, reading);
      answer.reporting_note = explanation(*wording.primary);
      if (auto basis = basis_line(*wording.primary, answer.citations, reading); !basis.empty()) {
        answer.reporting_note += "\n\n" + basis;
      }
      answer.text += "\n\n" + answer.reporting_note;
    }
    return;
  }
  if (!wording.primary) {  // a tip no rule covers
    answer.text = say("tip.no_rule") + "\n\n" + say("tip.offer");
    return;
  }
  const Entry& primary = *wording.primary;
  answer.citations = citations(primary, wording.supporting, reading);
  std::string text;
  if (wording.tip) {
    text = say(wording.verdict == Verdict::dilarang ? "tip.dilarang" : "tip.hati-hati",
               {{"explanation", first_sentence(primary)}});
  } else {
    text = heading(wording.verdict) + " " + explanation(primary);
    if (wording.role_assumed_note) text += "\n\n" + say("note.role_assumed");
    if (wording.relative_role_note) text += "\n\n" + say("note.relative_role");
    if (wording.uncertain_note) text += "\n\n" + say("note.uncertain");
    bool writers_duty = false;
    duty_bearer(reading, writers_duty);
    if (writers_duty && !wording.relative_role_note) text += "\n\n" + say("note.writer_duty");
  }
  if (auto basis = basis_line(primary, answer.citations, reading); !basis.empty()) text += "\n\n" + basis;
  if (wording.tip) {
    answer.text = text + "\n\n" + say("tip.offer");
    return;
  }
  // An allowed act has no sanction to state (the articles it cites carry the sanctions of what they forbid).
  const Entry& sanctioned = wording.sanction_source ? *wording.sanction_source : primary;
  if (auto sanction = sanction_line(sanctioned); !sanction.empty() && wording.verdict != Verdict::boleh) {
    text += "\n" + sanction;
  }
  if (wording.report_offer) text += "\n\n" + say("report_offer");
  answer.text = std::move(text);
}

std::string Composer::say(std::string_view key, std::map<std::string, std::string> values) const {
  values.emplace("menu", knowledge_.replies().render("menu"));
  return knowledge_.replies().render(key, values);
}

std::string Composer::heading(Verdict verdict) const {
  switch (verdict) {
    case Verdict::dilarang: return say("verdict.dilarang");
    case Verdict::boleh: return say("verdict.boleh");
    case Verdict::hati_hati: return say("verdict.hati-hati");
    case Verdict::info:
    case Verdict::none: return say("verdict.info");
  }
  return say("verdict.info");
}

std::string Composer::cite_label(const ArticleRef& ref) const {
  const auto* source = knowledge_.source(ref.source);
  std::string label = source && !source->short_name.empty() ? source->short_name : ref.source;
  if (ref.pasal.rfind("lampiran-", 0) == 0) return label + " Lampiran " + knowledge::ascii_upper(ref.pasal.substr(9));
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

Citation Composer::citation_of(const ArticleRef& ref) const {
  Citation citation{ref.source, ref.pasal, ref.ayat, cite_label(ref), ""};
  if (const Entry* article = knowledge_.article(ref)) {
    citation.title = cite_label(ref) + " — " + article->title;
    citation.excerpt = excerpt_of(article->text, kExcerptLength);
  }
  return citation;
}

// Puts first what binds the subject and speaks to the election asked about, keeping the entry's order
// otherwise: an entry written for kades and perangkat alike cites UU Desa Pasal 29 (kades) before Pasal 51
// (perangkat), and one written for both elections cites UU 7/2017 (Pemilu) before UU 10/2016 (Pilkada).
void Composer::order_citations(std::vector<Citation>& citations, const Reading& reading) const {
  std::string audience = reading.audience();
  // Articles that bind only other roles go after the rest (not for citizens: what they ask about binds others). An
  // article for "asn" alone binds PNS (PP 94/2021 discipline, PP 42/2004 ethics): a PPPK hears first what names PPPK.
  if (!audience.empty() && audience != "citizen") {
    auto binds_subject = [&](const Citation& citation) {
      const Entry* article = knowledge_.article({citation.source, citation.pasal, citation.ayat});
      if (!article || article->audience.empty()) return true;
      for (const auto& who : article->audience) {
        if (who == audience || who == "all") return true;
      }
      return false;
    };
    std::stable_partition(citations.begin(), citations.end(), binds_subject);
  }
  // A village head election is governed by UU Desa and regional rules: the Pemilu and Pilkada laws go last.
  if (reading.election == Election::pilkades) {
    std::stable_partition(citations.begin(), citations.end(), [](const Citation& citation) {
      return citation.source != "uu-7-2017" && citation.source != "uu-10-2016";
    });
    return;
  }
  // The two election laws trade places: the places they hold keep holding one of them, the named election first.
  if (reading.election == Election::unnamed) return;
  const std::string first = reading.election == Election::pilkada ? "uu-10-2016" : "uu-7-2017";
  const std::string second = reading.election == Election::pilkada ? "uu-7-2017" : "uu-10-2016";
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

ArticleRef Composer::in_election_law(const ArticleRef& ref, const Reading& reading) const {
  if (reading.election != Election::pemilu && reading.election != Election::pilkada) return ref;
  // UU 10/2016 names neither BPD members nor those too young to vote: what binds them stays UU 7/2017.
  knowledge::Role role = reading.subject_role();
  if (role == knowledge::Role::bpd || role == knowledge::Role::minor) return ref;
  const char* law = reading.election == Election::pilkada ? "uu-10-2016" : "uu-7-2017";
  if (ref.source == law) return ref;
  return knowledge_.counterparts().in_source(ref, law).value_or(ref);
}

std::vector<Citation> Composer::citations(const Entry& primary, const std::vector<knowledge::RankedHit>& hits,
                                          const Reading& reading) const {
  std::vector<Citation> out;
  // Two articles of the other election's law with one counterpart are cited once. An entry that names both sides
  // of a pair compares the two elections (the reporting deadlines) and keeps both.
  auto add = [&](const ArticleRef& named) {
    ArticleRef ref = in_election_law(named, reading);
    if (cites_both(primary, named, ref)) ref = named;
    for (const auto& existing : out) {
      if (same_ref(existing, ref)) return;
    }
    out.push_back(citation_of(ref));
  };
  for (const auto& ref : primary.cites) add(ref);
  for (const auto& hit : hits) {
    const Entry& support = knowledge_.entries()[hit.entry];
    if (&support != &primary && support.kind == EntryKind::article && hit.coverage >= kSupportCoverage) {
      for (const auto& ref : support.cites) add(ref);
    }
  }
  // Ordered for the subject before the list is cut, so an article the entry names late can still come first.
  order_citations(out, reading);
  if (auto duty = missing_duty(out, reading)) {
    // It leads unless the entry's own first article binds everyone (UU 7/2017 Pasal 280 ayat 1 keeps its place).
    bool entry_first_binds_all = false;
    if (!out.empty() && !primary.cites.empty() && same_ref(out[0], primary.cites.front())) {
      const Entry* first = knowledge_.article(primary.cites.front());
      entry_first_binds_all = first && (first->audience.empty() || std::find(first->audience.begin(),
                                                                             first->audience.end(),
                                                                             "all") != first->audience.end());
    }
    out.insert(out.begin() + (entry_first_binds_all ? 1 : 0), citation_of(*duty));
  }
  if (out.size() > kMaxCitations) out.resize(kMaxCitations);
  return out;
}

knowledge::Role Composer::duty_bearer(const Reading& reading, bool& writers /* OUT */) const {
  writers = false;
  // With reading.audience() empty nobody's role is known, the subject's included.
  knowledge::Role role = reading.audience().empty() ? knowledge::Role::unknown : reading.subject_role();
  if (!knowledge_.duties().of(role).empty()) return role;
  // "anak sy bukan ASN jd relawan capres, sy PNS": someone free or unknown doing something political is answered
  // beside a bound writer, whom the answer tells not to help; the writer's duty is the article that says so. A
  // relative's vote or a neutral act needs no such word.
  const Person& writer = reading.people.front();
  bool political = std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(), [&](size_t index) {
    const ActMention& act = reading.acts[index];
    return !act.negated && act.act != Act::vote && act.toward_candidacy();
  });
  writers = reading.subject != 0 && !reading.role_assumed && knowledge::is_bound(writer.role) && political;
  return writers ? writer.role : role;
}

std::optional<ArticleRef> Composer::missing_duty(const std::vector<Citation>& citations,
                                                 const Reading& reading) const {
  bool writers_duty = false;
  knowledge::Role role = duty_bearer(reading, writers_duty);
  auto duties = knowledge_.duties().of(role);
  if (duties.empty()) return std::nullopt;
  const std::string role_name(knowledge::to_string(role));
  auto names_role = [&](const Citation& citation) {
    for (const auto& duty : duties) {
      if (citation.source == duty.source && citation.pasal == duty.pasal) return true;
    }
    // The writer's own duty is what the answer adds for them: an election-law article that lists the role among
    // many does not say it.
    if (writers_duty) return false;
    const Entry* article = knowledge_.article({citation.source, citation.pasal, citation.ayat});
    return article && std::find(article->audience.begin(), article->audience.end(), role_name) !=
                          article->audience.end();
  };
  if (std::any_of(citations.begin(), citations.end(), names_role)) return std::nullopt;
  return duties.front();
}

std::string Composer::basis_line(const Entry& primary, const std::vector<Citation>& citations,
                                 const Reading& reading) const {
  std::string articles;
  size_t count = 0;
  // The duty added (the subject's or the writer's, when it was missing and so came first) belongs to the basis as
  // the entry's own articles do.
  bool writers_duty = false;
  auto duties = knowledge_.duties().of(duty_bearer(reading, writers_duty));
  for (const auto& citation : citations) {
    auto names = [&](const ArticleRef& ref) { return same_ref(citation, ref); };
    auto names_in_election_law = [&](const ArticleRef& ref) {
      return names(ref) || names(in_election_law(ref, reading));
    };
    bool own = std::any_of(primary.cites.begin(), primary.cites.end(), names_in_election_law) ||
               (&citation - citations.data() < 2 && std::any_of(duties.begin(), duties.end(), names));
    if (!own || count == kMaxBasis) continue;
    if (count++ > 0) articles += "; ";
    articles += cite_label({citation.source, citation.pasal, citation.ayat});
  }
  return count == 0 ? "" : say("basis", {{"articles", articles}});
}

std::string Composer::sanction_line(const Entry& primary) const {
  std::string sanction = primary.sanction;
  for (size_t i = 0; sanction.empty() && i < primary.cites.size(); ++i) {
    if (const Entry* article = knowledge_.article(primary.cites[i])) sanction = article->sanction;
  }
  return sanction.empty() ? "" : say("sanction", {{"sanction", sanction}});
}

std::string Composer::explanation(const Entry& primary) const {
  std::string body = primary.kind == EntryKind::qa ? primary.answer : primary.text;
  if (primary.kind == EntryKind::summary) {
    body += "\n" + say("summary_source", {{"region", primary.region}, {"date", primary.date},
                                          {"attribution", primary.attribution}});
  }
  return body;
}

std::string Composer::first_sentence(const Entry& primary) const {
  std::string body = primary.kind == EntryKind::qa ? primary.answer : primary.text;
  for (size_t i = 0; i + 1 < body.size(); ++i) {
    // A sentence ends at ". " followed by a capital letter (not "Rp12.000.000" or "No. 2").
    if (body[i] == '.' && body[i + 1] == ' ' && i + 2 < body.size() &&
        std::isupper(static_cast<unsigned char>(body[i + 2]))) {
      return body.substr(0, i + 1);
    }
  }
  return body;
}

}  // namespace netra::bot
