// The thread between reviewers and the anonymous reporter, and the reviewers' internal notes. The reporter is
// reached only through the receipt code: an answer carries its text and its day, nothing else.
#include "adapters/storage/sqlite_report_store.h"
#include "bot/clock.h"
#include "bot/reports.h"

namespace netra::adapters::storage {

using bot::AuditEntry;
using bot::InternalNote;
using bot::iso_time;
using bot::ThreadAuthor;
using bot::ThreadMessage;
using bot::ThreadReply;
using bot::unix_now;
using bot::utc_day;
namespace {

using knowledge::Statement;

ThreadMessage read_message(const Statement& row) {
  ThreadMessage message;
  message.id = row.column_int(0);
  message.author = row.column_text(1) == "reporter" ? ThreadAuthor::reporter : ThreadAuthor::reviewer;
  message.reviewer = row.column_text(2);
  message.text = row.column_text(3);
  message.at = row.column_text(4);
  return message;
}

}  // namespace

bool SqliteReportStore::add_question(const std::string& receipt_code, const std::string& reviewer,
                                     const std::string& text) {
  return add_reviewer_entry(
      "INSERT INTO thread_messages(code, author, reviewer, text, at) VALUES (?1, 'reviewer', ?2, ?3, ?4)", "question",
      receipt_code, reviewer, text);
}

ThreadReply SqliteReportStore::add_answer(const std::string& receipt_code, const std::string& text) {
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  if (!report_exists(receipt_code)) return ThreadReply::no_report;
  // The reporter's messages since the last question: none allowed without a question, a few after one.
  Statement since(db_,
                  "SELECT (SELECT max(id) FROM thread_messages WHERE code = ?1 AND author = 'reviewer'), "
                  "(SELECT count(*) FROM thread_messages WHERE code = ?1 AND author = 'reporter' AND id > "
                  "(SELECT coalesce(max(id), 0) FROM thread_messages WHERE code = ?1 AND author = 'reviewer'))");
  since.bind(1, receipt_code).step();
  if (since.column_is_null(0)) return ThreadReply::no_open_question;
  if (since.column_int(1) >= kMaxAnswersPerQuestion) return ThreadReply::too_many_answers;
  std::string day = utc_day(unix_now());
  Statement insert(db_,
                   "INSERT INTO thread_messages(code, author, reviewer, text, at) VALUES (?1, 'reporter', '', ?2, ?3)");
  insert.bind(1, receipt_code).bind(2, text).bind(3, day).run();
  AuditEntry entry;
  entry.at = day;  // the day only, like the answer itself
  entry.action = "answer_received";
  entry.receipt_code = receipt_code;
  insert_audit(entry);
  transaction.commit();
  return ThreadReply::accepted;
}

std::vector<ThreadMessage> SqliteReportStore::thread(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT id, author, reviewer, text, at FROM thread_messages WHERE code = ?1 ORDER BY id");
  select.bind(1, receipt_code);
  std::vector<ThreadMessage> messages;
  while (select.step()) messages.push_back(read_message(select));
  return messages;
}

std::vector<ThreadMessage> SqliteReportStore::open_questions(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(
      db_,
      "SELECT id, author, reviewer, text, at FROM thread_messages WHERE code = ?1 AND author = 'reviewer' "
      "AND id > (SELECT coalesce(max(id), 0) FROM thread_messages WHERE code = ?1 AND author = 'reporter') "
      "ORDER BY id");
  select.bind(1, receipt_code);
  std::vector<ThreadMessage> messages;
  while (select.step()) messages.push_back(read_message(select));
  return messages;
}

bool SqliteReportStore::add_internal_note(const std::string& receipt_code, const std::string& reviewer,
                                          const std::string& text) {
  return add_reviewer_entry("INSERT INTO internal_notes(code, reviewer, text, at) VALUES (?1, ?2, ?3, ?4)",
                            "internal_note", receipt_code, reviewer, text);
}

bool SqliteReportStore::add_reviewer_entry(const char* insert_sql, const char* action, const std::string& receipt_code,
                                           const std::string& reviewer, const std::string& text) {
  std::lock_guard lock(mutex_);
  knowledge::Transaction transaction(db_, true);
  if (!report_exists(receipt_code)) return false;
  std::string at = iso_time(unix_now());
  Statement insert(db_, insert_sql);
  insert.bind(1, receipt_code).bind(2, reviewer).bind(3, text).bind(4, at).run();
  AuditEntry entry;
  entry.at = at;
  entry.action = action;
  entry.receipt_code = receipt_code;
  entry.admin_label = reviewer;
  insert_audit(entry);
  transaction.commit();
  return true;
}

std::vector<InternalNote> SqliteReportStore::internal_notes(const std::string& receipt_code) {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT id, reviewer, text, at FROM internal_notes WHERE code = ?1 ORDER BY id");
  select.bind(1, receipt_code);
  std::vector<InternalNote> notes;
  while (select.step()) {
    notes.push_back({select.column_int(0), select.column_text(1), select.column_text(2), select.column_text(3)});
  }
  return notes;
}

}  // namespace netra::adapters::storage
