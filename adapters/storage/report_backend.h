// The report side of `netra serve`'s storage — reports, thread, evidence, audit, reviewer accounts and desk
// sessions, retention — as one object, whichever backend holds it: SqliteReportStore (NETRA_DATA_DIR/reports.db,
// one process) or PostgresReportStore (NETRA_DATABASE_URL, shared by replicas). main() and the CLI commands
// choose; the bot, the desk and the reviewer API see only the bot/ interfaces in the bundle storage() returns.
#pragma once

#include "bot/report_storage.h"

namespace netra::adapters::storage {

class ReportBackend : public bot::ReportStore,
                      public bot::ReportThreadStore,
                      public bot::EvidenceStore,
                      public bot::AuditLog,
                      public bot::ReviewerStore,
                      public bot::RetentionStore {
 public:
  // The interfaces, all served by this object (which must outlive the bundle).
  bot::ReportStorage storage() { return bot::report_storage_of(*this); }
};

}  // namespace netra::adapters::storage
