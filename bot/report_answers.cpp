#include "bot/report_answers.h"

#include <algorithm>
#include <cctype>

#include "knowledge/strings.h"
#include "knowledge/text.h"
#include "knowledge/utf8.h"

namespace netra::bot {

using knowledge::trim;

std::string problem_with_account(const std::string& text, size_t max_length) {
  auto content = std::string(trim(text));
  if (content.empty()) return kReportProblemEmpty;
  if (knowledge::utf8_length(content) > max_length) return kReportProblemTooLong;
  if (!knowledge::valid_utf8(content)) return "report.problem.unreadable";
  size_t letters = 0, words_with_letters = 0;
  for (const auto& word : knowledge::split_words(content)) {
    size_t word_letters = static_cast<size_t>(std::count_if(word.text.begin(), word.text.end(), ::isalpha));
    letters += word_letters;
    if (word_letters >= 2) ++words_with_letters;
  }
  if (words_with_letters < 3 || letters < 10) {
    return "report.problem.too_short";
  }
  return "";
}

bool answer_is_one_of(const std::string& text, std::initializer_list<const char*> words) {
  std::string folded = knowledge::ascii_lower(trim(text));
  while (!folded.empty() && (folded.back() == '.' || folded.back() == '!')) folded.pop_back();
  for (const char* word : words) {
    if (folded == word) return true;
  }
  return false;
}

std::vector<std::string> links_in(const std::string& text) {
  std::vector<std::string> links;
  size_t pos = 0;
  while ((pos = text.find("http", pos)) != std::string::npos) {
    if (text.compare(pos, 7, "http://") == 0 || text.compare(pos, 8, "https://") == 0) {
      size_t end = text.find_first_of(" \t\r\n", pos);
      links.push_back(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
      pos = end == std::string::npos ? text.size() : end;
    } else {
      pos += 4;
    }
  }
  return links;
}

std::string report_role_answer(const std::string& answer, const Reader& reader) {
  std::string text = knowledge::ascii_lower(trim(answer));
  if (text.rfind("role:", 0) == 0) return text.substr(5);
  if (text == "1") return "asn";
  if (text == "2") return "pppk";
  if (text == "3") return "kades";
  if (text == "4") return "perangkat";
  if (text == "5" || answer_is_one_of(text, {"lainnya", "lain", "lain-lain", "warga", "tidak tahu", "gak tau"})) {
    return "lainnya";
  }
  if (auto detected = reader.role_named(text)) {
    auto audience = std::string(knowledge::audience_of(*detected));
    return audience == "citizen" || audience.empty() ? "lainnya" : audience;
  }
  return "";
}

bool is_report_role(const std::string& role) {
  return role == "asn" || role == "pppk" || role == "kades" || role == "perangkat" || role == "lainnya";
}

bool parse_place(const std::string& text, ReportDraft& draft) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",;\n", start);
    if (end == std::string::npos) end = text.size();
    auto part = std::string(trim(text.substr(start, end - start)));
    if (!part.empty()) parts.push_back(part);
    start = end + 1;
  }
  std::string desa, kecamatan, kabupaten;
  std::vector<std::string> unlabelled;
  for (const auto& part : parts) {
    std::string folded = knowledge::ascii_lower(part);
    if (folded.rfind("kec", 0) == 0) kecamatan = part;
    else if (folded.rfind("kab", 0) == 0 || folded.rfind("kota", 0) == 0) kabupaten = part;
    else if (folded.rfind("desa", 0) == 0 || folded.rfind("kel", 0) == 0 || folded.rfind("ds", 0) == 0) desa = part;
    else unlabelled.push_back(part);
  }
  // Unlabelled parts fill the empty slots from the smallest place to the largest, as people write them.
  for (auto* slot : {&desa, &kecamatan, &kabupaten}) {
    if (slot->empty() && !unlabelled.empty()) {
      // With only two parts left and the kecamatan empty, the second is more likely the kabupaten.
      if (slot == &kecamatan && unlabelled.size() == 1 && kabupaten.empty() && !desa.empty()) continue;
      *slot = unlabelled.front();
      unlabelled.erase(unlabelled.begin());
    }
  }
  if (!unlabelled.empty() && kabupaten.empty()) kabupaten = unlabelled.front();
  int known = !desa.empty() + !kecamatan.empty() + !kabupaten.empty();
  if (known < 2 || kabupaten.empty()) return false;
  draft.desa = desa;
  draft.kecamatan = kecamatan;
  draft.kabupaten = kabupaten;
  return true;
}

}  // namespace netra::bot
