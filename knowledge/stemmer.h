// Indonesian stemming: hunspell with the hunspell-id dictionary, plus affix-stripping rules for words the
// dictionary does not know (dikampanyekan, postingannya). Results are cached; safe to share between threads.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

class Hunspell;

namespace netra::knowledge {

struct DictionaryPaths {
  std::string aff = "/usr/share/hunspell/id_ID.aff";
  std::string dic = "/usr/share/hunspell/id_ID.dic";
};

class Stemmer {
 public:
  // Throws std::runtime_error when the dictionary files are missing.
  explicit Stemmer(const DictionaryPaths& paths);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of one folded, lowercase ASCII word. Words hunspell cannot stem pass through affix rules and,
  // failing those, come back unchanged. Digits-only words are returned as they are.
  std::string stem(const std::string& word) const;

  // True when the dictionary knows the word as it is (hunspell's spell check).
  bool known(const std::string& word) const;

 private:
  std::string stem_uncached(const std::string& word) const;
  // hunspell's stem, or empty when it knows no stem. Caller holds hunspell_mutex_.
  std::string dictionary_stem(const std::string& word) const;

  std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex hunspell_mutex_;  // hunspell is not documented as thread-safe
  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::string> cache_;
};

}  // namespace netra::knowledge
