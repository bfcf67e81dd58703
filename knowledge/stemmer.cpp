#include "knowledge/stemmer.h"

#include <hunspell/hunspell.hxx>

#include <array>
#include <filesystem>
#include <stdexcept>

#include "knowledge/text.h"

namespace netra::knowledge {
namespace {

// The cache only grows with distinct words; user text can hold arbitrarily many, so it is capped.
constexpr size_t kMaxCachedWords = 200000;

}  // namespace

Stemmer::Stemmer(const DictionaryPaths& paths) {
  if (!std::filesystem::exists(paths.aff) || !std::filesystem::exists(paths.dic)) {
    throw std::runtime_error("hunspell dictionary not found at " + paths.aff + " / " + paths.dic +
                             " (install the hunspell-id package)");
  }
  hunspell_ = std::make_unique<Hunspell>(paths.aff.c_str(), paths.dic.c_str());
}

Stemmer::~Stemmer() = default;

std::string Stemmer::stem(const std::string& word) const {
  {
    std::shared_lock lock(cache_mutex_);
    auto found = cache_.find(word);
    if (found != cache_.end()) return found->second;
  }
  std::string result = stem_uncached(word);
  std::unique_lock lock(cache_mutex_);
  if (cache_.size() < kMaxCachedWords) cache_.emplace(word, result);
  return result;
}

bool Stemmer::known(const std::string& word) const {
  std::string latin1;
  if (!utf8_to_latin1(word, latin1)) return false;
  std::lock_guard lock(hunspell_mutex_);
  return hunspell_->spell(latin1);
}

std::string Stemmer::dictionary_stem(const std::string& word) const {
  std::string latin1;
  if (!utf8_to_latin1(word, latin1)) return {};
  auto stems = hunspell_->stem(latin1);
  if (stems.empty()) return {};
  // A word that is itself a root keeps its form ("perangkat" rather than "angkat"): the longer root is the
  // meaning people intend, and the choice is the same at index and query time.
  for (const auto& candidate : stems) {
    if (candidate == latin1) return word;
  }
  return latin1_to_utf8(stems.front());
}

std::string Stemmer::stem_uncached(const std::string& word) const {
  if (word.size() < 3 || word.find_first_not_of("0123456789") == std::string::npos) return word;
  std::lock_guard lock(hunspell_mutex_);
  if (auto known = dictionary_stem(word); !known.empty()) return known;

  // Rule-based fallback for derivations the dictionary lacks: strip clitics, suffixes, then prefixes, and accept
  // the first candidate the dictionary knows. Longest affixes first.
  static const std::array<std::string_view, 4> clitics = {"nya", "lah", "kah", "pun"};
  static const std::array<std::string_view, 5> suffixes = {"kan", "an", "in", "i", ""};
  static const std::array<std::string_view, 14> prefixes = {"memper", "diper", "menge", "meng", "meny", "mem", "men",
                                                            "nge",    "ber",   "ter",   "di",   "me",   "ke", ""};
  // Javanese krama possessives ("kampanyenipun", "bantuanipun") stand where Indonesian has "-nya"; a word the
  // dictionary does not know without one keeps it ("sekalipun").
  static const std::array<std::string_view, 2> krama_possessives = {"nipun", "ipun"};
  for (auto possessive : krama_possessives) {
    if (word.ends_with(possessive) && word.size() > possessive.size() + 3) {
      if (auto known = dictionary_stem(word.substr(0, word.size() - possessive.size())); !known.empty()) return known;
    }
  }
  std::string base = word;
  for (auto clitic : clitics) {
    if (base.ends_with(clitic) && base.size() > clitic.size() + 3) {
      base.resize(base.size() - clitic.size());
      if (auto known = dictionary_stem(base); !known.empty()) return known;
      break;
    }
  }
  for (auto suffix : suffixes) {
    if (!base.ends_with(suffix) || base.size() < suffix.size() + 3) continue;
    std::string without_suffix = base.substr(0, base.size() - suffix.size());
    for (auto prefix : prefixes) {
      if (!without_suffix.starts_with(prefix) || without_suffix.size() < prefix.size() + 3) continue;
      std::string candidate = without_suffix.substr(prefix.size());
      if (candidate == word) continue;
      if (auto known = dictionary_stem(candidate); !known.empty()) return known;
    }
  }
  return base;
}

}  // namespace netra::knowledge
