// The answering core: one message in, one Answer out. Reads the intent, the audience, retrieves from the
// knowledge index, and composes the reply (verdict first, why, the article it rests on, the sanction). It never
// invents a rule: when nothing in the knowledge answers well, it says so and points to the menu.
#pragma once

#include <optional>
#include <string>

#include "bot/answer.h"
#include "bot/audience.h"
#include "bot/intent.h"
#include "knowledge/index.h"
#include "knowledge/retriever.h"

namespace netra::bot {

class Answerer {
 public:
  explicit Answerer(const knowledge::KnowledgeBase& knowledge);

  // `role` (asn, pppk, kades, perangkat, citizen) overrides what the text reveals. Never throws for any text.
  Answer answer(const std::string& message, const std::optional<std::string>& role = std::nullopt) const;

  // The ranked candidates a question retrieves, best first, for `netra ask --explain` (tuning, not answering).
  std::vector<knowledge::RankedHit> explain(const std::string& message,
                                            const std::optional<std::string>& role = std::nullopt) const;

  const knowledge::KnowledgeBase& knowledge() const { return knowledge_; }
  const IntentClassifier& intents() const { return intents_; }

 private:
  Answer answer_question(const std::string& message, const std::vector<knowledge::Term>& words,
                         const std::string& audience) const;
  knowledge::RetrievalRequest request_for(const std::vector<knowledge::Term>& words, const std::string& audience) const;
  std::string audience_of(const std::vector<knowledge::Term>& words, const std::optional<std::string>& role) const;
  Citation citation_of(const knowledge::ArticleRef& ref) const;
  std::string cite_label(const knowledge::ArticleRef& ref) const;

  const knowledge::KnowledgeBase& knowledge_;
  knowledge::Retriever retriever_;
  IntentClassifier intents_;
  AudienceDetector audiences_;
};

// The fixed replies the bot gives outside the knowledge (menu, greeting, help, not-understood).
std::string menu_text();
std::string greeting_text();
std::string help_text();
std::string not_found_text();
std::string out_of_scope_text();

}  // namespace netra::bot
