#include "bot/reporter_thread.h"

#include <algorithm>
#include <cctype>

#include "bot/conversation.h"
#include "bot/reports.h"
#include "knowledge/strings.h"
#include "knowledge/text.h"

namespace netra::bot {
namespace {

bool is_code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Reads a receipt code starting exactly at `pos` ("NTR" then eight letters or digits, dashes or spaces allowed
// between them). On success moves `pos` past it and returns the code as NTR-XXXX-XXXX.
std::optional<std::string> code_at(const std::string& text, size_t& pos) {
  if (text.size() < pos + 3) return std::nullopt;
  for (size_t i = 0; i < 3; ++i) {
    if (std::toupper(static_cast<unsigned char>(text[pos + i])) != "NTR"[i]) return std::nullopt;
  }
  size_t at = pos + 3;
  std::string code;
  while (at < text.size() && code.size() < 8) {
    char c = text[at];
    if (is_code_char(c)) {
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (c != '-' && c != ' ') {
      break;
    }
    ++at;
  }
  if (code.size() != 8 || (at < text.size() && is_code_char(text[at]))) return std::nullopt;
  pos = at;
  return "NTR-" + code.substr(0, 4) + "-" + code.substr(4);
}

size_t skip_spaces(const std::string& text, size_t pos) {
  while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text[pos] == ':')) ++pos;
  return pos;
}

}  // namespace

std::string status_description(const Composer& composer, const std::string& status) {
  // Statuses come from the report store's fixed set; an unknown one is shown as stored.
  return is_report_status(status) ? composer.say("thread.status." + status) : status;
}

std::optional<ThreadCommand> read_thread_command(const std::string& raw) {
  std::string text(knowledge::trim(raw));
  size_t pos = 0;
  ThreadCommand command;
  if (auto code = code_at(text, pos)) {
    if (skip_spaces(text, pos) != text.size()) return std::nullopt;  // a code inside a sentence is not a command
    command.receipt_code = *code;
    return command;
  }
  if (!text.empty() && text.front() == '/') ++pos;
  size_t word_end = pos;
  while (word_end < text.size() && std::isalpha(static_cast<unsigned char>(text[word_end]))) ++word_end;
  std::string word = knowledge::ascii_lower(text.substr(pos, word_end - pos));
  if (word != "cek" && word != "status" && word != "jawab") return std::nullopt;
  pos = word_end;
  if (pos < text.size() && text[pos] == '@') {  // Telegram: /cek@SomeBot
    while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  pos = skip_spaces(text, pos);
  auto code = code_at(text, pos);
  if (!code) return std::nullopt;
  command.receipt_code = *code;
  std::string rest(knowledge::trim(text.substr(pos)));
  if (word == "jawab") {
    command.kind = ThreadCommand::Kind::answer;
    command.text = rest;
  } else if (!rest.empty()) {
    return std::nullopt;  // "status NTR-… kok belum berubah?" is a question for the answerer
  }
  return command;
}

ReporterThread::ReporterThread(ReportStore& reports, ReportThreadStore& threads, SenderState& store,
                               const ConversationLimits& limits, const Composer& composer)
    : reports_(reports), threads_(threads), store_(store), limits_(limits), composer_(composer) {}

std::optional<ConversationResult> ReporterThread::handle(const InboundMessage& message) {
  auto command = read_thread_command(message.text);
  if (!command) return std::nullopt;
  if (command->kind == ThreadCommand::Kind::answer) return answer(message, command->receipt_code, command->text);
  return check(message, command->receipt_code);
}

bool ReporterThread::over_daily_limit(const InboundMessage& message) {
  // Guessing codes costs a day's allowance: 40 random bits and a few dozen tries a day make guessing hopeless.
  return store_.bump_daily_counter(message.sender_key, "status") > limits_.status_checks_per_day;
}

ConversationResult ReporterThread::check(const InboundMessage& message, const std::string& code) {
  if (over_daily_limit(message)) {
    return {{Reply{composer_.say("thread.limit.status"), {}}}, Intent::status};
  }
  auto report = reports_.find(code);
  if (!report) {
    return {{Reply{composer_.say("thread.not_found", {{"code", code}}), menu_choices(composer_)}},
            Intent::status};
  }
  std::string text =
      composer_.say("thread.check", {{"code", code}, {"status", status_description(composer_, report->status)}});
  if (!report->public_note.empty()) text += "\n" + composer_.say("thread.public_note", {{"note", report->public_note}});
  auto questions = threads_.open_questions(code);
  if (!questions.empty()) {
    text += "\n\n" + composer_.say("thread.questions_heading");
    for (const auto& question : questions) text += "\n• " + question.text;
    text += "\n\n" + composer_.say("thread.reply_hint", {{"code", code}});
  } else if (auto thread = threads_.thread(code); !thread.empty() && thread.back().author == ThreadAuthor::reporter) {
    text += "\n\n" + composer_.say("thread.answer_received");
  }
  return {{Reply{text, menu_choices(composer_)}}, Intent::status};
}

ConversationResult ReporterThread::answer(const InboundMessage& message, const std::string& code,
                                          const std::string& text) {
  auto reply = [](std::string words) { return ConversationResult{{Reply{std::move(words), {}}}, Intent::status}; };
  if (text.empty()) {
    return reply(composer_.say("thread.answer.empty", {{"code", code}}));
  }
  if (!knowledge::valid_utf8(text)) return reply(composer_.say("thread.answer.unreadable"));
  if (text.size() > limits_.max_what_length) {
    return reply(composer_.say("thread.answer.too_long", {{"max", std::to_string(limits_.max_what_length)}}));
  }
  if (over_daily_limit(message)) return reply(composer_.say("thread.limit.messages"));
  switch (threads_.add_answer(code, text)) {
    case ThreadReply::accepted:
      return reply(composer_.say("thread.answer.accepted", {{"code", code}}));
    case ThreadReply::no_report:
      return reply(composer_.say("thread.not_found", {{"code", code}}));
    case ThreadReply::no_open_question:
      return reply(composer_.say("thread.answer.no_open_question", {{"code", code}}));
    case ThreadReply::too_many_answers:
      return reply(composer_.say("thread.answer.too_many", {{"code", code}}));
  }
  return reply("");
}

}  // namespace netra::bot
