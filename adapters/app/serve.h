// `netra serve` and `netra telegram …`: the commands that wire the server's objects together in one place.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "adapters/app/config.h"
#include "adapters/storage/storage.h"

namespace netra::adapters {

// `netra serve [--help]`: runs until SIGTERM or SIGINT, then drains. Returns the exit code (0 after a clean
// shutdown, 1 when start-up failed).
int command_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `netra telegram set-webhook URL [--max-connections N] [--drop-pending]` and `netra telegram webhook-info`.
int command_telegram(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The storage the configuration names (NETRA_DATABASE_URL, else SQLite in NETRA_DATA_DIR), as open_storage and
// open_report_storage take it; the same for `netra serve` and the commands that work on its reports.
storage::StorageSettings storage_settings(const Config& config);

}  // namespace netra::adapters
