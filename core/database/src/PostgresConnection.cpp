#include "causeway/database/PostgresConnection.hpp"

#include <libpq-fe.h>

#include <array>

namespace causeway::database {

void PostgresConnection::Finish::operator()(pg_conn* c) const { PQfinish(c); }

Result<PostgresConnection> PostgresConnection::open(const SourceSpec& spec) {
  PostgresConnection out;
  out.where_ = "PostgreSQL server " + displayLocation(spec);
  const std::string timeout = std::to_string(spec.connectTimeoutSeconds);
  // connect_timeout first, so that one given in the URI (expanded in place of dbname) wins.
  // A typed password comes after dbname so that it wins over one in the URI; none: libpq's own.
  const bool typed = !spec.password.empty();
  const std::array<const char*, 5> keys{"connect_timeout", "fallback_application_name", "dbname",
                                        typed ? "password" : nullptr, nullptr};
  const std::array<const char*, 5> values{timeout.c_str(), "causeway", spec.location.c_str(),
                                          typed ? spec.password.c_str() : nullptr, nullptr};
  out.conn_.reset(PQconnectdbParams(keys.data(), values.data(), 1));
  if (out.conn_ == nullptr)
    return makeError(ErrorCode::IoError, "Cannot connect to " + out.where_ + ": out of memory", {out.where_, 0, 0, {}});
  if (PQstatus(out.conn_.get()) != CONNECTION_OK) {
    std::string message = PQerrorMessage(out.conn_.get());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return makeError(ErrorCode::IoError, "Cannot connect to " + out.where_ + ": " + message, {out.where_, 0, 0, {}});
  }
  PGresult* set = PQexec(out.conn_.get(), "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET extra_float_digits = 1; SET jit = off");
  const bool ok = PQresultStatus(set) == PGRES_COMMAND_OK;
  PQclear(set);
  if (!ok)
    return makeError(ErrorCode::IoError, "Cannot set up the session on " + out.where_ + ": " + PQerrorMessage(out.conn_.get()),
                     {out.where_, 0, 0, {}});
  return out;
}

}  // namespace causeway::database
