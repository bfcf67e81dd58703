// The report storage backends the storage contract tests run against, each opened on a fresh, empty database:
// the same test case runs once per backend (Catch2 GENERATE over report_backend_names()), so SQLite and
// PostgreSQL are held to one behaviour.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "bot/report_storage.h"

namespace netra::testing {

class ReportBackendUnderTest {
 public:
  virtual ~ReportBackendUnderTest() = default;
  virtual std::string name() const = 0;
  // The interfaces, served by the backend's current connection (invalidated by reopen()).
  virtual bot::ReportStorage storage() = 0;
  // Closes the database and opens it again, as a restart does.
  virtual void reopen() = 0;
  // Everything the database keeps, as one string to search for text that must not be stored: SQLite's files
  // (database and WAL) byte for byte; PostgreSQL's tables, every row as text.
  virtual std::string stored_bytes() = 0;
};

// "sqlite" and "postgres", unless NETRA_TEST_BACKENDS narrows it (as for the state backends: state_backends.h).
std::vector<std::string> report_backend_names();
// A backend of that name on a new, empty database, removed when the backend is destroyed.
std::unique_ptr<ReportBackendUnderTest> open_report_backend(const std::string& name);

}  // namespace netra::testing

// In a test case: the rest of the case runs once per backend, with `backend` (a
// std::unique_ptr<ReportBackendUnderTest>) open on a fresh database; a failure names the backend.
#define NETRA_FOR_EACH_REPORT_BACKEND(backend)                                              \
  auto backend = ::netra::testing::open_report_backend(                                     \
      GENERATE(::Catch::Generators::from_range(::netra::testing::report_backend_names()))); \
  INFO("report backend: " << backend->name())
