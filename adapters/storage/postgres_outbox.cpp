#include "adapters/storage/postgres_outbox.h"

#include <algorithm>

namespace netra::adapters::storage {
namespace {

// The head of each chat's queue only (no earlier open row of the chat), oldest first. A row another relay has
// locked is skipped; and while it is locked its later rows are excluded by the NOT EXISTS (they see it queued or
// sending), so one chat's rows never go out of order or two at a time.
constexpr PgStatement kClaim{
    "netra_outbox_claim",
    "WITH next AS ("
    "  SELECT o.id FROM outbox o"
    "  WHERE o.state = 'queued' AND NOT EXISTS ("
    "    SELECT 1 FROM outbox e WHERE e.channel = o.channel AND e.chat_key = o.chat_key AND e.id < o.id"
    "    AND e.state IN ('queued', 'sending'))"
    "  ORDER BY o.id LIMIT $1::integer FOR UPDATE OF o SKIP LOCKED) "
    "UPDATE outbox SET state = 'sending', claimed_at = now(), claimed_by = $2, attempted_at = NULL "
    "FROM next WHERE outbox.id = next.id "
    "RETURNING outbox.id, outbox.channel, outbox.payload, outbox.attempts"};
// Only the claimer's own row, still sending: a relay that was taken for dead must not send what another now owns.
constexpr PgStatement kMarkAttempt{"netra_outbox_mark_attempt",
                                   "UPDATE outbox SET attempted_at = now(), attempts = attempts + 1 "
                                   "WHERE id = $1::bigint AND state = 'sending' AND claimed_by = $2"};
constexpr PgStatement kDelivered{"netra_outbox_delivered", "DELETE FROM outbox WHERE id = $1::bigint"};
constexpr PgStatement kRelease{
    "netra_outbox_release",
    "UPDATE outbox SET state = 'queued', claimed_at = NULL, claimed_by = NULL, attempted_at = NULL "
    "WHERE id = $1::bigint AND state = 'sending'"};
constexpr PgStatement kGiveUp{"netra_outbox_give_up",
                              "UPDATE outbox SET state = 'given_up', payload = NULL WHERE id = $1::bigint"};
constexpr PgStatement kMaybeSent{"netra_outbox_maybe_sent",
                                 "UPDATE outbox SET state = 'maybe_sent', payload = NULL WHERE id = $1::bigint"};
constexpr PgStatement kHeartbeat{"netra_outbox_heartbeat",
                                 "INSERT INTO outbox_relays(claimer, seen_at) VALUES ($1, now()) "
                                 "ON CONFLICT (claimer) DO UPDATE SET seen_at = excluded.seen_at"};
constexpr PgStatement kMarkStale{
    "netra_outbox_mark_stale",
    "UPDATE outbox o SET "
    "  state = CASE WHEN o.attempted_at IS NULL THEN 'queued' ELSE 'maybe_sent' END, "
    "  payload = CASE WHEN o.attempted_at IS NULL THEN o.payload END, "
    "  claimed_at = NULL, claimed_by = NULL "
    "WHERE o.state = 'sending' AND (o.claimed_at < now() - make_interval(secs => $2::double precision) "
    "  OR NOT EXISTS (SELECT 1 FROM outbox_relays r WHERE r.claimer = o.claimed_by "
    "                 AND r.seen_at >= now() - make_interval(secs => $1::double precision))) "
    "RETURNING o.state"};
constexpr PgStatement kForgetRelays{"netra_outbox_forget_relays",
                                    "DELETE FROM outbox_relays WHERE seen_at < now() - interval '1 day'"};
constexpr PgStatement kCounts{"netra_outbox_counts", "SELECT state, count(*) FROM outbox GROUP BY state"};

}  // namespace

std::vector<bot::OutboxEntry> PostgresOutbox::claim(size_t limit, const std::string& claimer) {
  auto connection = pool_.acquire();
  // One statement, so its own transaction: the claim (and the attempt) is committed before anything is sent.
  auto rows = connection->run(kClaim, {std::to_string(limit), claimer});
  std::vector<bot::OutboxEntry> entries;
  for (int row = 0; row < rows.rows(); ++row) {
    entries.push_back({rows.integer(row, 0), rows.text(row, 1), rows.optional_text(row, 2).value_or(""),
                       static_cast<int>(rows.integer(row, 3))});
  }
  // RETURNING of an UPDATE … FROM keeps no order; the relay hands them out oldest first.
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return entries;
}

bool PostgresOutbox::mark_attempt(int64_t id, const std::string& claimer) {
  return pool_.acquire()->run(kMarkAttempt, {std::to_string(id), claimer}).affected() == 1;
}

void PostgresOutbox::delivered(int64_t id) {
  pool_.acquire()->run(kDelivered, {std::to_string(id)});
}

void PostgresOutbox::release(int64_t id) {
  pool_.acquire()->run(kRelease, {std::to_string(id)});
}

void PostgresOutbox::give_up(int64_t id) {
  pool_.acquire()->run(kGiveUp, {std::to_string(id)});
}

void PostgresOutbox::mark_maybe_sent(int64_t id) {
  pool_.acquire()->run(kMaybeSent, {std::to_string(id)});
}

void PostgresOutbox::heartbeat(const std::string& claimer) {
  pool_.acquire()->run(kHeartbeat, {claimer});
}

bot::StaleRows PostgresOutbox::mark_stale(std::chrono::seconds silent_for, std::chrono::seconds older_than) {
  auto connection = pool_.acquire();
  connection->run(kForgetRelays);  // replicas gone for a day (their rows were dealt with long ago)
  auto rows = connection->run(kMarkStale, {std::to_string(silent_for.count()), std::to_string(older_than.count())});
  bot::StaleRows stale;
  for (int row = 0; row < rows.rows(); ++row) (rows.text(row, 0) == "queued" ? stale.requeued : stale.maybe_sent)++;
  return stale;
}

bot::OutboxCounts PostgresOutbox::counts() {
  auto rows = pool_.acquire()->run(kCounts);
  bot::OutboxCounts counts;
  for (int row = 0; row < rows.rows(); ++row) {
    std::string state = rows.text(row, 0);
    int64_t count = rows.integer(row, 1);
    if (state == "queued") counts.queued = count;
    if (state == "sending") counts.sending = count;
    if (state == "maybe_sent") counts.maybe_sent = count;
    if (state == "given_up") counts.given_up = count;
  }
  return counts;
}

}  // namespace netra::adapters::storage
