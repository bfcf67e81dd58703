// Retrieval and ranking: the analysed message goes to FTS5 (bm25 with column weights) for candidates, which are
// re-ranked by how much of the message's meaning they cover (idf-weighted overlap), the entry kind (curated Q&A
// first, articles as support) and the asker's audience.
#pragma once

#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"

namespace netra::knowledge {

struct RankedHit {
  size_t entry = 0;
  double score = 0;     // higher is better; comparable within one query
  double coverage = 0;  // 0..1: idf-weighted share of the query's terms this entry contains
  double question_match = 0;  // 0..1: idf-weighted share of the best-matching curated question found in the query
  double bm25 = 0;      // as FTS5 gave it (lower is better)
};

struct RetrievalRequest {
  std::vector<std::string> terms;  // analysed query terms (duplicates allowed; they are folded)
  std::string audience;            // asn, pppk, kades, perangkat, citizen, or empty
  bool audience_named = false;     // the message or the caller named the audience (not a default assumption)
  bool prefers_info = false;       // the message asks for a fact (a sanction, a procedure, a legal basis)
  bool prefers_verdict = false;    // the message asks whether something is allowed, and for no fact
  // Terms the message is about rather than merely mentions ("lapor" in "caranya ngelaporin … gmn?"): entries
  // whose curated questions contain one are preferred.
  std::vector<std::string> focus_terms;
  size_t candidates = 40;          // how many FTS5 matches to re-rank
  size_t limit = 8;                // how many hits to return
};

class Retriever {
 public:
  explicit Retriever(const KnowledgeBase& knowledge) : knowledge_(knowledge) {}
  // Hits best first; empty when no term matches anything.
  std::vector<RankedHit> retrieve(const RetrievalRequest& request) const;

 private:
  const KnowledgeBase& knowledge_;
};

}  // namespace netra::knowledge
