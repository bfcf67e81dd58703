#include "knowledge/retriever.h"

#include <algorithm>
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

bool audience_matches(const Entry& entry, const std::string& audience) {
  if (entry.audience.empty()) return true;
  for (const auto& who : entry.audience) {
    if (who == audience || who == "all") return true;
    // PPPK are ASN: a rule for ASN binds them too.
    if (audience == "pppk" && who == "asn") return true;
  }
  return false;
}

}  // namespace

std::vector<RankedHit> Retriever::retrieve(const RetrievalRequest& request) const {
  std::vector<std::string> unique_terms;
  std::unordered_set<std::string> seen;
  for (const auto& term : request.terms) {
    if (seen.insert(term).second) unique_terms.push_back(term);
  }
  std::vector<RankedHit> hits;
  if (unique_terms.empty()) return hits;

  double total_weight = 0;
  std::vector<double> weights;
  for (const auto& term : unique_terms) {
    weights.push_back(knowledge_.idf(term));
    total_weight += weights.back();
  }
  std::vector<size_t> by_rarity(unique_terms.size());
  for (size_t i = 0; i < by_rarity.size(); ++i) by_rarity[i] = i;
  std::stable_sort(by_rarity.begin(), by_rarity.end(), [&](size_t a, size_t b) { return weights[a] > weights[b]; });
  double common_idf = knowledge_.idf_at_share(kCommonTermShare);
  std::vector<std::string> query_terms;
  for (size_t i : by_rarity) {
    if (query_terms.size() >= kMaxQueryTerms) break;
    if (query_terms.size() >= kMinQueryTerms && weights[i] < common_idf) break;
    query_terms.push_back(unique_terms[i]);
  }

  auto matches = knowledge_.match(query_terms, request.candidates);
  if (matches.empty()) return hits;
  double best_bm25 = matches.front().bm25;  // most negative
  std::unordered_set<std::string> query_set(unique_terms.begin(), unique_terms.end());
  for (const auto& match : matches) {
    const Entry& entry = knowledge_.entries()[match.entry];
    const auto& terms = knowledge_.entry_terms(match.entry);
    double covered = 0;
    for (size_t i = 0; i < unique_terms.size(); ++i) {
      if (terms.count(unique_terms[i])) covered += weights[i];
    }
    RankedHit hit;
    hit.entry = match.entry;
    hit.bm25 = match.bm25;
    hit.coverage = total_weight > 0 ? covered / total_weight : 0;
    double relative_bm25 = best_bm25 < 0 ? match.bm25 / best_bm25 : 0;  // 1 for the best match
    for (const auto& question : knowledge_.question_terms(match.entry)) {
      double present = 0, all = 0;
      for (const auto& term : question) {
        double weight = knowledge_.idf(term);
        all += weight;
        if (query_set.count(term)) present += weight;
      }
      if (all > 0) hit.question_match = std::max(hit.question_match, present / all);
    }
    hit.score = kBm25Weight * relative_bm25 + kCoverageWeight * hit.coverage + kQuestionMatchWeight * hit.question_match;
    if (entry.kind == EntryKind::qa) hit.score += kQaBoost;
    if (entry.kind == EntryKind::summary) hit.score -= kSummaryPenalty;
    if (request.prefers_info && entry.verdict == "info") hit.score += kInfoPreference;
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
