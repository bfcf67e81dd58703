#include "bot/answerer.h"

#include <algorithm>

#include "knowledge/strings.h"

namespace netra::bot {
namespace {

using knowledge::Entry;
using knowledge::EntryKind;

// Below this confidence the best retrieved entry is too weak to answer with; the bot says it does not know.
constexpr double kAnswerThreshold = 0.40;
// How many ranked candidates the answerer looks through for a rule's entries, and how many of them may lend
// their articles to the citations.
constexpr size_t kCandidateHits = 40;
constexpr size_t kSupportingHits = 8;
// Confidence of an answer decided by a rule: its explanation ranked among the first candidates, or not.
constexpr double kRuleConfidenceRanked = 0.8;
constexpr double kRuleConfidenceUnranked = 0.6;
constexpr size_t kRankedReach = 5;

// The subject tells deeds and denies every one ("sy ga ngacungin jari, ga senyum ke kamera", "fotonya diupload
// akun timses"): an entry retrieved for the deed judges what they did not do.
bool denies_every_deed(const Reading& reading) {
  bool told = false;
  for (const auto& act : reading.acts) {
    if (act.person != reading.subject) continue;
    if (!act.negated) return false;
    told = true;
  }
  return told;
}

std::vector<knowledge::RankedHit> first(const std::vector<knowledge::RankedHit>& hits, size_t count) {
  return {hits.begin(), hits.begin() + static_cast<long>(std::min(count, hits.size()))};
}

}  // namespace

std::optional<Role> parse_contract_role(const std::string& role) {
  if (role == "asn") return Role::asn;
  if (role == "pppk") return Role::pppk;
  if (role == "kades") return Role::kades;
  if (role == "perangkat") return Role::perangkat;
  if (role == "citizen") return Role::citizen;
  return std::nullopt;
}

Answerer::Answerer(const knowledge::KnowledgeBase& knowledge, size_t cache_entries)
    : knowledge_(knowledge),
      retriever_(knowledge),
      reader_(knowledge.analyzer()),
      rules_(knowledge.rules()),
      composer_(knowledge),
      cache_(std::make_unique<AnswerCache>(cache_entries)) {}

Reading Answerer::read(const std::string& message, const std::optional<std::string>& role) const {
  return reader_.read(message, role ? parse_contract_role(*role) : std::nullopt);
}

Answer Answerer::answer(const std::string& message, const std::optional<std::string>& role) const {
  return answer(read(message, role));
}

Answer Answerer::answer(const Reading& reading) const {
  if (reading.speech_act != SpeechAct::question && reading.speech_act != SpeechAct::tip) {
    return answer_uncached(reading);
  }
  // An answer is a function of the cleaned text (case aside) and the role the caller gave: that is the key.
  std::string key = reading.role_given ? std::string(knowledge::to_string(reading.people[0].role)) : "";
  key += '|';
  key += knowledge::ascii_lower(reading.text);
  if (auto cached = cache_->find(key)) return *std::move(cached);
  Answer answer = answer_uncached(reading);
  cache_->store(key, answer);
  return answer;
}

Answer Answerer::answer_uncached(const Reading& reading) const {
  AnswerPlan plan;
  switch (reading.speech_act) {
    case SpeechAct::tip: plan = decide_tip(reading); break;
    case SpeechAct::question: plan = decide_question(reading); break;
    default: plan = decide_fixed_reply(reading); break;
  }
  composer_.word(plan.wording, reading, plan.answer);
  return std::move(plan.answer);
}

AnswerPlan Answerer::decide_fixed_reply(const Reading& reading) const {
  AnswerPlan plan;
  Answer& answer = plan.answer;
  answer.speech_act = reading.speech_act;
  answer.intent = intent_of(reading.speech_act);
  answer.audience = reading.audience();
  answer.confidence = 1.0;
  std::string& reply = plan.wording.reply;
  switch (reading.speech_act) {
    case SpeechAct::status:
      answer.receipt_code = reading.receipt_code;
      reply = reading.receipt_code.empty() ? "status_prompt" : "status_pointer";
      if (!reading.receipt_code.empty()) plan.wording.values = {{"code", reading.receipt_code}};
      break;
    case SpeechAct::report_request:
      reply = "report_pointer";
      answer.account = reading.account;
      answer.confidence = 0.9;
      // "… sy mau lapor kemana?": the report flow answers the wish; where, how and by when is answered beside it.
      if (reading.focus == QuestionFocus::procedure || reading.focus == QuestionFocus::deadline) {
        // Ranked on the asking sentence alone: the story before it is the report's, not the question's.
        knowledge::RetrievalRequest request = request_for(reading);
        request.terms.clear();
        for (const auto& token : reading.tokens) {
          if (token.sentence != reading.focus_sentence) continue;
          if (!token.term.empty()) request.terms.push_back(token.term);
        }
        auto hits = retriever_.retrieve(request);
        plan.wording.primary = retrieved_entry(reading, hits, kAnswerThreshold);
        bool factual = plan.wording.primary && knowledge::parse_verdict(plan.wording.primary->verdict) == Verdict::info;
        if (!factual) plan.wording.primary = nullptr;
        plan.wording.supporting = first(hits, kSupportingHits);
      }
      break;
    case SpeechAct::greeting: reply = "greeting"; break;
    case SpeechAct::thanks: reply = "thanks"; break;
    case SpeechAct::acknowledgement: reply = "acknowledgement"; break;
    case SpeechAct::small_talk: reply = "small_talk"; break;
    case SpeechAct::help: reply = "help"; break;
    case SpeechAct::out_of_scope:
      reply = reading.recommendation_request ? "no_recommendation" : "out_of_scope";
      // Declining to recommend is certain; a subject outside Netra's is something nothing answers.
      if (!reading.recommendation_request) answer.confidence = 0.1;
      break;
    case SpeechAct::tip:
    case SpeechAct::question: break;  // decided by decide_tip and decide_question
  }
  return plan;
}

knowledge::RetrievalRequest Answerer::request_for(const Reading& reading) const {
  knowledge::RetrievalRequest request;
  request.terms = reading.terms;
  std::string audience = reading.audience();
  // Netra's first audience is ASN: a message that names nobody is ranked as an ASN's question.
  request.audience = audience.empty() ? "asn" : audience;
  request.audience_named = !audience.empty();
  request.prefers_info = reading.focus != QuestionFocus::verdict;
  request.prefers_verdict = reading.asks_whether_allowed;
  // A question about reporting ("caranya ngelaporin … gmn?") is about reporting, however much of the message
  // describes the violation.
  bool about_reporting = reading.asks && std::any_of(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
                           return act.act == Act::report && !act.negated;
                         });
  if (about_reporting) request.focus_terms.push_back(knowledge_.analyzer().term_of("lapor"));
  request.limit = kCandidateHits;
  return request;
}

