#include "integration/netra_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/shared_index.h"
#include "support/test_support.h"

extern char** environ;

namespace netra::testing {

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

namespace {

// The parent's environment without any NETRA_ variable (the test decides those), plus `env`.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; *entry; ++entry) {
    std::string text(*entry);
    if (text.rfind("NETRA_", 0) == 0) continue;
    auto eq = text.find('=');
    if (eq != std::string::npos) variables[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [name, value] : env) variables[name] = value;
  std::vector<std::string> strings;
  for (const auto& [name, value] : variables) strings.push_back(name + "=" + value);
  return strings;
}

// Puts a copy of the run's shared knowledge index (support/test_support.h) into the data dir when the command
// would otherwise build that very index itself: the repository's knowledge/, the index at its default place in
// the data dir, and none there yet. A server start then opens the index instead of building it (the start-up
// still compares the copy's fingerprint with the corpus, and rebuilds a stale one). A copy, not a link: nothing
// the server does to its data dir reaches the shared file.
void seed_knowledge_index(const std::map<std::string, std::string>& env) {
  auto data_dir = env.find("NETRA_DATA_DIR");
  if (data_dir == env.end() || env.count("NETRA_KNOWLEDGE") || env.count("NETRA_CONFIG")) return;
  auto knowledge = env.find("NETRA_KNOWLEDGE_DIR");
  if (knowledge != env.end() && knowledge->second != knowledge_root()) return;
  std::filesystem::path index = std::filesystem::path(data_dir->second) / "knowledge.db";
  std::error_code error;
  if (std::filesystem::exists(index, error)) return;
  // A data dir that cannot be made (a test of that error) is left for the command to report.
  if (!std::filesystem::is_directory(index.parent_path(), error) &&
      !std::filesystem::create_directories(index.parent_path(), error)) {
    return;
  }
  std::filesystem::copy_file(shared_index_path(), index, error);
}

pid_t spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const std::string& output_path, bool merge_stdout) {
  seed_knowledge_index(env);
  std::vector<std::string> strings = child_environment(env);
  std::vector<char*> envp;
  for (auto& text : strings) envp.push_back(text.data());
  envp.push_back(nullptr);
  std::vector<std::string> words = {NETRA_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, output_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (merge_stdout) {
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = -1;
  int rc = posix_spawn(&pid, words[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + words[0] + ": " + std::strerror(rc));
  return pid;
}

}  // namespace

int run_netra(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              std::string& output) {
  TempDir dir;
  pid_t pid = spawn(args, env, dir.file("output"), true);
  int status = 0;
  ::waitpid(pid, &status, 0);
  output = read_file(dir.file("output"));
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

NetraProcess::NetraProcess(const std::string& data_dir, std::map<std::string, std::string> env) {
  port_ = free_port();
  log_path_ = data_dir + ".log." + std::to_string(port_);
  std::map<std::string, std::string> variables = {{"NETRA_BIND", "127.0.0.1"},
                                                  {"NETRA_PORT", std::to_string(port_)},
                                                  {"NETRA_DATA_DIR", data_dir},
                                                  {"NETRA_KNOWLEDGE_DIR", knowledge_root()},
                                                  {"NETRA_DRAIN_SECONDS", "3"}};
  for (auto& [name, value] : env) variables[name] = value;
  pid_ = spawn({"serve"}, variables, log_path_, false);

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    auto probe = client();
    if (auto response = probe.Get("/healthz"); response && response->status == 200) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("netra serve exited during start-up:\n" + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop();
  throw std::runtime_error("netra serve did not become ready:\n" + log());
}

NetraProcess::~NetraProcess() { stop(); }

httplib::Client NetraProcess::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_tcp_nodelay(true);
  client.set_connection_timeout(std::chrono::seconds(2));
  client.set_read_timeout(std::chrono::seconds(10));
  return client;
}

int NetraProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void NetraProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void NetraProcess::send_signal(int signal_number) const {
  if (pid_ > 0) ::kill(pid_, signal_number);
}

std::string NetraProcess::log() const { return read_file(log_path_); }

}  // namespace netra::testing
