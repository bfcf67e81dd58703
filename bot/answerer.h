// The answering core: one message in, one Answer out. The message is read once (bot/reader.h); a question's
// verdict comes from the rules (bot/decision.h) for what the reading says — who does what to what — and
// retrieval finds the explanation among the rule's entries and the articles to cite; without a rule, the best
// retrieved entry answers, never with "boleh". It never invents a rule: when nothing in the knowledge answers
// well, it says so and points to the menu. The answerer only decides (an AnswerPlan); bot/composer.h writes the
// words.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "bot/answer.h"
#include "bot/answer_cache.h"
#include "bot/composer.h"
#include "bot/decision.h"
#include "bot/reader.h"
#include "knowledge/knowledge_base.h"
#include "knowledge/retriever.h"

namespace netra::bot {

// How an answer came about, for `netra ask --explain` (tuning, not answering).
struct Explanation {
  Reading reading;
  Decision decision;
  std::vector<knowledge::RankedHit> hits;  // the ranked candidates, best first
};

// An answer decided — every field but its text and citations — and what its words depend on. The answerer
// decides; the composer (bot/composer.h) writes the words.
struct AnswerPlan {
  Answer answer;
  Wording wording;
};

class Answerer {
 public:
  // `cache_entries`: how many answers to questions to keep for repeats (0: none; one-shot tools need none).
  explicit Answerer(const knowledge::KnowledgeBase& knowledge, size_t cache_entries = 0);

  // `role` (asn, pppk, kades, perangkat, citizen) is the asker's, given by the caller; it wins over what the
  // text says of the writer. Never throws for any text.
  Answer answer(const std::string& message, const std::optional<std::string>& role = std::nullopt) const;
  // Answers a message already read (the conversation reads once and reuses the reading).
  Answer answer(const Reading& reading) const;
  Reading read(const std::string& message, const std::optional<std::string>& role = std::nullopt) const;
  Explanation explain(const std::string& message, const std::optional<std::string>& role = std::nullopt) const;

  const knowledge::KnowledgeBase& knowledge() const { return knowledge_; }
  const Reader& reader() const { return reader_; }
  const Composer& composer() const { return composer_; }
  CacheStats cache_stats() const { return cache_->stats(); }

 private:
  Answer answer_uncached(const Reading& reading) const;
  // Deciding, one kind of message each: greetings, status and the like get a fixed reply.
  AnswerPlan decide_fixed_reply(const Reading& reading) const;
  AnswerPlan decide_question(const Reading& reading) const;
  AnswerPlan decide_tip(const Reading& reading) const;
  knowledge::RetrievalRequest request_for(const Reading& reading) const;
  // The entry that explains a decided verdict: the best-ranked of the rule's entries, else its first.
  const knowledge::Entry* rule_entry(const Decision& decision, const std::vector<knowledge::RankedHit>& hits) const;
  // Without a rule: how sure retrieval is of its best hit (0..0.99; halved for a message about something else).
  double retrieval_confidence(const Reading& reading, const std::vector<knowledge::RankedHit>& hits) const;
  // Without a rule: the retrieved entry that answers, or nullptr when retrieval is not sure enough.
  const knowledge::Entry* retrieved_entry(const Reading& reading, const std::vector<knowledge::RankedHit>& hits,
                                          double confidence) const;
  // Without a rule and with retrieval unsure: when a bound subject asks for a verdict on an act read, or on
  // anything in the election's domain, the best-ranked entry that forbids or warns among the first candidates
  // (its verdict lowered to care), else nullptr.
  const knowledge::Entry* cautious_entry(const Reading& reading, const std::vector<knowledge::RankedHit>& hits) const;
  // Whether the message is about what Netra knows (election neutrality), by its terms, its acts, or a sanction
  // asked for a bound role.
  bool in_domain(const Reading& reading) const;
  // Settles an answer resting on `primary`: its verdict and entry, the citations' candidates and the notes.
  void explain_with(AnswerPlan& plan, const knowledge::Entry& primary, const std::vector<knowledge::RankedHit>& hits,
                    const Reading& reading, const Decision& decision) const;

  const knowledge::KnowledgeBase& knowledge_;
  knowledge::Retriever retriever_;
  Reader reader_;
  RuleBook rules_;
  Composer composer_;
  std::unique_ptr<AnswerCache> cache_;  // behind a pointer: answering is const, the cache changes
};

// The contract's roles (asn, pppk, kades, perangkat, citizen), parsed; nullopt for anything else.
std::optional<Role> parse_contract_role(const std::string& role);

}  // namespace netra::bot