const Entry* Answerer::rule_entry(const Decision& decision, const std::vector<knowledge::RankedHit>& hits) const {
  for (const auto& hit : hits) {
    const Entry& entry = knowledge_.entries()[hit.entry];
    if (std::find(decision.entries.begin(), decision.entries.end(), entry.id) != decision.entries.end()) return &entry;
  }
  for (const auto& id : decision.entries) {
    if (const Entry* entry = knowledge_.entry(id)) return entry;
  }
  return nullptr;
}

void Answerer::explain_with(AnswerPlan& plan, const Entry& primary, const std::vector<knowledge::RankedHit>& hits,
                            const Reading& reading, const Decision& decision) const {
  plan.answer.entry_id = primary.id;
  plan.answer.verdict = decision.verdict;
  Wording& wording = plan.wording;
  wording.primary = &primary;
  wording.supporting = first(hits, kSupportingHits);
  wording.verdict = decision.verdict;
  const Person& subject = reading.subject_person();
  if (decision.depends_on_role && reading.role_assumed) {
    plan.answer.clarify_role = true;
    wording.role_assumed_note = true;
  } else if (decision.depends_on_role && subject.kind != Person::Kind::asker) {
    wording.relative_role_note = true;
  }
  wording.uncertain_note = decision.downgraded;
  if (!decision.sanction_entry.empty()) wording.sanction_source = knowledge_.entry(decision.sanction_entry);
}

