// Lenient reading of a webhook body whose authenticity is already established (the signature is computed over
// the raw bytes first, always): what a strict JSON parser refuses inside strings is replaced instead, so that one
// odd character never makes the platform redeliver a whole batch forever.
//   - A UTF-16 surrogate escape without its partner ("\ud83d" alone, "\udc4d" alone) becomes "\ufffd": nlohmann/json
//     3.11 rejects the whole document for it ("surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"), and
//     clients do send emoji cut in half.
//   - Bytes that are not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) become
//     U+FFFD, which nlohmann/json would also refuse.
// Everything else is left for the parser: a body that is still not JSON stays a bad request.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace netra::adapters {

// The text with the replacements above; the same bytes when there was nothing to replace. Linear in the size.
std::string repair_json_text(std::string_view text);

// json::parse of the repaired text, without exceptions: a discarded value when it is still not JSON.
nlohmann::json parse_json_leniently(std::string_view text);

}  // namespace netra::adapters
