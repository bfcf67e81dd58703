// The server's log: one key=value line per event on stderr. Under systemd, stderr is a stream into the journal
// (JOURNAL_STREAM names it): lines then start with a syslog priority prefix (<3> error, <4> warning, <6> info, …),
// which journald strips and keeps as the entry's priority (`journalctl -u netra -p warning`), and carry no
// timestamp of their own, since the journal records one.
#pragma once

#include <string>

namespace netra::adapters {

// Installs the "netra" stderr logger as spdlog's default at `level` (spdlog's names: trace, debug, info, warn,
// error, critical, off; Config::log_level, from NETRA_LOG_LEVEL).
void configure_logging(const std::string& level = "info");

// Changes the default logger's level (same names), once the configuration is read.
void set_log_level(const std::string& level);

// True when stderr is the journal stream systemd set up for this process (JOURNAL_STREAM is "device:inode" of it).
bool stderr_is_journal();

}  // namespace netra::adapters
