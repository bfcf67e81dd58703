// The dedupe ledger of platform deliveries: a Telegram update_id or WhatsApp message id delivered again (the
// platforms retry, Meta for up to 7 days) must produce no second reply and no second report, also across a
// restart and, with PostgreSQL (issue 13), across replicas. Delivery ids are the platforms' business, so the
// ledger belongs to the delivery layer: the dispatcher and the webhook route use it, the dialogue core never sees
// it, and the storage backends implement it (adapters/storage/: SQLite state.db, and PostgreSQL).
#pragma once

#include <string>

namespace netra::adapters {

class DeliveryLedger {
 public:
  virtual ~DeliveryLedger() = default;

  // Claims a delivery id (channel-scoped, e.g. "telegram:870213455"). True the first time; false when it was
  // claimed within the dedupe window: the caller then does nothing. A claim only counts for this process until
  // keep_claim and persist_claims make it durable.
  virtual bool claim_delivery(const std::string& delivery_id) = 0;
  // The claimed message was accepted for processing: the next persist_claims makes the claim durable.
  virtual void keep_claim(const std::string& delivery_id) = 0;
  // Forgets a claim so a redelivery is processed (the message could not be accepted).
  virtual void release_delivery(const std::string& delivery_id) = 0;
  // Makes the kept claims durable. Called after a message was handled and before its replies go out. Throws the
  // backend's error; the claims then stay pending for the next call.
  virtual void persist_claims() = 0;
};

}  // namespace netra::adapters
