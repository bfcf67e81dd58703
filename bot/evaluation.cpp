#include "bot/evaluation.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

namespace netra::bot {
namespace {

std::vector<std::string> string_or_list(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

bool ref_matches(const Citation& citation, const std::pair<std::string, std::string>& ref) {
  return citation.source == ref.first && (ref.second == "*" || citation.pasal == ref.second);
}

}  // namespace

std::vector<EvalItem> read_eval_file(const std::string& path, std::vector<std::string>& errors) {
  std::vector<EvalItem> items;
  std::ifstream in(path);
  if (!in) {
    errors.push_back(path + ": cannot read");
    return items;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    std::string where = path + ":" + std::to_string(number) + ": ";
    if (parsed.is_discarded() || !parsed.is_object()) {
      errors.push_back(where + "not a JSON object");
      continue;
    }
    if (!parsed.contains("question") || !parsed["question"].is_string()) {
      errors.push_back(where + "missing string field `question`");
      continue;
    }
    EvalItem item;
    item.id = parsed.value("id", std::to_string(number));
    item.question = parsed["question"].get<std::string>();
    item.audience = parsed.value("audience", "");
    item.intents = string_or_list(parsed.value("intent", nlohmann::json("question")));
    item.verdicts = string_or_list(parsed.value("expected_verdict", nlohmann::json::array()));
    for (const auto& ref : parsed.value("expected_refs", nlohmann::json::array())) {
      if (ref.is_array() && ref.size() == 2 && ref[0].is_string() && ref[1].is_string()) {
        item.refs.emplace_back(ref[0].get<std::string>(), ref[1].get<std::string>());
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

EvalReport evaluate(const Answerer& answerer, const std::vector<EvalItem>& items) {
  EvalReport report;
  std::vector<double> times;
  size_t intents_ok = 0, verdicts_ok = 0, at1 = 0, at3 = 0;
  for (const auto& item : items) {
    auto start = std::chrono::steady_clock::now();
    Answer answer = answerer.answer(item.question);
    double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    times.push_back(millis);
    EvalOutcome outcome{item, answer, false, false, 0, millis};
    std::string intent = to_string(answer.intent);
    outcome.intent_ok = std::find(item.intents.begin(), item.intents.end(), intent) != item.intents.end();
    outcome.verdict_ok = item.verdicts.empty() ||
                         std::find(item.verdicts.begin(), item.verdicts.end(), std::string(knowledge::to_string(answer.verdict))) !=
                             item.verdicts.end();
    if (!item.refs.empty()) {
      ++report.cited_items;
      for (size_t rank = 0; rank < answer.citations.size() && rank < 3 && outcome.cite_rank == 0; ++rank) {
        for (const auto& ref : item.refs) {
          if (ref_matches(answer.citations[rank], ref)) {
            outcome.cite_rank = static_cast<int>(rank) + 1;
            break;
          }
        }
      }
      if (outcome.cite_rank == 1) ++at1;
      if (outcome.cite_rank >= 1) ++at3;
    }
    if (!outcome.verdict_ok && answer.verdict == knowledge::Verdict::boleh) ++report.false_boleh;
    intents_ok += outcome.intent_ok;
    verdicts_ok += outcome.verdict_ok;
    report.outcomes.push_back(std::move(outcome));
  }
  auto ratio = [](size_t part, size_t whole) { return whole ? static_cast<double>(part) / whole : 0.0; };
  report.cite_at_1 = ratio(at1, report.cited_items);
  report.cite_at_3 = ratio(at3, report.cited_items);
  report.verdict_accuracy = ratio(verdicts_ok, items.size());
  report.intent_accuracy = ratio(intents_ok, items.size());
  report.p50_millis = percentile(times, 0.50);
  report.p99_millis = percentile(times, 0.99);
  return report;
}

void print_report(const EvalReport& report, std::ostream& out, bool verbose) {
  if (verbose) {
    for (const auto& o : report.outcomes) {
      bool cite_miss = !o.item.refs.empty() && o.cite_rank == 0;
      if (o.intent_ok && o.verdict_ok && !cite_miss && o.cite_rank <= 1) continue;
      out << o.item.id << ": " << o.item.question << "\n   intent " << to_string(o.answer.intent)
          << (o.intent_ok ? "" : " (WRONG)") << ", verdict " << knowledge::to_string(o.answer.verdict) << (o.verdict_ok ? "" : " (WRONG)")
          << ", cite rank " << o.cite_rank << ", entry " << o.answer.entry_id << ", confidence "
          << o.answer.confidence << "\n   cites:";
      for (const auto& c : o.answer.citations) out << " " << c.source << ":" << c.pasal;
      out << "\n";
    }
  }
  out << std::fixed << std::setprecision(3);
  out << "items: " << report.outcomes.size() << " (with references: " << report.cited_items << ")\n";
  out << "cite@1: " << report.cite_at_1 << "\n";
  out << "cite@3: " << report.cite_at_3 << "\n";
  out << "verdict accuracy: " << report.verdict_accuracy << "\n";
  out << "intent accuracy: " << report.intent_accuracy << "\n";
  out << "false boleh: " << report.false_boleh << "\n";
  out << "answer time p50: " << report.p50_millis << " ms\n";
  out << "answer time p99: " << report.p99_millis << " ms\n";
}

}  // namespace netra::bot
