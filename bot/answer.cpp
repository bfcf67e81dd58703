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

}  // namespace netra::bot