const Entry* Answerer::retrieved_entry(const Reading& reading, const std::vector<knowledge::RankedHit>& hits,
                                       double confidence) const {
  if (hits.empty() || confidence < kAnswerThreshold) return nullptr;
  const Entry* primary = &knowledge_.entries()[hits.front().entry];
  // "hukuman disiplin berat itu apa aja?": a message that asks for a fact is answered by the best-ranked
  // factual entry near the top, not by a neighbour's verdict.
  if (reading.focus != QuestionFocus::verdict) {
    size_t reach = std::min(kRankedReach, hits.size());
    for (size_t i = 0; i < reach; ++i) {
      const Entry& candidate = knowledge_.entries()[hits[i].entry];
      if (candidate.verdict == "info") return &candidate;
    }
  }
  return primary;
}

const Entry* Answerer::cautious_entry(const Reading& reading, const std::vector<knowledge::RankedHit>& hits) const {
  const Person& subject = reading.subject_person();
  bool political = !reading.asked_acts.empty() || in_domain(reading);
  if (!knowledge::is_bound(subject.role) || !political || reading.focus != QuestionFocus::verdict) return nullptr;
  size_t reach = std::min(kRankedReach, hits.size());
  for (size_t i = 0; i < reach; ++i) {
    const Entry& candidate = knowledge_.entries()[hits[i].entry];
    if (candidate.verdict == "dilarang" || candidate.verdict == "hati-hati") return &candidate;
  }
  return nullptr;
}

double Answerer::retrieval_confidence(const Reading& reading, const std::vector<knowledge::RankedHit>& hits) const {
  if (hits.empty()) return 0;
  const auto& top = hits.front();
  double margin = hits.size() > 1 ? top.score - hits[1].score : top.score;
  double confidence = std::clamp(0.2 + 0.7 * top.coverage + 0.5 * margin, 0.0, 0.99);
  return in_domain(reading) ? confidence : confidence * 0.5;
}

bool Answerer::in_domain(const Reading& reading) const {
  // "hukuman disiplin berat PNS itu apa aja?": the sanctions of someone bound by neutrality are Netra's to tell,
  // though "hukuman" and "PNS" alone are too common to count as election words (data/domain.txt).
  bool bound_sanction = reading.focus == QuestionFocus::sanction && knowledge::is_bound(reading.subject_role());
  return knowledge_.analyzer().mentions_domain(reading.terms) || !reading.acts.empty() || bound_sanction;
}

