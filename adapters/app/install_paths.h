// Where a `netra` binary finds the files it ships with. The Debian package installs /usr/bin/netra and the
// knowledge in /usr/share/netra/knowledge, i.e. <prefix>/bin and <prefix>/share/netra/knowledge; a binary in the
// build tree has no such folder beside it and uses the source tree's knowledge/ compiled in. Looking relative to
// the binary (not at a fixed /usr path) also lets the package's contents run from anywhere they are unpacked.
#pragma once

#include <string>

namespace netra::adapters {

// <dir of the running binary>/../share/netra/knowledge when it holds a corpus/ folder, else `compiled_default`.
// The caller lets NETRA_KNOWLEDGE_DIR override either.
std::string shipped_knowledge_dir(const std::string& compiled_default);

// <dir of the running binary>/../share/netra/desk/templates when it holds the desk's templates, else
// `compiled_default`. NETRA_DESK_TEMPLATES overrides either.
std::string shipped_desk_templates_dir(const std::string& compiled_default);

}  // namespace netra::adapters
