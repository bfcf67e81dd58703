// Receipt codes as people type them back: NTR-XXXX-XXXX in any case, with dashes, spaces or nothing between.
#pragma once

#include <optional>
#include <string>

namespace netra::bot {

// Finds a receipt code and returns it normalised to upper case with dashes ("NTR-7K3Q-9XWD"), or nullopt.
std::optional<std::string> find_receipt_code(const std::string& text);

}  // namespace netra::bot
