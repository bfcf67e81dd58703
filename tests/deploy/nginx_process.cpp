#include "deploy/nginx_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

#include "deploy/tls_client.h"
#include "integration/netra_process.h"

extern char** environ;

namespace netra::testing {
namespace {

pid_t spawn(const std::vector<std::string>& words, const std::string& output_path) {
  std::vector<std::string> copies = words;
  std::vector<char*> argv;
  for (auto& word : copies) argv.push_back(word.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + words[0] + ": " + std::strerror(rc));
  return pid;
}

void run(const std::vector<std::string>& words, const std::string& output_path) {
  int status = 0;
  ::waitpid(spawn(words, output_path), &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(words[0] + " failed:\n" + read_file(output_path));
  }
}

// Replaces every occurrence of `literal`; throws when there is none (the shipped file must keep the contract's
// strings, or acceptance tests substituting them would test something else).
void substitute(std::string& text, const std::string& literal, const std::string& replacement) {
  size_t at = text.find(literal);
  if (at == std::string::npos) throw std::runtime_error("deploy/nginx/netra.conf lacks `" + literal + "`");
  for (; at != std::string::npos; at = text.find(literal, at + replacement.size())) {
    text.replace(at, literal.size(), replacement);
  }
}

}  // namespace

NginxProcess::NginxProcess(int netra_port, Routing routing) {
  // ECDSA P-256: handshakes are cheap, so a test can open hundreds of connections quickly.
  run({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
       "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", prefix_.file("key.pem"), "-out",
       prefix_.file("cert.pem")},
      prefix_.file("openssl.log"));

  port_ = free_port();
  std::string netra = "http://127.0.0.1:" + std::to_string(netra_port);
  std::string site = read_file(std::string(NETRA_SOURCE_DIR) + "/deploy/nginx/netra.conf");
  substitute(site, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(port_) + " ssl;");
  substitute(site, "ssl_certificate /etc/netra/tls/fullchain.pem;", "ssl_certificate " + ca_file() + ";");
  substitute(site, "ssl_certificate_key /etc/netra/tls/privkey.pem;",
             "ssl_certificate_key " + prefix_.file("key.pem") + ";");
  substitute(site, "http://127.0.0.1:8080", netra);
  if (routing == Routing::upstream) {
    substitute(site, "server 127.0.0.1:8080 ", "server 127.0.0.1:" + std::to_string(netra_port) + " ");
    substitute(site, "proxy_pass " + netra + ";", "proxy_pass http://netra;");
  }
  write_file(prefix_.file("netra.conf"), site);

  std::string main_config =
      // As root, nginx would switch its workers to `nobody`, who cannot use the temporary prefix.
      std::string(::geteuid() == 0 ? "user root;\n" : "") +
      "worker_processes 1;\n"
      "daemon off;\n"
      "pid " +
      prefix_.file("nginx.pid") +
      ";\n"
      "error_log " +
      prefix_.file("error.log") +
      " info;\n"
      "events { worker_connections 1024; }\n"
      "http {\n"
      "  access_log " +
      prefix_.file("access.log") +
      ";\n"
      "  client_body_temp_path " +
      prefix_.file("client_body") +
      ";\n"
      "  proxy_temp_path " +
      prefix_.file("proxy") +
      ";\n"
      "  fastcgi_temp_path " +
      prefix_.file("fastcgi") +
      ";\n"
      "  uwsgi_temp_path " +
      prefix_.file("uwsgi") +
      ";\n"
      "  scgi_temp_path " +
      prefix_.file("scgi") +
      ";\n"
      "  include " +
      prefix_.file("netra.conf") +
      ";\n"
      "}\n";
  write_file(prefix_.file("nginx.conf"), main_config);

  pid_ = spawn({NETRA_NGINX, "-p", prefix_.path().string() + "/", "-c", prefix_.file("nginx.conf"), "-e",
                prefix_.file("error.log")},
               prefix_.file("nginx.out"));
  TlsClientContext trust(ca_file());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      TlsConnection probe(trust, port_);
      return;
    } catch (const std::exception&) {
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("nginx exited during start-up:\n" + read_file(prefix_.file("nginx.out")) + error_log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("nginx did not start:\n" + error_log());
}

NginxProcess::~NginxProcess() {
  if (pid_ <= 0) return;
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
}

httplib::Client NginxProcess::client() const {
  httplib::Client client("https://127.0.0.1:" + std::to_string(port_));
  client.set_ca_cert_path(ca_file().c_str());
  client.enable_server_certificate_verification(true);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(15));
  return client;
}

std::string NginxProcess::error_log() const {
  return read_file(prefix_.file("error.log"));
}

std::string NginxProcess::site_config() const {
  return read_file(prefix_.file("netra.conf"));
}

}  // namespace netra::testing
