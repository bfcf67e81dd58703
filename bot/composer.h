// Composing an answer's words once it is decided: the verdict heading, the explanation from the chosen entry,
// the notes the reading calls for, the articles it rests on (ordered for the asker and the election) and the
// sanction. Every fixed phrase comes from knowledge/data/replies.txt.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bot/answer.h"
#include "bot/reading.h"
#include "knowledge/index.h"
#include "knowledge/retriever.h"

namespace netra::bot {

class Composer {
 public:
  explicit Composer(const knowledge::KnowledgeBase& knowledge) : knowledge_(knowledge) {}

  // The citations of an answer resting on `primary`: its own, then the articles other strong hits rest on;
  // those that bind the asker and speak to the election named first; at most four.
  std::vector<Citation> citations(const knowledge::Entry& primary, const std::vector<knowledge::RankedHit>& hits,
                                  const Reading& reading) const;

  // "Dasar: UU 7/2017 Pasal 280 ayat (3); …." for the entry's own citations among `citations`, or empty.
  std::string basis_line(const knowledge::Entry& primary, const std::vector<Citation>& citations) const;
  // "Sanksi: …" from the entry, or from the first cited article that states one; empty when none does.
  std::string sanction_line(const knowledge::Entry& primary) const;
  // The entry's explanation: a curated answer, or an article's or summary's text (with its source).
  std::string explanation(const knowledge::Entry& primary) const;
  // The explanation's first sentence, for short replies (a tip's answer).
  std::string first_sentence(const knowledge::Entry& primary) const;

  // A fixed text with the menu filled in where it has a {menu} placeholder.
  std::string say(std::string_view key, std::map<std::string, std::string> values = {}) const;
  std::string heading(Verdict verdict) const;

 private:
  Citation citation_of(const knowledge::ArticleRef& ref) const;
  std::string cite_label(const knowledge::ArticleRef& ref) const;
  void order_citations(std::vector<Citation>& citations, const Reading& reading) const;

  const knowledge::KnowledgeBase& knowledge_;
};

}  // namespace netra::bot
