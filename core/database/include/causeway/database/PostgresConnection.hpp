#pragma once

#include <memory>
#include <string>

#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"

struct pg_conn;

namespace causeway::database {

// An open libpq connection with the session settings Causeway relies on (ISO dates, UTC,
// shortest exact float text). The password is SourceSpec::password when typed (memory only),
// else libpq's own sources: the URI, PGPASSWORD, ~/.pgpass or a service file; Causeway never stores it.
class PostgresConnection {
 public:
  // IoError naming the server (without password) when it cannot connect within the timeout.
  [[nodiscard]] static Result<PostgresConnection> open(const SourceSpec& spec);

  [[nodiscard]] pg_conn* get() const noexcept { return conn_.get(); }
  // "PostgreSQL server postgresql://ann@db.example:5432/telemetry"
  [[nodiscard]] const std::string& where() const noexcept { return where_; }

 private:
  struct Finish {
    void operator()(pg_conn* c) const;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
  std::string where_;
};

}  // namespace causeway::database
