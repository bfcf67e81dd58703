-- wrk script of the HTTP benchmark (scripts/bench). POSTs the dev-set questions, rotated, to one route:
--   NETRA_WRK_MODE=ask       {"question": …}            (POST /api/v1/ask, and the echo server ceiling)
--   NETRA_WRK_MODE=ask-new   the same, but no two requests alike: each question gets its own combination of
--                            chat particles ("dong", "sih", …). They are stopwords, so the retrieval work is the
--                            same, but the text differs, so Netra's answer cache never has it: the uncached cost.
--   NETRA_WRK_MODE=telegram  a Telegram Update          (POST /webhook/telegram)
-- NETRA_WRK_QUESTIONS names tests/data/dev.jsonl; NETRA_WRK_SECRET is sent as the webhook's secret token;
-- NETRA_WRK_RUN (a small number, one per wrk run) keeps update_ids distinct across runs against one server.
-- Every Update gets its own update_id, or Netra's dedupe would answer the repeats without doing any work.
-- done() prints one machine-readable WRK line for the script to parse.

local mode = os.getenv("NETRA_WRK_MODE") or "ask"
local secret = os.getenv("NETRA_WRK_SECRET")
local run = tonumber(os.getenv("NETRA_WRK_RUN") or "0")

-- Each question is kept as its JSON string literal, so it is embedded without decoding or re-escaping.
local questions = {}
for line in io.lines(os.getenv("NETRA_WRK_QUESTIONS")) do
  local literal = line:match('"question"%s*:%s*(".-[^\\]")')
  if literal then questions[#questions + 1] = literal end
end
assert(#questions > 0, "no questions found in NETRA_WRK_QUESTIONS")

local headers = { ["Content-Type"] = "application/json" }
if secret and secret ~= "" then headers["X-Telegram-Bot-Api-Secret-Token"] = secret end

-- setup() runs in wrk's main Lua state, once per thread; it numbers the threads.
local threads_made = 0
function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_id", threads_made)
end

-- 14 particles: the bits of a request's number pick which follow the question, 16,384 variants per question.
local particles = { "dong", "sih", "ya", "nih", "deh", "kok", "lho", "toh", "pun", "kah", "lah", "tuh", "loh", "nah" }

-- The question literal with the particles the bits of n select, inserted before its closing quote.
local function with_particles(literal, n)
  local words = {}
  for bit = 1, #particles do
    if math.floor(n / 2 ^ (bit - 1)) % 2 == 1 then words[#words + 1] = particles[bit] end
  end
  if #words == 0 then return literal end
  return literal:sub(1, -2) .. " " .. table.concat(words, " ") .. '"'
end

local sent = 0
function request()
  sent = sent + 1
  -- Threads start at different questions so they do not ask the same one in lockstep.
  local question = questions[(sent + thread_id * 13) % #questions + 1]
  if mode == "ask-new" then
    question = with_particles(question, (sent + thread_id * 7919) % 2 ^ #particles)
  end
  if mode ~= "telegram" then
    return wrk.format("POST", nil, headers, '{"question":' .. question .. '}')
  end
  -- update_id: run, thread and counter never collide (all well below 2^53, exact in a Lua number).
  local update_id = run * 1e12 + thread_id * 1e9 + sent
  -- 500 private chats per thread: replies spread over the outbound shards as real traffic does.
  local chat = 7000000 + thread_id * 1000 + sent % 500
  local body = string.format(
    '{"update_id":%.0f,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Bench"},' ..
    '"chat":{"id":%d,"type":"private"},"date":1763877000,"text":%s}}',
    update_id, sent, chat, chat, question)
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d seconds=%.3f non2xx=%d socket_errors=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
    summary.requests, seconds, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
