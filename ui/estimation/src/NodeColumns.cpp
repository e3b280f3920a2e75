#include "causeway/ui/estimation/NodeColumns.hpp"

#include <cmath>

namespace causeway::ui {

Result<estimation::NamedColumns> nodeColumns(const data::Dataset& dataset,
                                             const std::vector<std::pair<std::string, std::string>>& variables) {
  std::vector<const data::Column*> columns;
  for (const auto& [node, column] : variables) {
    auto index = dataset.find(column);
    if (!index) return std::move(index).error();
    columns.push_back(&dataset.column(*index));
  }
  std::vector<Eigen::Index> complete;
  for (std::size_t row = 0; row < dataset.rowCount(); ++row) {
    bool ok = true;
    for (const data::Column* c : columns) ok = ok && !c->isMissing(row);
    if (ok) complete.push_back(static_cast<Eigen::Index>(row));
  }
  if (complete.empty())
    return makeError(ErrorCode::MissingData, "no row has values for all of the variables tested together");

  estimation::NamedColumns out;
  std::vector<std::vector<double>> cols;
  for (std::size_t v = 0; v < variables.size(); ++v) {
    const data::Column& c = *columns[v];
    const std::string& node = variables[v].first;
    if (c.isNumeric()) {
      std::vector<double> values;
      values.reserve(complete.size());
      for (Eigen::Index r : complete) values.push_back(c.values()[static_cast<std::size_t>(r)]);
      cols.push_back(std::move(values));
      out.names.push_back(node);
      out.sources.push_back(node);
      continue;
    }
    for (std::size_t level = 1; level < c.levels().size(); ++level) {
      std::vector<double> values;
      values.reserve(complete.size());
      for (Eigen::Index r : complete)
        values.push_back(c.codes()[static_cast<std::size_t>(r)] == static_cast<std::int32_t>(level) ? 1.0 : 0.0);
      cols.push_back(std::move(values));
      out.names.push_back(node + c.levels()[level]);
      out.sources.push_back(node);
    }
  }
  out.values.resize(static_cast<Eigen::Index>(complete.size()), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t j = 0; j < cols.size(); ++j)
    for (std::size_t i = 0; i < complete.size(); ++i) out.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = cols[j][i];
  return out;
}

Result<estimation::CategoricalColumns> nodeCodes(const data::Dataset& dataset,
                                                 const std::vector<std::pair<std::string, std::string>>& variables) {
  std::vector<const data::Column*> columns;
  estimation::CategoricalColumns out;
  for (const auto& [node, column] : variables) {
    auto index = dataset.find(column);
    if (!index) return std::move(index).error();
    const data::Column& c = dataset.column(*index);
    if (c.type() == data::ColumnType::Numeric)
      return makeError(ErrorCode::InvalidArgument, "'" + node + "' is continuous; the chi-square test needs categorical "
                                                   "or 0/1 variables", ErrorContext::about(node));
    columns.push_back(&c);
    out.names.push_back(node);
  }
  out.codes.resize(columns.size());
  for (std::size_t row = 0; row < dataset.rowCount(); ++row) {
    bool ok = true;
    for (const data::Column* c : columns) ok = ok && !c->isMissing(row);
    if (!ok) continue;
    for (std::size_t k = 0; k < columns.size(); ++k)
      out.codes[k].push_back(columns[k]->isCategorical() ? columns[k]->codes()[row]
                                                         : static_cast<std::int32_t>(columns[k]->values()[row]));
  }
  if (out.codes.empty() || out.codes.front().empty())
    return makeError(ErrorCode::MissingData, "no row has values for all of the variables tested together");
  return out;
}

}  // namespace causeway::ui
