#include "causeway/database/InDatabaseMoments.hpp"

#include <cmath>

#include "InDatabaseSql.hpp"
#include "InDatabaseSums.hpp"

namespace causeway::database {
namespace {

// The rows of one aggregate query added over shards (NULL sums of empty shards count as 0).
std::vector<double> addedRows(const std::vector<std::vector<double>>& rows, std::size_t width) {
  std::vector<double> sum(width, 0.0);
  for (const auto& row : rows)
    for (std::size_t j = 0; j < width && j < row.size(); ++j) sum[j] += std::isnan(row[j]) ? 0.0 : row[j];
  return sum;
}

}  // namespace

Result<InDatabaseMoments> momentsInDatabase(AggregateRunner& runner, const SourceSpec& spec,
                                            const std::vector<std::pair<std::string, std::string>>& columns,
                                            const std::string& shardKey) {
  const std::string source = effectiveQuery(spec);
  std::vector<std::string> names;
  for (const auto& [name, column] : columns) names.push_back(column);
  auto textual = runner.textColumns(source, names);
  if (!textual) return textual.error();
  InDatabaseMoments out;
  std::string select, where;
  int index = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& [name, column] = columns[c];
    const std::string quoted = quoteIdentifier(column);
    where += (where.empty() ? "" : " AND ") + quoted + " IS NOT NULL";
    std::vector<std::string> expressions;
    if (!(*textual)[c]) {
      out.names.push_back(name);
      expressions.push_back("CAST(" + quoted + " AS DOUBLE PRECISION)");
    } else {
      auto levels = detail::textLevels(runner, source, column, shardKey);
      if (!levels) return levels.error();
      for (std::size_t l = 1; l < levels->size(); ++l) {
        out.names.push_back(name + (*levels)[l]);
        expressions.push_back("CASE WHEN " + quoted + " = " + detail::sqlText((*levels)[l]) + " THEN 1.0 ELSE 0.0 END");
      }
    }
    for (const auto& e : expressions) {
      out.sources.push_back(name);
      select += (select.empty() ? "" : ", ") + e + " AS c" + std::to_string(++index);
    }
  }
  const auto k = static_cast<Eigen::Index>(out.names.size());
  if (!shardKey.empty()) select += ", " + quoteIdentifier(shardKey) + " AS shard";
  const std::string derived = "(SELECT " + select + " FROM (" + source + ") AS src WHERE " + where + ") AS d";
  const std::string group = shardKey.empty() ? "" : " GROUP BY shard";

  std::string sql = "SELECT COUNT(*)";
  for (Eigen::Index j = 1; j <= k; ++j) sql += ", SUM(c" + std::to_string(j) + ")";
  auto sums = runner.numbers(sql + " FROM " + derived + group);
  if (!sums) return sums.error();
  const auto first = addedRows(*sums, static_cast<std::size_t>(k + 1));
  out.n = static_cast<std::size_t>(first[0]);
  out.means = Eigen::VectorXd::Zero(k);
  if (out.n == 0) return makeError(ErrorCode::EmptyGroup, "No complete rows for the moments in " + runner.where());
  for (Eigen::Index j = 0; j < k; ++j) out.means(j) = first[static_cast<std::size_t>(j + 1)] / static_cast<double>(out.n);

  const auto centred = [&](Eigen::Index j) {
    return "(c" + std::to_string(j + 1) + " - " + detail::sqlNumber(out.means(j)) + ")";
  };
  sql = "SELECT COUNT(*)";
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index j = i; j < k; ++j) sql += ", SUM(" + centred(i) + "*" + centred(j) + ")";
  auto products = runner.numbers(sql + " FROM " + derived + group);
  if (!products) return products.error();
  const auto second = addedRows(*products, static_cast<std::size_t>(1 + k * (k + 1) / 2));
  std::size_t at = 1;
  out.centred = detail::symmetric(second, at, k);
  return out;
}

}  // namespace causeway::database
