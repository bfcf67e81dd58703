// The report side of storage as the rest of Netra sees it: one interface per concern, all served by one
// backend (SQLite reports.db by default, PostgreSQL with NETRA_DATABASE_URL). Components take the parts they
// use; main() builds the bundle and keeps the backend alive for as long as the bundle is used.
#pragma once

#include "bot/audit_log.h"
#include "bot/evidence_store.h"
#include "bot/report_store.h"
#include "bot/report_thread_store.h"
#include "bot/retention_store.h"
#include "bot/reviewer_store.h"

namespace netra::bot {

// References into a backend; copying the bundle copies the references.
struct ReportStorage {
  ReportStore& reports;
  ReportThreadStore& threads;
  EvidenceStore& evidence;
  AuditLog& audit;
  ReviewerStore& reviewers;
  RetentionStore& retention;
};

// The bundle of a backend that implements every interface in one object.
template <class Backend>
ReportStorage report_storage_of(Backend& backend) {
  return {backend, backend, backend, backend, backend, backend};
}

}  // namespace netra::bot
