#include "knowledge/duties.h"

#include <algorithm>
#include <string>

#include "knowledge/strings.h"

namespace netra::knowledge {
namespace {

constexpr const char* kFile = "duties.txt";

}  // namespace

RoleDuties RoleDuties::parse(std::string_view text, std::vector<Problem>& problems) {
  RoleDuties duties;
  for_each_line(text, [&](int number, std::string_view content) {
    auto colon = content.find(':');
    auto role = colon == std::string_view::npos ? std::nullopt : parse_role(trim(content.substr(0, colon)));
    if (!role) {
      problems.push_back({kFile, number, "expected `ROLE: SOURCE PASAL [AYAT]` with a known role"});
      return;
    }
    auto words = split_spaces(content.substr(colon + 1));
    if (words.size() < 2 || words.size() > 3) {
      problems.push_back({kFile, number, "expected `SOURCE PASAL [AYAT]` after the role"});
      return;
    }
    duties.duties_.push_back({*role, {words[0], words[1], words.size() == 3 ? words[2] : ""}, number});
  });
  return duties;
}

void RoleDuties::validate(const Corpus& corpus, std::vector<Problem>& problems) const {
  for (const auto& duty : duties_) {
    bool found = std::any_of(corpus.entries.begin(), corpus.entries.end(), [&](const Entry& entry) {
      return entry.kind == EntryKind::article && covers(duty.article, {entry.source, entry.pasal, entry.ayat});
    });
    if (!found) {
      problems.push_back({kFile, duty.line, "no corpus article " + describe(duty.article)});
    }
  }
}

std::vector<ArticleRef> RoleDuties::of(Role role) const {
  std::vector<ArticleRef> articles;
  for (const auto& duty : duties_) {
    if (duty.role == role) articles.push_back(duty.article);
  }
  return articles;
}

}  // namespace netra::knowledge
