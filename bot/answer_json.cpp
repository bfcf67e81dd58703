#include "bot/answer_json.h"

#include <cmath>
#include <utility>

namespace netra::bot {

nlohmann::json to_json(const Answer& answer) {
  nlohmann::json citations = nlohmann::json::array();
  for (const auto& c : answer.citations) {
    citations.push_back(
        {{"source", c.source}, {"pasal", c.pasal}, {"ayat", c.ayat}, {"title", c.title}, {"excerpt", c.excerpt}});
  }
  // Two decimals are all the precision a confidence has.
  double confidence = std::round(answer.confidence * 100.0) / 100.0;
  nlohmann::json out = {{"intent", to_string(answer.intent)},
                        {"verdict", std::string(knowledge::to_string(answer.verdict))},
                        {"text", answer.text},
                        {"citations", std::move(citations)},
                        {"confidence", confidence}};
  if (!answer.audience.empty()) out["audience"] = answer.audience;
  // Finer than the intent: thanks, acknowledgement, small_talk, tip, report_request, … (an extension).
  out["speech_act"] = std::string(knowledge::to_string(answer.speech_act));
  if (!answer.receipt_code.empty()) out["receipt_code"] = answer.receipt_code;
  return out;
}

}  // namespace netra::bot
