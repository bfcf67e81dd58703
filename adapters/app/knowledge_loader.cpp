#include "adapters/app/knowledge_loader.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "knowledge/sqlite.h"

namespace netra::adapters {
namespace {

namespace fs = std::filesystem;

// A pin file, removed when the knowledge base that reads it is gone.
class Pin {
 public:
  explicit Pin(std::string path) : path_(std::move(path)) {}
  ~Pin() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove(path_, ignored);
  }
  Pin(const Pin&) = delete;
  Pin& operator=(const Pin&) = delete;

 private:
  std::string path_;
};

// One loaded generation. Members are destroyed in reverse order: the answerer, then the knowledge base (closing
// its connections), then the pin.
struct Generation {
  Pin pin;
  std::unique_ptr<const knowledge::KnowledgeBase> knowledge;
  bot::Answerer answerer;
  Generation(std::string pin_path, std::unique_ptr<const knowledge::KnowledgeBase> kb, size_t cache_entries)
      : pin(std::move(pin_path)), knowledge(std::move(kb)), answerer(*knowledge, cache_entries) {}
};

std::string pin_prefix(const std::string& index_path) {
  return fs::path(index_path).filename().string() + ".pin-";
}

}  // namespace

KnowledgeLoader::KnowledgeLoader(knowledge::KnowledgeSource source, std::string index_path, size_t answer_cache_entries)
    : source_(std::move(source)), index_path_(std::move(index_path)), answer_cache_entries_(answer_cache_entries) {}

bool KnowledgeLoader::index_is_current() const {
  if (!fs::exists(index_path_)) return false;
  try {
    knowledge::Database db(index_path_, knowledge::Database::Mode::read_only);
    knowledge::Statement stored(db, "SELECT value FROM meta WHERE key = 'fingerprint'");
    return stored.step() && stored.column_text(0) == knowledge::fingerprint_of(source_);
  } catch (const std::exception&) {
    return false;  // not an index we can read: rebuild it
  }
}

void KnowledgeLoader::build() const {
  auto report = knowledge::build_index(source_, index_path_, knowledge::DictionaryPaths{});
  if (!report.problems.empty()) {
    std::string message = "the knowledge corpus is invalid:";
    for (const auto& problem : report.problems) message += "\n" + problem.to_string();
    throw std::runtime_error(message);
  }
}

std::string KnowledgeLoader::pin_index() {
  std::string pin = index_path_ + ".pin-" + std::to_string(::getpid()) + "-" + std::to_string(++loads_);
  std::error_code error;
  fs::remove(pin, error);
  fs::create_hard_link(index_path_, pin, error);
  if (!error) return pin;
  fs::copy_file(index_path_, pin, fs::copy_options::overwrite_existing, error);
  if (!error) return pin;
  fs::remove(pin, error);
  return "";
}

LoadedKnowledge KnowledgeLoader::load() {
  LoadedKnowledge loaded;
  bool have_source = fs::is_directory(source_.corpus_dir());
  if (!have_source && !fs::exists(index_path_)) {
    throw std::runtime_error("knowledge index " + index_path_ + " is missing and no corpus at " + source_.corpus_dir());
  }
  if (have_source && !index_is_current()) {
    build();
    loaded.rebuilt = true;
  }
  std::string pin = pin_index();
  std::unique_ptr<const knowledge::KnowledgeBase> kb;
  try {
    kb = knowledge::KnowledgeBase::open(pin.empty() ? index_path_ : pin, knowledge::DictionaryPaths{});
  } catch (const std::exception&) {
    // E.g. an index built by another version of Netra: rebuild once, as open_or_build does.
    Pin discarded(pin);
    if (!have_source || loaded.rebuilt) throw;
    build();
    loaded.rebuilt = true;
    pin = pin_index();
    kb = knowledge::KnowledgeBase::open(pin.empty() ? index_path_ : pin, knowledge::DictionaryPaths{});
  }
  loaded.entries = kb->entries().size();
  loaded.fingerprint = kb->fingerprint();
  auto generation = std::make_shared<const Generation>(pin, std::move(kb), answer_cache_entries_);
  // The aliasing constructor: points at the answerer, keeps the whole generation alive.
  loaded.answerer = std::shared_ptr<const bot::Answerer>(generation, &generation->answerer);
  return loaded;
}

size_t KnowledgeLoader::remove_stale_pins() const {
  fs::path folder = fs::path(index_path_).parent_path();
  if (folder.empty()) folder = ".";
  std::string prefix = pin_prefix(index_path_);
  size_t removed = 0;
  std::error_code error;
  for (const auto& item : fs::directory_iterator(folder, error)) {
    std::string name = item.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    // <index>.pin-<pid>-<load>
    pid_t pid = 0;
    try {
      pid = static_cast<pid_t>(std::stol(name.substr(prefix.size())));
    } catch (const std::exception&) {
      continue;
    }
    if (pid <= 0 || pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (fs::remove(item.path(), ignored)) ++removed;
  }
  return removed;
}

}  // namespace netra::adapters
