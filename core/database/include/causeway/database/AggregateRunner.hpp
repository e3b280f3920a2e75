#pragma once

#include <memory>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::database {

// Runs the small queries of in-database analysis (aggregates: a few rows of numbers, or one
// column of text) on a SQLite file or a PostgreSQL server, and keeps the text of every query it
// ran so that users can see, and EXPLAIN, what was pushed down.
class AggregateRunner {
 public:
  virtual ~AggregateRunner() = default;
  // Opens the source; the progress' stop token cancels a running query (PQcancel /
  // sqlite3_interrupt).
  [[nodiscard]] static Result<std::unique_ptr<AggregateRunner>> open(const SourceSpec& spec, Progress progress = {});

  // Every cell as a double; NULL becomes NaN. SyntaxError with the position for bad SQL.
  [[nodiscard]] virtual Result<std::vector<std::vector<double>>> numbers(const std::string& sql) = 0;
  // The first column as text (NULL skipped).
  [[nodiscard]] virtual Result<std::vector<std::string>> texts(const std::string& sql) = 0;
  // The declared kind of each column of `sql`'s result without running it through: true = text.
  [[nodiscard]] virtual Result<std::vector<bool>> textColumns(const std::string& sql,
                                                               const std::vector<std::string>& columns) = 0;

  [[nodiscard]] const std::vector<std::string>& queries() const noexcept { return queries_; }
  [[nodiscard]] const std::string& where() const noexcept { return where_; }
  [[nodiscard]] SourceKind kind() const noexcept { return kind_; }

 protected:
  AggregateRunner(SourceKind kind, std::string where) : kind_(kind), where_(std::move(where)) {}
  std::vector<std::string> queries_;

 private:
  SourceKind kind_;
  std::string where_;
};

}  // namespace causeway::database
