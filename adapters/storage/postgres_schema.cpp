// Netra's PostgreSQL schema as a list of migrations (postgres_migrations.h). Append only.
//
// No table holds a phone number, chat id, user id, username or display name: senders and chats appear as keyed
// hashes (sender_key, chat_key), deliveries as HMACs. The one exception is an outbox row's payload — the reply and
// its address, which the send needs — and it is deleted (or emptied) as soon as the reply is delivered or given up.
#include "adapters/storage/postgres_migrations.h"

namespace netra::adapters::storage {

const std::vector<Migration>& postgres_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "conversation state: delivery claims, sessions, per-day counters",
       R"sql(
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
)sql"},
      {2, "outbox: replies waiting for delivery",
       R"sql(
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
)sql"},
  };
  return migrations;
}

}  // namespace netra::adapters::storage
