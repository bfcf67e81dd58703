// `netra lexicon coverage FILE`: how much of an informal→formal word list the chat-language map covers.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// args[0] is "lexicon". Exit code: 0 measured, 1 unreadable list or lexicon, 2 usage error.
int command_lexicon(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace netra::adapters
