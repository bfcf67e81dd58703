#include "knowledge/corpus_syntax.h"

#include <sstream>

#include "knowledge/strings.h"
#include "knowledge/text.h"

namespace netra::knowledge::corpus_syntax {
namespace {

// No field is ever this long in a real corpus; a longer one is a broken file (a missing `==`, say).
constexpr size_t kMaxFieldLength = 8000;

class BlockReader {
 public:
  BlockReader(const std::string& name, const std::function<bool(const std::string&)>& repeatable,
              std::vector<Problem>& problems)
      : name_(name), repeatable_(repeatable), problems_(problems) {
    blocks_.emplace_back().line = 1;
  }

  // Reads one line (without its line break) of the file.
  void read_line(int number, std::string_view line) {
    if (trim(line).empty()) {
      last_value_ = nullptr;  // a blank line ends a field: continuation must follow it directly
      return;
    }
    if (line.front() == '#') return;
    if (line.size() >= 2 && line[0] == ' ' && line[1] == ' ') return continue_field(number, line);
    if (line.starts_with("==")) return start_entry(number, line);
    read_field(number, line);
  }

  std::vector<Block> blocks() { return std::move(blocks_); }

 private:
  void continue_field(int number, std::string_view line) {
    if (!last_value_) return problem(number, "continuation line without a field before it");
    *last_value_ += ' ';
    *last_value_ += trim(line);
    if (last_value_->size() > kMaxFieldLength) problem(number, "field longer than 8000 characters");
  }

  void start_entry(int number, std::string_view line) {
    auto parts = split_trimmed(line.substr(2), ' ');
    Block block;
    block.line = number;
    if (parts.size() != 2) {
      problem(number, "expected `== KIND ID`");
    } else {
      block.kind = parts[0];
      block.id = parts[1];
      if (block.kind != "article" && block.kind != "qa" && block.kind != "summary") {
        problem(number, "unknown entry kind `" + block.kind + "` (article, qa, summary)");
      }
    }
    blocks_.push_back(std::move(block));
    last_value_ = nullptr;
  }

  void read_field(int number, std::string_view line) {
    last_value_ = nullptr;
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return problem(number, "expected `key: value`, `== KIND ID`, a comment or an indented continuation");
    }
    std::string key(trim(line.substr(0, colon)));
    auto& field = blocks_.back().fields[key];
    if (!field.values.empty() && !repeatable_(key)) return problem(number, "duplicate key `" + key + "`");
    if (field.values.empty()) field.line = number;
    field.values.emplace_back(trim(line.substr(colon + 1)));
    last_value_ = &field.values.back();
  }

  void problem(int line, std::string message) { problems_.push_back({name_, line, std::move(message)}); }

  const std::string& name_;
  const std::function<bool(const std::string&)>& repeatable_;
  std::vector<Problem>& problems_;
  std::vector<Block> blocks_;
  std::string* last_value_ = nullptr;  // the value a continuation line extends, if any
};

}  // namespace

std::vector<Block> read_blocks(const std::string& name, std::string_view content,
                               const std::function<bool(const std::string&)>& repeatable,
                               std::vector<Problem>& problems) {
  if (!valid_utf8(content)) problems.push_back({name, 1, "file is not valid UTF-8"});
  BlockReader reader(name, repeatable, problems);
  std::istringstream in{std::string(content)};
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    reader.read_line(number, raw);
  }
  return reader.blocks();
}

}  // namespace netra::knowledge::corpus_syntax
