// The answering core: one message in, one Answer out. Reads the intent, the audience, retrieves from the
// knowledge index, and composes the reply (verdict first, why, the article it rests on, the sanction). It never
// invents a rule: when nothing in the knowledge answers well, it says so and points to the menu.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "bot/answer.h"
#include "bot/answer_cache.h"
#include "bot/audience.h"
#include "bot/intent.h"
#include "knowledge/index.h"
#include "knowledge/retriever.h"

namespace netra::bot {

class Answerer {
 public:
  // `cache_entries`: how many answers to questions to keep for repeats (0: none; one-shot tools need none).
  explicit Answerer(const knowledge::KnowledgeBase& knowledge, size_t cache_entries = 0);

  // `role` (asn, pppk, kades, perangkat, citizen) overrides what the text reveals. Never throws for any text.
  Answer answer(const std::string& message, const std::optional<std::string>& role = std::nullopt) const;

  // The ranked candidates a question retrieves, best first, for `netra ask --explain` (tuning, not answering).
  std::vector<knowledge::RankedHit> explain(const std::string& message,
                                            const std::optional<std::string>& role = std::nullopt) const;

  const knowledge::KnowledgeBase& knowledge() const { return knowledge_; }
  const IntentClassifier& intents() const { return intents_; }
  CacheStats cache_stats() const { return cache_->stats(); }

 private:
  Answer answer_question(const std::string& message, const std::vector<knowledge::Term>& words,
                         const std::string& audience) const;
  knowledge::RetrievalRequest request_for(const std::string& message, const std::vector<knowledge::Term>& words,
                                          const std::string& audience) const;
  void order_citations(std::vector<Citation>& citations, const std::vector<knowledge::Term>& words,
                       const std::string& audience) const;
  std::string audience_of(const std::vector<knowledge::Term>& words, const std::optional<std::string>& role) const;
  Citation citation_of(const knowledge::ArticleRef& ref) const;
  std::string cite_label(const knowledge::ArticleRef& ref) const;

  const knowledge::KnowledgeBase& knowledge_;
  knowledge::Retriever retriever_;
  IntentClassifier intents_;
  AudienceDetector audiences_;
  std::unique_ptr<AnswerCache> cache_;  // behind a pointer: answering is const, the cache changes
};

// The fixed replies the bot gives outside the knowledge (menu, greeting, help, not-understood).
std::string menu_text();
std::string greeting_text();
std::string help_text();
std::string not_found_text();
std::string out_of_scope_text();
std::string no_recommendation_text();

}  // namespace netra::bot
