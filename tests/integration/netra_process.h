// Runs the real `netra serve` binary as a child process on a free 127.0.0.1 port, with its own data dir and
// the repository's knowledge/, for end-to-end tests over real HTTP. The log (stderr) goes to a file in the data
// dir's parent so tests can read what the server logged.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include <httplib.h>

namespace netra::testing {

// A port that was free a moment ago (bound to port 0, then closed).
int free_port();

// Runs `netra ARGS…` to completion with only the given NETRA_ variables set; returns its exit code and puts
// what it printed (stdout and stderr together) into `output`.
int run_netra(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              std::string& output /* OUT */);

class NetraProcess {
 public:
  // Starts `netra serve` with NETRA_DATA_DIR=data_dir plus `env` (which wins), and waits until /healthz
  // answers. Throws std::runtime_error with the log's tail if it does not come up within 20 s.
  NetraProcess(const std::string& data_dir, std::map<std::string, std::string> env = {});
  // SIGTERM, then waits (SIGKILL after 10 s).
  ~NetraProcess();
  NetraProcess(const NetraProcess&) = delete;
  NetraProcess& operator=(const NetraProcess&) = delete;

  int port() const { return port_; }
  // The child's process id (-1 once stopped), e.g. to read its CPU time from /proc.
  pid_t pid() const { return pid_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // A fresh client with TCP_NODELAY and short time-outs.
  httplib::Client client() const;
  // Sends SIGTERM and returns the exit status (as from waitpid's WEXITSTATUS, -1 if killed).
  int stop();
  // SIGKILL, as a crash or the OOM killer would: no shutdown code runs.
  void kill_hard();
  // Sends `signal_number` (e.g. SIGHUP) to the running server.
  void send_signal(int signal_number) const;
  std::string log() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace netra::testing
