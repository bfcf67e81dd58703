// A report's thread between reviewers and the anonymous reporter, and the reviewers' internal notes. The
// reporter is reached only through the receipt code: an answer is stored as its text and its day, nothing
// else. Each write is audited in the same transaction as the row it adds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bot/report_records.h"

namespace netra::bot {

class ReportThreadStore {
 public:
  virtual ~ReportThreadStore() = default;

  // How many answers the reporter may send after one question: enough to correct oneself, too few to flood.
  static constexpr int64_t kMaxAnswersPerQuestion = 5;

  // A reviewer's question to the reporter, audited as "question" under the reviewer's name. False when no
  // report has that code.
  virtual bool add_question(const std::string& receipt_code, const std::string& reviewer, const std::string& text) = 0;
  // The reporter's answer (dated to the day), audited as "answer_received" (dated to the day, no name).
  // Refused unless a reviewer asked something and the reporter sent fewer than kMaxAnswersPerQuestion answers
  // since the last question.
  virtual ThreadReply add_answer(const std::string& receipt_code, const std::string& text) = 0;
  // The whole thread, oldest first.
  virtual std::vector<ThreadMessage> thread(const std::string& receipt_code) = 0;
  // The reviewers' questions after the reporter's last answer (all of them when there is none), oldest first.
  virtual std::vector<ThreadMessage> open_questions(const std::string& receipt_code) = 0;
  // A note only reviewers see, audited as "internal_note". False when no report has that code.
  virtual bool add_internal_note(const std::string& receipt_code, const std::string& reviewer,
                                 const std::string& text) = 0;
  // The report's internal notes, oldest first.
  virtual std::vector<InternalNote> internal_notes(const std::string& receipt_code) = 0;
};

}  // namespace netra::bot
