// Runs nginx (Debian's nginx-light) with the shipped deploy/nginx/netra.conf in front of a test's `netra serve`:
// a self-signed certificate for 127.0.0.1 written to a temporary prefix, the contract's literal strings
// substituted (listen 443 ssl; the two certificate paths; http://127.0.0.1:8080), nginx in the foreground on a free
// loopback port, its logs and temporary files in the prefix.
#pragma once

#include <sys/types.h>

#include <httplib.h>

#include <string>

#include "support/test_support.h"

namespace netra::testing {

class NginxProcess {
 public:
  enum class Routing {
    direct,    // the file as shipped: proxy_pass to the one local replica
    upstream,  // proxy_pass http://netra: the upstream block (several replicas, keep-alive), as docs describe
  };

  // Starts nginx in front of Netra on 127.0.0.1:netra_port and waits until it accepts connections. Throws
  // std::runtime_error with nginx's error log when it does not come up within 10 s, or when the shipped file
  // lacks one of the literal strings.
  explicit NginxProcess(int netra_port, Routing routing = Routing::direct);
  // Fast shutdown (SIGTERM), then waits (SIGKILL after 10 s).
  ~NginxProcess();
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;

  int port() const { return port_; }
  // The self-signed certificate nginx serves: the only CA a client should trust.
  std::string ca_file() const { return prefix_.file("cert.pem"); }
  // An HTTPS client to nginx that verifies the certificate against ca_file().
  httplib::Client client() const;
  std::string error_log() const;
  // The server configuration after substitution.
  std::string site_config() const;

 private:
  TempDir prefix_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace netra::testing
