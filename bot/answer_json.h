// The answer JSON of the contract (`ask --json`, `ask --jsonl`, POST /api/v1/ask).
#pragma once

#include <nlohmann/json.hpp>

#include "bot/answer.h"

namespace netra::bot {

nlohmann::json to_json(const Answer& answer);

}  // namespace netra::bot
