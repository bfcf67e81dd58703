// The reporter's side of a report's thread, on every channel: `cek CODE` (or `status CODE`, or the code alone)
// shows the status, the reviewers' public note and any open question; `jawab CODE <text>` answers it. The
// receipt code is the only key: nothing about who sends these messages is looked at or stored, and the answer
// enters the thread as its text alone. Both spend the sender's daily allowance of code look-ups
// (ConversationLimits::status_checks_per_day), so guessing codes stays hopeless.
//
// These are commands, matched on the message's words before any understanding of free text, so they keep
// working whatever the intent rules do.
#pragma once

#include <optional>
#include <string>

#include "bot/composer.h"
#include "bot/message.h"
#include "bot/report_store.h"
#include "bot/report_thread_store.h"
#include "bot/sender_state.h"

namespace netra::bot {

struct ConversationLimits;

// A reporter command read from a message.
struct ThreadCommand {
  enum class Kind { check, answer } kind = Kind::check;
  std::string receipt_code;  // normalised: NTR-XXXX-XXXX
  std::string text;          // the answer (trimmed), for Kind::answer
};

// Reads "cek CODE", "status CODE", "/cek CODE", "/cek@SomeBot CODE", "jawab CODE text", or a message that is
// only a code. nullopt for anything else (including a command word with no code).
std::optional<ThreadCommand> read_thread_command(const std::string& text);

class ReporterThread {
 public:
  // `limits` and `composer` (the menu's texts) must outlive this object.
  ReporterThread(ReportStore& reports, ReportThreadStore& threads, SenderState& store, const ConversationLimits& limits,
                 const Composer& composer);

  // The reply to a reporter command, or nullopt when the message is not one.
  std::optional<ConversationResult> handle(const InboundMessage& message);
  // The status, public note and open questions of a report, for its receipt code.
  ConversationResult check(const InboundMessage& message, const std::string& receipt_code);
  ConversationResult answer(const InboundMessage& message, const std::string& receipt_code, const std::string& text);

 private:
  bool over_daily_limit(const InboundMessage& message);

  ReportStore& reports_;
  ReportThreadStore& threads_;
  SenderState& store_;
  const ConversationLimits& limits_;
  const Composer& composer_;
};

// The reporter-facing description of a status (replies.txt key thread.status.<status>, e.g. "Ditinjau — sedang
// diperiksa tim peninjau."); a status outside the store's set is returned as it is.
std::string status_description(const Composer& composer, const std::string& status);

}  // namespace netra::bot
