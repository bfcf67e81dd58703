// The value types of an answer, as the contract's answer JSON describes them.
#pragma once

#include <string>
#include <vector>

namespace netra::bot {

enum class Intent { question, report, status, greeting, help, out_of_scope };
std::string to_string(Intent intent);

// dilarang, boleh, hati-hati, info, none
using Verdict = std::string;

struct Citation {
  std::string source;  // canonical id, e.g. uu-7-2017
  std::string pasal;   // "280", "lampiran-ii"
  std::string ayat;    // may be empty
  std::string title;
  std::string excerpt;
};

struct Answer {
  Intent intent = Intent::question;
  Verdict verdict = "none";
  std::string text;  // exactly what the user sees
  std::vector<Citation> citations;
  double confidence = 0;
  std::string audience;      // who the answer was written for (detected or given)
  std::string entry_id;      // the corpus entry it rests on, empty when none
  std::string receipt_code;  // for status: the code the message names, normalised
};

}  // namespace netra::bot
