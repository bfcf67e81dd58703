// `netra serve` and `netra telegram …`: the commands that wire the server's objects together in one place.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace netra::adapters {

// `netra serve [--help]`: runs until SIGTERM or SIGINT, then drains. Returns the exit code (0 after a clean
// shutdown, 1 when start-up failed).
int command_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `netra telegram set-webhook URL [--max-connections N] [--drop-pending]` and `netra telegram webhook-info`.
int command_telegram(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace netra::adapters
