// One message's unit of work (issue 13). With several replicas on one PostgreSQL a message must change the
// conversation exactly once, whichever replica gets it and whenever one dies: the delivery's dedupe claim, the
// sender's session and counters, and the replies to send are written in ONE transaction, serialised per sender by
// a transaction-scoped lock (never a lease that could expire mid-turn). Nothing is visible, and no reply can go
// out, before the COMMIT; a turn that never commits leaves no trace, so the platform's redelivery is processed
// as if it were the first.
//
// The backends implement it as their storage allows: PostgreSQL as described; SQLite (one process) keeps its
// batched claims (the turn's commit writes them) and its in-memory reply queue.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace netra::bot {

// Replies waiting to be delivered, as the turn that produced them left them.
struct OutboxMessage {
  std::string channel;   // "telegram", "whatsapp"
  std::string chat_key;  // a keyed hash of the chat: orders one chat's messages and names no one
  // What the sender needs to deliver them (the address and the replies, JSON). It names the recipient, so a
  // backend keeps it only until the message is delivered or given up.
  std::string payload;
};

class Turn {
 public:
  // Ends the turn. Without commit() nothing of it is kept, where the backend can take it back (PostgreSQL).
  virtual ~Turn() = default;

  // False when every delivery id of the turn was claimed before (by this or any other replica, within the dedupe
  // window): the message was handled already; do nothing and let the turn end.
  virtual bool claimed() const = 0;
  // Queues `message` to be delivered once the turn commits: true when the backend keeps it durably in an outbox
  // (an outbox relay delivers it — on whichever replica claims it); false when the backend has no outbox and the
  // caller delivers it itself after commit().
  virtual bool queue_outbox(const OutboxMessage& message) = 0;
  // Makes the turn's claims, state changes and outbox messages durable together. Throws the backend's error
  // (bot::StorageUnavailable when the database cannot be reached): then nothing was committed — or, if the
  // connection broke during COMMIT itself, perhaps everything; a redelivery is right in both cases.
  virtual void commit() = 0;
};

class TurnStore {
 public:
  virtual ~TurnStore() = default;

  // Opens the turn of one message of `sender_key` (the ids of the deliveries it consists of: one, or the parts of
  // a media burst; none for the web chat). Until the turn ends, SenderState calls for `sender_key` made on this
  // thread belong to it. Blocks while another turn of the same sender is open anywhere. Throws
  // bot::StorageUnavailable when the database cannot be reached.
  virtual std::unique_ptr<Turn> begin_turn(const std::string& sender_key,
                                           const std::vector<std::string>& delivery_ids) = 0;
};

}  // namespace netra::bot
