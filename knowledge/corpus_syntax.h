// The line syntax of a corpus file (docs/corpus-format.md, "Syntax"): comments, `key: value` fields with
// indented continuations, and `== KIND ID` lines that start entries. Private to knowledge/corpus.cpp, which gives
// the fields their meaning.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/problem.h"

namespace netra::knowledge::corpus_syntax {

// A field as read: its values (several for repeatable keys) and the line of its first occurrence.
struct Field {
  std::vector<std::string> values;
  int line = 0;
};

// One block of the file: the header, or an entry started by `== KIND ID`.
struct Block {
  std::string kind;  // empty for the header, and for an entry whose `==` line was malformed (already reported)
  std::string id;
  int line = 0;
  std::map<std::string, Field> fields;  // by key
};

// Splits a file into blocks; the first is always the header. `repeatable` tells which keys may occur more than
// once in a block. Problems (file `name`, line) are appended; a bad line is skipped, the rest still read.
std::vector<Block> read_blocks(const std::string& name, std::string_view content,
                               const std::function<bool(const std::string&)>& repeatable,
                               std::vector<Problem>& problems /* OUT */);

}  // namespace netra::knowledge::corpus_syntax
