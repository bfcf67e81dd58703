#include "knowledge/retriever.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_set>

namespace netra::knowledge {
namespace {

// Weights of the re-ranking features. bm25 finds candidates and separates close ones; coverage says whether the
// entry is about the whole question rather than one shared word; curated Q&A speaks to people, articles back it.
constexpr double kBm25Weight = 0.45;
constexpr double kCoverageWeight = 0.55;
constexpr double kQaBoost = 0.12;
// A message that contains most of one curated question is asking that question, however many other words it
// has ("mas, minggu depan … sy pns, klo cuma nonton …"): the FAQ-matching signal.
constexpr double kQuestionMatchWeight = 0.35;
constexpr double kSummaryPenalty = 0.15;
constexpr double kAudienceMatchBoost = 0.06;
// When the message itself names who is asking ("sy kades"), entries for that role matter more.
constexpr double kNamedAudienceFactor = 1.6;
// FTS5's cost grows with the rows a query matches, and words like "calon" or "asn" occur in most entries: an OR
// over every term scores nearly the whole table. Candidates are found with the distinctive terms only (those in at
// most this share of entries, at most kMaxQueryTerms of them, never fewer than kMinQueryTerms); every term still
// counts for coverage.
constexpr double kCommonTermShare = 0.15;
constexpr size_t kMaxQueryTerms = 8;
constexpr size_t kMinQueryTerms = 3;
constexpr double kAudienceMismatchPenalty = 0.15;
// A message asking for a sanction or a procedure wants the factual entry, not the ban it follows from.
constexpr double kInfoPreference = 0.15;
// A message asking "is it allowed?" (and no fact) wants a verdict: a factual entry on the same topic (its
// sanctions, its definition) answers a different question. Only curated Q&A are moved: articles are the basis
// either way, and a clearly better factual match still wins.
constexpr double kVerdictPreference = 0.15;

// A message that asks how to do something the corpus has its own entries for (how to report a violation) is about
// that act, however much of the message describes the violation itself: such a description matches the entry on
// the violation far better than the one on reporting it.
constexpr double kFocusBoost = 0.5;

bool audience_matches(const Entry& entry, const std::string& audience) {
  if (entry.audience.empty()) return true;
  for (const auto& who : entry.audience) {
    if (who == audience || who == "all") return true;
    // PPPK are ASN: a rule for ASN binds them too.
    if (audience == "pppk" && who == "asn") return true;
  }
  return false;
}

// The message's distinct terms in first-seen order, with what re-ranking asks of each, looked up once.
struct QueryTerms {
  std::vector<std::string> text;
  std::vector<std::optional<TermId>> ids;  // nullopt: no entry uses the term, so none contains it
  std::vector<double> weights;             // idf of each term
  double total_weight = 0;
  // Indexed by TermId, up to the largest known one: 1 for the query's known terms. The membership test for the
  // candidates' terms, asked for every term of every curated question of 40 candidates: one load instead of a
  // binary search each.
  std::vector<uint8_t> known;
  bool is_known(TermId id) const { return id < known.size() && known[id] != 0; }
};

QueryTerms fold_query(const std::vector<std::string>& terms, const KnowledgeBase& knowledge) {
  QueryTerms query;
  std::unordered_set<std::string> seen;
  for (const auto& term : terms) {
    if (!seen.insert(term).second) continue;
    query.text.push_back(term);
    query.ids.push_back(knowledge.term_id(term));
    query.weights.push_back(knowledge.idf(term));
    query.total_weight += query.weights.back();
  }
  for (const auto& id : query.ids) {
    if (!id) continue;
    if (*id >= query.known.size()) query.known.resize(*id + 1, 0);
    query.known[*id] = 1;
  }
  return query;
}

// The distinct terms FTS5 searches for, rarest first (see kCommonTermShare).
std::vector<std::string> candidate_terms(const QueryTerms& query, const KnowledgeBase& knowledge) {
  std::vector<size_t> by_rarity(query.text.size());
  for (size_t i = 0; i < by_rarity.size(); ++i) by_rarity[i] = i;
  std::stable_sort(by_rarity.begin(), by_rarity.end(),
                   [&](size_t a, size_t b) { return query.weights[a] > query.weights[b]; });
  double common_idf = knowledge.idf_at_share(kCommonTermShare);
  std::vector<std::string> terms;
  for (size_t i : by_rarity) {
    // A word no entry uses ("bapidato", "baliak" in a Minang message) matches nothing: it must not take the place
    // of one that does, or a message rich in regional words finds no candidate at all.
    if (!query.ids[i]) continue;
    if (terms.size() >= kMaxQueryTerms) break;
    if (terms.size() >= kMinQueryTerms && query.weights[i] < common_idf) break;
    terms.push_back(query.text[i]);
  }
  return terms;
}

bool contains(const std::vector<TermId>& sorted_ids, TermId id) {
  return std::binary_search(sorted_ids.begin(), sorted_ids.end(), id);
}

// The idf-weighted share of the query's terms the entry contains. Summed in the query's term order: a fixed
// order of additions keeps scores, and so ties between entries, reproducible to the last bit.
double coverage_of(const std::vector<TermId>& entry_terms, const QueryTerms& query) {
  if (query.total_weight <= 0) return 0;
  double covered = 0;
  for (size_t i = 0; i < query.ids.size(); ++i) {
    if (query.ids[i] && contains(entry_terms, *query.ids[i])) covered += query.weights[i];
  }
  return covered / query.total_weight;
}

// True when one of the entry's curated questions contains one of the focus terms.
bool questions_contain(const std::vector<QuestionTerms>& questions, const std::vector<TermId>& focus_ids) {
  for (const auto& question : questions) {
    for (TermId term : question.terms) {
      if (std::find(focus_ids.begin(), focus_ids.end(), term) != focus_ids.end()) return true;
    }
  }
  return false;
}

// The largest idf-weighted share of one curated question's terms that the query contains.
double best_question_match(const std::vector<QuestionTerms>& questions, const QueryTerms& query,
                           const KnowledgeBase& knowledge) {
  double best = 0;
  for (const auto& question : questions) {
    if (question.idf_sum <= 0) continue;
    double present = 0;
    for (TermId term : question.terms) {
      if (query.is_known(term)) present += knowledge.idf(term);
    }
    best = std::max(best, present / question.idf_sum);
  }
  return best;
}

}  // namespace

std::vector<RankedHit> Retriever::retrieve(const RetrievalRequest& request) const {
  std::vector<RankedHit> hits;
  QueryTerms query = fold_query(request.terms, knowledge_);
  if (query.text.empty()) return hits;

  std::vector<TermId> focus_ids;
  for (const auto& term : request.focus_terms) {
    if (auto id = knowledge_.term_id(term)) focus_ids.push_back(*id);
  }

  auto matches = knowledge_.match(candidate_terms(query, knowledge_), request.candidates);
  if (matches.empty()) return hits;
  double best_bm25 = matches.front().bm25;  // most negative
  for (const auto& match : matches) {
    const Entry& entry = knowledge_.entries()[match.entry];
    RankedHit hit;
    hit.entry = match.entry;
    hit.bm25 = match.bm25;
    hit.coverage = coverage_of(knowledge_.entry_terms(match.entry), query);
    hit.question_match = best_question_match(knowledge_.question_terms(match.entry), query, knowledge_);
    double relative_bm25 = best_bm25 < 0 ? match.bm25 / best_bm25 : 0;  // 1 for the best match
    hit.score = kBm25Weight * relative_bm25 + kCoverageWeight * hit.coverage + kQuestionMatchWeight * hit.question_match;
    if (entry.kind == EntryKind::qa) hit.score += kQaBoost;
    if (entry.kind == EntryKind::summary) hit.score -= kSummaryPenalty;
    if (request.prefers_info && entry.verdict == "info") hit.score += kInfoPreference;
    if (!focus_ids.empty() && entry.kind == EntryKind::qa &&
        questions_contain(knowledge_.question_terms(match.entry), focus_ids)) {
      hit.score += kFocusBoost;
    }
    if (request.prefers_verdict && entry.kind == EntryKind::qa && entry.verdict == "info") {
      hit.score -= kVerdictPreference;
    }
    if (!request.audience.empty()) {
      double factor = request.audience_named ? kNamedAudienceFactor : 1.0;
      hit.score += factor * (audience_matches(entry, request.audience) ? kAudienceMatchBoost : -kAudienceMismatchPenalty);
    }
    hits.push_back(hit);
  }
  std::sort(hits.begin(), hits.end(), [](const RankedHit& a, const RankedHit& b) { return a.score > b.score; });
  if (hits.size() > request.limit) hits.resize(request.limit);
  return hits;
}

}  // namespace netra::knowledge
