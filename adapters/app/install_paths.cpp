#include "adapters/app/install_paths.h"

#include <filesystem>
#include <system_error>

namespace netra::adapters {

std::string shipped_knowledge_dir(const std::string& compiled_default) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return compiled_default;
  fs::path shipped = binary.parent_path().parent_path() / "share" / "netra" / "knowledge";
  return fs::is_directory(shipped / "corpus", error) ? shipped.string() : compiled_default;
}

std::string shipped_desk_templates_dir(const std::string& compiled_default) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return compiled_default;
  fs::path shipped = binary.parent_path().parent_path() / "share" / "netra" / "desk" / "templates";
  return fs::is_regular_file(shipped / "header.tpl", error) ? shipped.string() : compiled_default;
}

}  // namespace netra::adapters
