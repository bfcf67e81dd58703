// Scores the answerer on an eval file (the format of shared/eval/dev.jsonl): cite@1 and cite@3 over items with
// expected references, verdict and intent accuracy over all items, and answer time percentiles.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "bot/answerer.h"

namespace netra::bot {

struct EvalItem {
  std::string id;
  std::string question;
  std::string audience;
  std::vector<std::string> intents;   // acceptable intents
  std::vector<std::string> verdicts;  // acceptable verdicts
  std::vector<std::pair<std::string, std::string>> refs;  // any-of (source, pasal); pasal "*" matches any
};

struct EvalOutcome {
  EvalItem item;
  Answer answer;
  bool intent_ok = false;
  bool verdict_ok = false;
  int cite_rank = 0;  // 1-based rank of the first matching citation among the first three; 0 when none
  double millis = 0;
};

struct EvalReport {
  std::vector<EvalOutcome> outcomes;
  size_t cited_items = 0;  // items with expected references
  double cite_at_1 = 0, cite_at_3 = 0, verdict_accuracy = 0, intent_accuracy = 0;
  double p50_millis = 0, p99_millis = 0;
  // Answers "boleh" where "boleh" is not among the acceptable verdicts: the error that can cost an asker their job.
  size_t false_boleh = 0;
};

// Parses JSONL; a malformed line is reported as `file:line: problem` in errors and skipped.
std::vector<EvalItem> read_eval_file(const std::string& path, std::vector<std::string>& errors /* OUT */);

// Answers every item (without telling the answerer the audience: people rarely say who they are) and scores.
EvalReport evaluate(const Answerer& answerer, const std::vector<EvalItem>& items);

// Prints the metrics, and with verbose every miss, to out.
void print_report(const EvalReport& report, std::ostream& out, bool verbose);

}  // namespace netra::bot
