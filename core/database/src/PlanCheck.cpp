#include "causeway/database/PlanCheck.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

namespace causeway::database {
namespace {

constexpr const char* kExplain = "EXPLAIN (VERBOSE, FORMAT JSON) ";

// True when the statement a shard runs returns aggregates (so only a few rows travel). Plain
// substring tests: the remote SQL of a pushed aggregate can be hundreds of kilobytes.
bool aggregates(const std::string& relations, const std::string& remoteSql) {
  if (relations.rfind("Aggregate on", 0) == 0) return true;
  std::string upper(remoteSql);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.find("GROUP BY") != std::string::npos) return true;
  for (const char* call : {"SUM(", "COUNT(", "AVG(", "MIN(", "MAX("})
    for (auto at = upper.find(call); at != std::string::npos; at = upper.find(call, at + 1))
      if (at == 0 || !(std::isalnum(static_cast<unsigned char>(upper[at - 1])) || upper[at - 1] == '_')) return true;
  return false;
}

void collect(const nlohmann::json& node, std::vector<RowFetch>& out) {
  if (!node.is_object()) return;
  if (node.value("Node Type", "") == "Foreign Scan") {
    std::string relations = node.value("Relations", "");
    if (relations.empty())
      relations = node.contains("Schema") ? node.value("Schema", "") + "." + node.value("Relation Name", "")
                                          : node.value("Relation Name", "");
    const std::string remote = node.value("Remote SQL", "");
    if (!aggregates(relations, remote)) out.push_back({relations, remote});
  }
  if (const auto plans = node.find("Plans"); plans != node.end() && plans->is_array())
    for (const auto& child : *plans) collect(child, out);
}

// The query with every numeric literal replaced by '?': the IRLS steps differ only in their
// coefficients, which do not change the plan's shape, so one EXPLAIN serves them all.
std::string shapeOf(const std::string& sql) {
  std::string out;
  out.reserve(sql.size());
  const auto identifierChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '"'; };
  for (std::size_t i = 0; i < sql.size();) {
    const bool startsNumber = std::isdigit(static_cast<unsigned char>(sql[i])) && (i == 0 || !identifierChar(sql[i - 1]));
    if (!startsNumber) {
      out += sql[i++];
      continue;
    }
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '.' ||
                              ((sql[i] == '-' || sql[i] == '+') && (sql[i - 1] == 'e' || sql[i - 1] == 'E'))))
      ++i;
    // A negative coefficient is written "(-0.5)": the same shape as a positive one.
    if (out.size() >= 2 && out.compare(out.size() - 2, 2, "(-") == 0 && i < sql.size() && sql[i] == ')') {
      out.resize(out.size() - 2);
      ++i;
    }
    out += '?';
  }
  return out;
}

// The start of a long statement, on one line, for a message.
std::string excerpt(const std::string& sql) {
  std::string line;
  for (char c : sql.substr(0, 120)) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return sql.size() > 120 ? line + "..." : line;
}

}  // namespace

Result<std::vector<RowFetch>> remoteRowFetches(const std::string& explainJson) {
  const auto plan = nlohmann::json::parse(explainJson, nullptr, false);
  if (plan.is_discarded() || !plan.is_array() || plan.empty() || !plan[0].contains("Plan"))
    return makeError(ErrorCode::MalformedData, "Not the output of EXPLAIN (FORMAT JSON): " + excerpt(explainJson));
  std::vector<RowFetch> out;
  collect(plan[0]["Plan"], out);
  return out;
}

PlanCheckedRunner::PlanCheckedRunner(std::unique_ptr<AggregateRunner> inner, std::function<void(const std::string&)> onWarning)
    : AggregateRunner(inner->kind(), inner->where()), inner_(std::move(inner)), onWarning_(std::move(onWarning)) {}

void PlanCheckedRunner::check(const std::string& sql) {
  if (kind() != SourceKind::Postgres) return;
  std::string shape = shapeOf(sql);
  if (const auto seen = checkedShapes_.find(shape); seen != checkedShapes_.end()) {
    if (seen->second) {  // this shape ships rows: count the query under its warning
      ++findings_[*seen->second].repeats;
      warnings_[*seen->second] = message(findings_[*seen->second]);
    }
    return;
  }
  auto plan = inner_->texts(kExplain + sql);
  // A query the server cannot plan fails again when it runs, with the error's position in the
  // query as the user wrote it: leave the message to that run.
  if (!plan || plan->empty()) return;
  auto fetches = remoteRowFetches(plan->front());
  if (!fetches || fetches->empty()) {
    checkedShapes_.emplace(std::move(shape), std::nullopt);
    return;
  }
  checkedShapes_.emplace(std::move(shape), findings_.size());
  findings_.push_back({queries_.size() + 1, 0, fetches->size(), fetches->front().relations, fetches->front().remoteSql, sql});
  warnings_.push_back(message(findings_.back()));
  if (onWarning_) onWarning_(warnings_.back());
}

std::string PlanCheckedRunner::message(const Finding& f) const {
  return "Query " + std::to_string(f.query) + " of the in-database analysis on " + where() + " would fetch rows from " +
         std::to_string(f.scans) + " shard scan(s) instead of aggregating on the shards (" + f.relations +
         ": Remote SQL " + excerpt(f.remoteSql) + ")" +
         (f.repeats ? "; so would " + std::to_string(f.repeats) + " later queries of the same shape" : "") +
         ". Group by the partition key (--shard-key) and check enable_partitionwise_aggregate; the query: " + excerpt(f.sql);
}

void PlanCheckedRunner::record(std::size_t from) {
  const auto& ran = inner_->queries();
  for (std::size_t i = from; i < ran.size(); ++i) queries_.push_back(ran[i]);
}

Result<std::vector<std::vector<double>>> PlanCheckedRunner::numbers(const std::string& sql) {
  check(sql);
  const std::size_t from = inner_->queries().size();
  auto out = inner_->numbers(sql);
  record(from);
  return out;
}

Result<std::vector<std::string>> PlanCheckedRunner::texts(const std::string& sql) {
  check(sql);
  const std::size_t from = inner_->queries().size();
  auto out = inner_->texts(sql);
  record(from);
  return out;
}

Result<std::vector<bool>> PlanCheckedRunner::textColumns(const std::string& sql, const std::vector<std::string>& columns) {
  const std::size_t from = inner_->queries().size();
  auto out = inner_->textColumns(sql, columns);
  record(from);
  return out;
}

}  // namespace causeway::database
