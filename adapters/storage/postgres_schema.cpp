// Netra's PostgreSQL schema as a list of migrations (postgres_migrations.h). Append only.
//
// No table holds a phone number, chat id, user id, username or display name: senders and chats appear as keyed
// hashes (sender_key, chat_key), deliveries as HMACs, and the report tables (v3) hold nothing about who reported.
// The one exception is an outbox row's payload — the reply and its address, which the send needs — and it is
// deleted (or emptied) as soon as the reply is delivered or given up.
#include "adapters/storage/postgres_migrations.h"

namespace netra::adapters::storage {
namespace {

// Each migration's SQL, exactly as it was first applied: a database records the version, not the text, so an edit
// here would never reach a database that already has it (postgres_migrations.h). New ones go below as kV5….

// v1: the conversation state every replica shares — which deliveries were handled, each sender's session, and the
// per-day counters behind the daily limits (reports filed, status checks).
constexpr const char* kV1ConversationState = R"sql(
CREATE TABLE delivery_claims(
  channel text NOT NULL,
  id_hmac text NOT NULL,  -- HMAC-SHA256 of the channel's delivery id (a WhatsApp id embeds the phone number)
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, id_hmac));
CREATE INDEX delivery_claims_seen ON delivery_claims(seen_at);
CREATE TABLE sessions(
  sender_key text PRIMARY KEY,
  state text NOT NULL,  -- the conversation's JSON document
  updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX sessions_updated ON sessions(updated_at);
CREATE TABLE counters(
  sender_key text NOT NULL,
  name text NOT NULL,
  day date NOT NULL,  -- UTC
  count bigint NOT NULL,
  PRIMARY KEY (sender_key, name, day));
)sql";

// v2: replies waiting for delivery, claimed by one replica's relay at a time.
constexpr const char* kV2Outbox = R"sql(
CREATE TABLE outbox(
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  chat_key text NOT NULL,  -- keyed hash of the chat: one chat's rows go out in id order
  payload text,            -- address and replies; NULL once nothing more will be sent
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'maybe_sent', 'given_up')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  claimed_by text);
CREATE INDEX outbox_open ON outbox(channel, chat_key, id) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_closed ON outbox(created_at) WHERE state IN ('maybe_sent', 'given_up');
-- Each replica's relay says it is alive every few seconds: rows claimed by one that fell silent were being sent
-- when it died, and are marked maybe_sent without waiting for the (long) time-out of a live send.
CREATE TABLE outbox_relays(
  claimer text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now());
)sql";

// v3: the report desk — reports and everything reviewers attach to them, reviewer accounts and their sessions.
constexpr const char* kV3Reports = R"sql(
-- Anonymous reports: what happened, where and when, never who told us. Days only (UTC): an exact time could be
-- matched against a platform's message log.
CREATE TABLE reports(
  id bigserial PRIMARY KEY,  -- filing order: the reviewers' list is newest first
  code text NOT NULL UNIQUE,  -- the receipt code NTR-XXXX-XXXX, the reporter's only key
  status text NOT NULL CHECK (status IN ('baru', 'ditinjau', 'diteruskan', 'selesai', 'ditolak')),
  category text NOT NULL,
  what text NOT NULL,
  subject_role text NOT NULL,
  subject_name text NOT NULL,
  desa text NOT NULL,
  kecamatan text NOT NULL,
  kabupaten text NOT NULL,
  when_text text NOT NULL,
  evidence jsonb NOT NULL,  -- the platform media refs and links sent, as a JSON array of strings
  channel text NOT NULL,     -- telegram, whatsapp, web: where it came from, not who
  public_note text NOT NULL DEFAULT '',
  internal_note text NOT NULL DEFAULT '',
  created_at date NOT NULL,
  updated_at date NOT NULL);  -- the day of the last status change: retention counts from it
CREATE INDEX reports_status ON reports(status, updated_at);
-- The random submission id of a chat's draft → the receipt it got: filing is idempotent across replicas.
CREATE TABLE submissions(
  id text PRIMARY KEY,
  code text NOT NULL REFERENCES reports(code) ON DELETE CASCADE);
CREATE INDEX submissions_code ON submissions(code);
CREATE TABLE evidence(
  id bigserial PRIMARY KEY,
  code text NOT NULL REFERENCES reports(code) ON DELETE CASCADE,
  source_ref text NOT NULL,
  kind text NOT NULL,
  mime_type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  problem text NOT NULL,
  content bytea);  -- NULL for a file that could not be fetched
CREATE INDEX evidence_code ON evidence(code, id);
-- The thread with the reporter: 'reviewer' rows name the reviewer, 'reporter' rows hold nothing but the text
-- and the day. Times are text as the API shows them (the reporter's: the day only).
CREATE TABLE thread_messages(
  id bigserial PRIMARY KEY,
  code text NOT NULL REFERENCES reports(code) ON DELETE CASCADE,
  author text NOT NULL CHECK (author IN ('reviewer', 'reporter')),
  reviewer text NOT NULL,
  text text NOT NULL,
  at text NOT NULL);
CREATE INDEX thread_messages_code ON thread_messages(code, id);
CREATE TABLE internal_notes(
  id bigserial PRIMARY KEY,
  code text NOT NULL REFERENCES reports(code) ON DELETE CASCADE,
  reviewer text NOT NULL,
  text text NOT NULL,
  at text NOT NULL);
CREATE INDEX internal_notes_code ON internal_notes(code, id);
-- Who did what to which report. No foreign key: lines about no report (export, login) have an empty code, and
-- an expiry's line outlives its report.
CREATE TABLE audit(
  id bigserial PRIMARY KEY,
  code text NOT NULL,
  at text NOT NULL,
  action text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  admin_label text NOT NULL,
  public_note text NOT NULL,
  internal_note text NOT NULL,
  detail text NOT NULL);
CREATE INDEX audit_code ON audit(code, id);
-- Reviewer accounts: Argon2id hashes only (crypto_pwhash_str). Desk sessions by the SHA-256 of their token.
CREATE TABLE reviewers(
  name text PRIMARY KEY,
  password_hash text NOT NULL,
  created_at text NOT NULL);
CREATE TABLE desk_sessions(
  token_hash text PRIMARY KEY,
  reviewer text NOT NULL,
  csrf_token text NOT NULL,
  created_at bigint NOT NULL,  -- Unix seconds
  last_seen bigint NOT NULL);
CREATE INDEX desk_sessions_reviewer ON desk_sessions(reviewer);
CREATE TABLE login_failures(
  key text NOT NULL,  -- "name:budi"
  at bigint NOT NULL);  -- Unix seconds
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE INDEX login_failures_at ON login_failures(at);
)sql";

// v4: when a claimed outbox row's send was first attempted.
constexpr const char* kV4OutboxAttemptedAt = R"sql(
-- NULL while the row waits in its relay's memory: a relay that dies then has sent nothing of it, and the row can go
-- back to the queue instead of being marked maybe_sent.
ALTER TABLE outbox ADD COLUMN attempted_at timestamptz;
)sql";

}  // namespace

const std::vector<Migration>& postgres_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "conversation state: delivery claims, sessions, per-day counters", kV1ConversationState},
      {2, "outbox: replies waiting for delivery", kV2Outbox},
      {3, "reports: reports, submissions, evidence, thread, internal notes, audit, reviewers, desk sessions, "
          "login failures",
       kV3Reports},
      {4, "outbox: when a claimed row's send was first attempted", kV4OutboxAttemptedAt},
  };
  return migrations;
}

}  // namespace netra::adapters::storage
