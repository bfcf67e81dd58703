// Composing an answer's words once it is decided: the verdict heading, the explanation from the chosen entry,
// the notes the reading calls for, the articles it rests on (ordered for the asker and the election) and the
// sanction. Every fixed phrase comes from knowledge/data/replies.txt.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/answer.h"
#include "bot/reading.h"
#include "knowledge/knowledge_base.h"
#include "knowledge/retriever.h"

namespace netra::bot {

// What the answerer decided that the words depend on (bot/answerer.cpp decides, Composer::word writes). Either a
// fixed reply, or an answer explained by a corpus entry, with the notes the decision calls for.
struct Wording {
  // A fixed reply: its key in knowledge/data/replies.txt and its placeholders' values. Empty when an entry explains.
  std::string reply;
  std::map<std::string, std::string> values;
  // The entry that explains the answer, and the ranked candidates that may lend their articles to the citations.
  // Beside a fixed reply, a factual entry that answers what else the message asks ("mau lapor, kemana?").
  const knowledge::Entry* primary = nullptr;
  std::vector<knowledge::RankedHit> supporting;
  knowledge::Verdict verdict = knowledge::Verdict::none;  // the heading (a tip: dilarang or hati-hati)
  // A tip, worded as a possible violation (its explanation's first sentence) and an offer to report; with no
  // primary, "no rule covers this" and the offer.
  bool tip = false;
  // Notes under the explanation, in this order.
  bool role_assumed_note = false;   // the verdict depends on the writer's role, which the message leaves open
  bool relative_role_note = false;  // … on the role of the relative the message names
  bool uncertain_note = false;      // "boleh" lowered to "hati-hati"
  bool report_offer = false;        // a violation someone committed: offer to report it
  // Where the sanction line comes from when not the primary entry (Decision::sanction_entry), or nullptr.
  const knowledge::Entry* sanction_source = nullptr;
};

class Composer {
 public:
  explicit Composer(const knowledge::KnowledgeBase& knowledge) : knowledge_(knowledge) {}

  // Writes an answer's text and citations (the rest of `answer` is the answerer's) from what was decided.
  void word(const Wording& wording, const Reading& reading, Answer& answer /* OUT: text, citations */) const;

  // The citations of an answer resting on `primary`: its own, then the articles other strong hits rest on;
  // those that bind the asker and speak to the election named first; at most four.
  std::vector<Citation> citations(const knowledge::Entry& primary, const std::vector<knowledge::RankedHit>& hits,
                                  const Reading& reading) const;

  // "Dasar: UU 7/2017 Pasal 280 ayat (3); …." for the entry's own citations among `citations` (and the subject's
  // duty when it leads them), or empty.
  std::string basis_line(const knowledge::Entry& primary, const std::vector<Citation>& citations,
                         const Reading& reading) const;
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
  // `ref` as the law of the election asked about says it (data/counterparts.txt): a Pilkada question is answered
  // from UU 10/2016 where the entry names the UU 7/2017 article saying the same, and the other way round.
  knowledge::ArticleRef in_election_law(const knowledge::ArticleRef& ref, const Reading& reading) const;
  // Whose duty of neutrality the answer names: the subject's role when it has one in data/duties.txt, else a bound
  // writer's when the subject is someone else doing something political (`writers` set), else a role with no duty
  // (nothing is named).
  knowledge::Role duty_bearer(const Reading& reading, bool& writers /* OUT */) const;
  // The article that binds the duty bearer's role to neutrality (data/duties.txt) when no citation names that role:
  // a kepala desa is not answered from ASN law alone; a bound writer beside a free relative hears their own duty.
  // nullopt when a citation names the role, or nobody is bound.
  std::optional<knowledge::ArticleRef> missing_duty(const std::vector<Citation>& citations,
                                                    const Reading& reading) const;

  const knowledge::KnowledgeBase& knowledge_;
};

}  // namespace netra::bot
