// The thread between reviewers and the anonymous reporter, and the internal notes, on PostgreSQL. A question or
// note locks its report against deletion (FOR KEY SHARE) while it is written; an answer locks it exclusively, so
// answers arriving on two replicas at once are counted one after the other against kMaxAnswersPerQuestion.
#include "adapters/storage/postgres_report_store.h"

namespace netra::adapters::storage {

using bot::AuditEntry;
using bot::InternalNote;
using bot::ThreadAuthor;
using bot::ThreadMessage;
using bot::ThreadReply;

namespace {

constexpr PgStatement kLockShared{"netra_report_lock_key_share", "SELECT 1 FROM reports WHERE code = $1 FOR KEY SHARE"};
constexpr PgStatement kLockExclusive{"netra_report_lock_update", "SELECT 1 FROM reports WHERE code = $1 FOR UPDATE"};
// The time a reviewer's entry carries, and the day a reporter's carries: the database's clock, UTC.
constexpr PgStatement kNow{"netra_report_now",
                           "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                           "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')"};
constexpr PgStatement kInsertQuestion{
    "netra_thread_insert_question",
    "INSERT INTO thread_messages(code, author, reviewer, text, at) VALUES ($1, 'reviewer', $2, $3, $4)"};
constexpr PgStatement kInsertAnswer{
    "netra_thread_insert_answer",
    "INSERT INTO thread_messages(code, author, reviewer, text, at) VALUES ($1, 'reporter', '', $2, $3)"};
constexpr PgStatement kInsertNote{"netra_note_insert",
                                  "INSERT INTO internal_notes(code, reviewer, text, at) VALUES ($1, $2, $3, $4)"};
// The last question, and the reporter's messages since it.
constexpr PgStatement kSinceQuestion{
    "netra_thread_since_question",
    "SELECT (SELECT max(id) FROM thread_messages WHERE code = $1 AND author = 'reviewer'), "
    "(SELECT count(*) FROM thread_messages WHERE code = $1 AND author = 'reporter' AND id > "
    "(SELECT coalesce(max(id), 0) FROM thread_messages WHERE code = $1 AND author = 'reviewer'))"};
constexpr PgStatement kSelectThread{
    "netra_thread_select", "SELECT id, author, reviewer, text, at FROM thread_messages WHERE code = $1 ORDER BY id"};
constexpr PgStatement kSelectOpenQuestions{
    "netra_thread_open_questions",
    "SELECT id, author, reviewer, text, at FROM thread_messages WHERE code = $1 AND author = 'reviewer' "
    "AND id > (SELECT coalesce(max(id), 0) FROM thread_messages WHERE code = $1 AND author = 'reporter') "
    "ORDER BY id"};
constexpr PgStatement kSelectNotes{"netra_note_select",
                                   "SELECT id, reviewer, text, at FROM internal_notes WHERE code = $1 ORDER BY id"};

std::vector<ThreadMessage> read_messages(const PgResult& rows) {
  std::vector<ThreadMessage> messages;
  for (int row = 0; row < rows.rows(); ++row) {
    ThreadMessage message;
    message.id = rows.integer(row, 0);
    message.author = rows.text(row, 1) == "reporter" ? ThreadAuthor::reporter : ThreadAuthor::reviewer;
    message.reviewer = rows.text(row, 2);
    message.text = rows.text(row, 3);
    message.at = rows.text(row, 4);
    messages.push_back(std::move(message));
  }
  return messages;
}

// A reviewer's row and its audit line, in one transaction. False when the report does not exist.
bool add_reviewer_entry(PgPool& pool, const PgStatement& insert, const char* action, const std::string& receipt_code,
                        const std::string& reviewer, const std::string& text) {
  auto connection = pool.acquire();
  PgTransaction transaction(*connection);
  if (!postgres_report::lock_report(*connection, receipt_code, false)) return false;
  std::string at = connection->run(kNow).text(0, 0);
  connection->run(insert, {receipt_code, reviewer, text, at});
  AuditEntry entry;
  entry.at = at;
  entry.action = action;
  entry.receipt_code = receipt_code;
  entry.admin_label = reviewer;
  postgres_report::insert_audit(*connection, entry);
  transaction.commit();
  return true;
}

}  // namespace

namespace postgres_report {

bool lock_report(PgConnection& connection, const std::string& receipt_code, bool exclusive) {
  return connection.run(exclusive ? kLockExclusive : kLockShared, {receipt_code}).rows() > 0;
}

}  // namespace postgres_report

bool PostgresReportStore::add_question(const std::string& receipt_code, const std::string& reviewer,
                                       const std::string& text) {
  return add_reviewer_entry(pool_, kInsertQuestion, "question", receipt_code, reviewer, text);
}

ThreadReply PostgresReportStore::add_answer(const std::string& receipt_code, const std::string& text) {
  auto connection = pool_.acquire();
  PgTransaction transaction(*connection);
  if (!postgres_report::lock_report(*connection, receipt_code, true)) return ThreadReply::no_report;
  auto since = connection->run(kSinceQuestion, {receipt_code});
  if (since.is_null(0, 0)) return ThreadReply::no_open_question;
  if (since.integer(0, 1) >= kMaxAnswersPerQuestion) return ThreadReply::too_many_answers;
  std::string day = connection->run(kNow).text(0, 1);
  connection->run(kInsertAnswer, {receipt_code, text, day});
  AuditEntry entry;
  entry.at = day;  // the day only, like the answer itself
  entry.action = "answer_received";
  entry.receipt_code = receipt_code;
  postgres_report::insert_audit(*connection, entry);
  transaction.commit();
  return ThreadReply::accepted;
}

std::vector<ThreadMessage> PostgresReportStore::thread(const std::string& receipt_code) {
  auto connection = pool_.acquire();
  return read_messages(connection->run(kSelectThread, {receipt_code}));
}

std::vector<ThreadMessage> PostgresReportStore::open_questions(const std::string& receipt_code) {
  auto connection = pool_.acquire();
  return read_messages(connection->run(kSelectOpenQuestions, {receipt_code}));
}

bool PostgresReportStore::add_internal_note(const std::string& receipt_code, const std::string& reviewer,
                                            const std::string& text) {
  return add_reviewer_entry(pool_, kInsertNote, "internal_note", receipt_code, reviewer, text);
}

std::vector<InternalNote> PostgresReportStore::internal_notes(const std::string& receipt_code) {
  auto connection = pool_.acquire();
  auto rows = connection->run(kSelectNotes, {receipt_code});
  std::vector<InternalNote> notes;
  for (int row = 0; row < rows.rows(); ++row) {
    notes.push_back({rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
  }
  return notes;
}

}  // namespace netra::adapters::storage
