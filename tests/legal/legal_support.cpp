#include "legal/legal_support.h"

#include <algorithm>
#include <cctype>

#include "support/test_support.h"

namespace netra::legal_testing {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

bool Reply::mentions(std::string_view fragment) const { return text.find(lower(fragment)) != std::string::npos; }

bool Reply::cites(std::string_view source, std::string_view pasal) const {
  return std::any_of(answer.citations.begin(), answer.citations.end(), [&](const bot::Citation& citation) {
    return citation.source == source && (pasal.empty() || citation.pasal == pasal);
  });
}

std::string Reply::sanction_line() const {
  auto start = text.find("\nsanksi: ");
  if (start == std::string::npos) return "";
  auto end = text.find('\n', start + 1);
  return text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
}

Reply ask(const std::string& question, const std::optional<std::string>& role) {
  Reply reply{testing::shared_answerer().answer(question, role), ""};
  reply.text = lower(reply.answer.text);
  return reply;
}

}  // namespace netra::legal_testing
