#pragma once

#include <string>
#include <vector>

namespace causeway::testing {

// A private PostgreSQL 15 server for tests: initdb and pg_ctl in a temporary directory, a free
// TCP port on 127.0.0.1 and the unix socket in that directory; run as `nobody` when the tests
// run as root (PostgreSQL refuses root). Local socket logins are trusted, TCP logins need a
// password (scram-sha-256), so both paths can be tested. Stopped and removed by stop().
class ThrowawayPostgres {
 public:
  ThrowawayPostgres() = default;
  ThrowawayPostgres(const ThrowawayPostgres&) = delete;
  ThrowawayPostgres& operator=(const ThrowawayPostgres&) = delete;
  ~ThrowawayPostgres() { stop(); }

  // Throws std::runtime_error with the server log when it cannot start.
  void start(const std::vector<std::string>& settings = {});
  void stop();

  [[nodiscard]] int port() const noexcept { return port_; }
  [[nodiscard]] const std::string& directory() const noexcept { return dir_; }
  // Superuser "causeway" over the unix socket (no password needed).
  [[nodiscard]] std::string socketUri(const std::string& database = "postgres") const;
  // Runs SQL as the superuser; throws std::runtime_error with the server's message on failure.
  void execute(const std::string& sql, const std::string& database = "postgres") const;

 private:
  std::string dir_;
  int port_ = 0;
  bool running_ = false;
};

// A TCP port nobody listens on right now.
[[nodiscard]] int freePort();

// The PostgreSQL binaries directory (pg_config --bindir, else /usr/lib/postgresql/15/bin).
[[nodiscard]] std::string postgresBinDir();

}  // namespace causeway::testing
