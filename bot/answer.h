// The value types of an answer, as the contract's answer JSON describes them.
#pragma once

#include <string>
#include <vector>

#include "knowledge/vocabulary.h"

namespace netra::bot {

// The contract's intents. A finer speech act (thanks, tip, …) is in Answer::speech_act.
enum class Intent { question, report, status, greeting, help, out_of_scope };
std::string to_string(Intent intent);
// The contract's intent for a speech act: a tip and a request to report are reports; thanks, acknowledgements
// and small talk are greetings (a short friendly reply and the menu).
Intent intent_of(knowledge::SpeechAct act);

struct Citation {
  std::string source;  // canonical id, e.g. uu-7-2017
  std::string pasal;   // "280", "lampiran-ii"
  std::string ayat;    // may be empty
  std::string title;
  std::string excerpt;
};

struct Answer {
  Intent intent = Intent::question;
  knowledge::SpeechAct speech_act = knowledge::SpeechAct::question;
  knowledge::Verdict verdict = knowledge::Verdict::none;
  std::string text;  // exactly what the user sees
  std::vector<Citation> citations;
  double confidence = 0;
  std::string audience;      // who the answer was written for (detected or given)
  std::string entry_id;      // the corpus entry it rests on, empty when none
  std::string receipt_code;  // for status: the code the message names, normalised
  std::string account;       // for a report: what the message tells of the violation (the report's "what happened")
  std::string reported_role; // for a report: the reported person's role when the message names it (asn, kades, …)
  // For a report that also asks where, how or by when to report: that answer with its basis (also in `text`).
  std::string reporting_note;
  // In a chat: the answer depends on the asker's role, which the message leaves open; ask it with buttons.
  bool clarify_role = false;
  // The message tells of a violation someone committed: offer to report it anonymously.
  bool offer_report = false;
};

}  // namespace netra::bot
