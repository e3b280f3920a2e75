#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "causeway/database/AggregateRunner.hpp"

namespace causeway::database {

// One Foreign Scan of a PostgreSQL plan that would ship rows, not an aggregate, from a shard.
struct RowFetch {
  std::string relations;  // "public.lalonde_s1" (the scanned foreign table or join)
  std::string remoteSql;  // what the coordinator sends to the shard server
};

// The Foreign Scans in the text of `EXPLAIN (VERBOSE, FORMAT JSON) <query>` whose remote SQL has
// no aggregate: no "Relations: Aggregate on", no GROUP BY and no SUM/COUNT/AVG/MIN/MAX call,
// i.e. the shard would send every row to the coordinator. Empty for a plan with no foreign scan
// (a local table, Citus' custom scan). MalformedData when the text is not such a plan.
[[nodiscard]] Result<std::vector<RowFetch>> remoteRowFetches(const std::string& explainJson);

// An AggregateRunner that, on PostgreSQL, runs EXPLAIN (VERBOSE, FORMAT JSON) of every aggregate
// query (numbers() and texts()) before the query itself and records a warning naming the query
// when remoteRowFetches() finds a scan that would pull rows (one warning per query shape,
// counting later queries of that shape; queries that differ only in numbers, like the IRLS
// steps, share a shape and one EXPLAIN). The queries it forwards are listed
// in queries(); the EXPLAINs are not. On SQLite it only forwards. The type probe of
// textColumns() (LIMIT 0: it fetches nothing) is not checked.
class PlanCheckedRunner final : public AggregateRunner {
 public:
  // `onWarning` (optional) sees each warning as it is found, e.g. to print it on stderr.
  explicit PlanCheckedRunner(std::unique_ptr<AggregateRunner> inner,
                             std::function<void(const std::string&)> onWarning = {});

  Result<std::vector<std::vector<double>>> numbers(const std::string& sql) override;
  Result<std::vector<std::string>> texts(const std::string& sql) override;
  Result<std::vector<bool>> textColumns(const std::string& sql, const std::vector<std::string>& columns) override;

  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return warnings_; }
  // The wrapped runner, for session set-up that should neither be checked nor listed.
  [[nodiscard]] AggregateRunner& inner() noexcept { return *inner_; }

 private:
  // A shape of query whose plan ships rows: the first such query (1-based) and how many more.
  struct Finding {
    std::size_t query = 0, repeats = 0, scans = 0;
    std::string relations, remoteSql, sql;
  };
  void check(const std::string& sql);
  [[nodiscard]] std::string message(const Finding& finding) const;
  // Appends the statements the inner runner ran since `from` to queries_.
  void record(std::size_t from);

  std::unique_ptr<AggregateRunner> inner_;
  std::function<void(const std::string&)> onWarning_;
  std::vector<Finding> findings_;
  // Query shapes (numbers blanked) already checked, and the finding of those that ship rows.
  std::map<std::string, std::optional<std::size_t>> checkedShapes_;
  std::vector<std::string> warnings_;  // one per finding, same order
};

}  // namespace causeway::database