AnswerPlan Answerer::decide_question(const Reading& reading) const {
  AnswerPlan plan;
  Answer& answer = plan.answer;
  answer.speech_act = SpeechAct::question;
  answer.intent = Intent::question;
  answer.audience = reading.audience();
  Decision decision = rules_.decide(reading);
  auto hits = retriever_.retrieve(request_for(reading));

  const Entry* primary = nullptr;
  if (decision.verdict != Verdict::none) {
    primary = rule_entry(decision, hits);
    bool ranked = primary && std::any_of(hits.begin(), hits.begin() + static_cast<long>(std::min(kRankedReach, hits.size())),
                                         [&](const knowledge::RankedHit& hit) { return &knowledge_.entries()[hit.entry] == primary; });
    answer.confidence = ranked ? kRuleConfidenceRanked : kRuleConfidenceUnranked;
  }
  if (!primary) {
    double confidence = retrieval_confidence(reading, hits);
    primary = retrieved_entry(reading, hits, confidence);
    if (!primary && (primary = cautious_entry(reading, hits))) {
      // Someone bound by neutrality does something no rule covers and retrieval is unsure: never "not found"
      // (the asker would guess) and never "boleh" — care, with the nearest explanation and the uncertainty said.
      decision.verdict = Verdict::hati_hati;
      decision.downgraded = true;
      answer.confidence = std::min(confidence, kAnswerThreshold);
      explain_with(plan, *primary, hits, reading, decision);
      return plan;
    }
    if (!primary) {
      bool about_elections = in_domain(reading);
      answer.intent = about_elections ? Intent::question : Intent::out_of_scope;
      answer.speech_act = about_elections ? SpeechAct::question : SpeechAct::out_of_scope;
      answer.confidence = std::min(confidence, 0.3);
      plan.wording.reply = about_elections ? "not_found" : "out_of_scope";
      return plan;
    }
    answer.confidence = confidence;
    decision.verdict = knowledge::parse_verdict(primary->verdict).value_or(Verdict::info);
    // No rule covers what the message asks: a retrieved "boleh" is a neighbour's answer, not this question's, and
    // a retrieved "dilarang" is no answer for deeds the subject denies.
    bool denied = decision.verdict == Verdict::dilarang && denies_every_deed(reading);
    if (decision.verdict == Verdict::boleh || denied) {
      decision.verdict = Verdict::hati_hati;
      decision.downgraded = true;
    }
  }
  explain_with(plan, *primary, hits, reading, decision);
  // "camat kami td nyuruh semua staf ke kampanye, itu boleh?": a violation someone committed can be reported.
  bool someone_else = reading.subject != 0;
  bool told = reading.has(Modifier::past_event) || reading.asks_about_reporting;
  if (someone_else && told && answer.verdict == Verdict::dilarang) {
    answer.offer_report = true;
    answer.account = reading.text;
    answer.reported_role = reading.audience();
    plan.wording.report_offer = true;
  }
  return plan;
}

AnswerPlan Answerer::decide_tip(const Reading& reading) const {
  Decision decision = rules_.decide(reading);
  // A story of something allowed is not a violation: answer it as the question it implies.
  if (decision.verdict == Verdict::boleh || decision.verdict == Verdict::info) return decide_question(reading);
  auto hits = retriever_.retrieve(request_for(reading));
  const Entry* primary = decision.verdict != Verdict::none ? rule_entry(decision, hits) : nullptr;
  if (!primary && !hits.empty()) {
    const Entry& top = knowledge_.entries()[hits.front().entry];
    if (top.verdict == "dilarang" && top.kind == EntryKind::qa) {
      primary = &top;
      decision.verdict = Verdict::dilarang;
    }
  }
  AnswerPlan plan;
  Answer& answer = plan.answer;
  answer.speech_act = SpeechAct::tip;
  answer.intent = Intent::report;
  answer.verdict = Verdict::none;
  answer.audience = reading.audience();
  answer.offer_report = true;
  answer.account = reading.account;
  if (reading.subject != 0) answer.reported_role = reading.audience();
  answer.confidence = primary ? kRuleConfidenceRanked : kRuleConfidenceUnranked;
  plan.wording.tip = true;
  if (primary) {
    answer.entry_id = primary->id;
    plan.wording.primary = primary;
    plan.wording.supporting = first(hits, kSupportingHits);
    plan.wording.verdict = decision.verdict;
  }
  return plan;
}

Explanation Answerer::explain(const std::string& message, const std::optional<std::string>& role) const {
  Explanation explanation;
  explanation.reading = read(message, role);
  explanation.decision = rules_.decide(explanation.reading);
  explanation.hits = retriever_.retrieve(request_for(explanation.reading));
  return explanation;
}

}  // namespace netra::bot
