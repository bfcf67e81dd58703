#include "bot/answer.h"

namespace netra::bot {

std::string to_string(Intent intent) {
  switch (intent) {
    case Intent::question: return "question";
    case Intent::report: return "report";
    case Intent::status: return "status";
    case Intent::greeting: return "greeting";
    case Intent::help: return "help";
    case Intent::out_of_scope: return "out_of_scope";
  }
  return "question";
}

Intent intent_of(knowledge::SpeechAct act) {
  using knowledge::SpeechAct;
  switch (act) {
    case SpeechAct::question: return Intent::question;
    case SpeechAct::tip:
    case SpeechAct::report_request: return Intent::report;
    case SpeechAct::status: return Intent::status;
    // Thanks and "ok siap" close a turn: the reply offers the menu, as help does (docs/blind-set-brief.md counts
    // them as help, the way dev.jsonl accepts either).
    case SpeechAct::thanks:
    case SpeechAct::acknowledgement:
    case SpeechAct::help: return Intent::help;
    case SpeechAct::small_talk:
    case SpeechAct::greeting: return Intent::greeting;
    case SpeechAct::out_of_scope: return Intent::out_of_scope;
  }
  return Intent::question;
}

}  // namespace netra::bot
