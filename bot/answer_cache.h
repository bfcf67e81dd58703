// The answers to questions kept for repeats. People ask the same few questions over and over ("boleh like
// postingan caleg?"), and an answer is a pure function of the normalised message and the audience while the
// knowledge index stays open, so a repeated question costs a hash lookup instead of an FTS5 query and a re-rank.
#pragma once

#include "bot/answer.h"
#include "bot/lru_cache.h"

namespace netra::bot {

using AnswerCache = LruCache<Answer>;

}  // namespace netra::bot
