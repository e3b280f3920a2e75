#include "causeway/data/DesignBuilder.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "TreatmentCoding.hpp"
#include "causeway/common/Parallel.hpp"

namespace causeway::data {
namespace {

Error variableError(ErrorCode code, std::string message, const std::string& variable) {
  return makeError(code, std::move(message), ErrorContext{{}, 0, 0, variable});
}

// One model column: a numeric covariate as is, or the indicator of one level of a factor.
struct DesignColumn {
  std::string name;
  std::string source;
  const Column* column = nullptr;
  std::int32_t level = Column::kMissingCode;  // factors only
};

struct ResolvedVariables {
  const Column* treatment = nullptr;
  const Column* outcome = nullptr;
  std::vector<const Column*> covariates;
};

Result<ResolvedVariables> resolve(const Dataset& data, std::string_view treatment, std::string_view outcome,
                                  std::span<const std::string> covariates) {
  auto treatmentIndex = data.find(treatment);
  if (!treatmentIndex) return std::move(treatmentIndex).error();
  auto outcomeIndex = data.find(outcome);
  if (!outcomeIndex) return std::move(outcomeIndex).error();
  ResolvedVariables vars{&data.column(*treatmentIndex), &data.column(*outcomeIndex), {}};
  if (*treatmentIndex == *outcomeIndex)
    return variableError(ErrorCode::InvalidArgument,
                         "'" + vars.treatment->name() + "' cannot be both the treatment and the outcome",
                         vars.treatment->name());

  std::set<std::size_t> seen;
  for (const std::string& covariate : covariates) {
    auto index = data.find(covariate);
    if (!index) return std::move(index).error();
    const std::string& name = data.column(*index).name();
    if (*index == *treatmentIndex)
      return variableError(ErrorCode::InvalidArgument, "treatment '" + name + "' is also listed as a covariate", name);
    if (*index == *outcomeIndex)
      return variableError(ErrorCode::InvalidArgument, "outcome '" + name + "' is also listed as a covariate", name);
    if (!seen.insert(*index).second)
      return variableError(ErrorCode::InvalidArgument, "covariate '" + name + "' is listed twice", name);
    vars.covariates.push_back(&data.column(*index));
  }
  if (vars.outcome->isCategorical())
    return variableError(ErrorCode::InvalidArgument,
                         "outcome '" + vars.outcome->name() + "' is not numeric: it is categorical with " +
                             std::to_string(vars.outcome->levels().size()) + " levels",
                         vars.outcome->name());
  return vars;
}

Result<void> checkNotAllMissing(const Column& column, const char* role) {
  if (column.size() > 0 && column.missingCount() < column.size()) return Ok{};
  return variableError(ErrorCode::MissingData, std::string(role) + " '" + column.name() + "' is missing in every row",
                       column.name());
}

// The design columns of one covariate among the complete cases `rows`.
Result<std::vector<DesignColumn>> expandCovariate(const Column& column, const std::vector<std::size_t>& rows,
                                                  Design& design) {
  const std::string& name = column.name();
  if (column.isNumeric()) {
    const double first = column.values()[rows.front()];
    const bool constant =
        std::all_of(rows.begin(), rows.end(), [&](std::size_t row) { return column.values()[row] == first; });
    if (constant)
      return variableError(
          ErrorCode::Collinearity,
          "covariate '" + name + "' is constant (" + formatNumber(first) + ") among the complete cases", name);
    return std::vector<DesignColumn>{{name, name, &column, Column::kMissingCode}};
  }
  std::vector<bool> present(column.levels().size(), false);
  for (const std::size_t row : rows) present[static_cast<std::size_t>(column.codes()[row])] = true;
  std::vector<std::int32_t> levels;
  for (std::size_t level = 0; level < present.size(); ++level)
    if (present[level]) levels.push_back(static_cast<std::int32_t>(level));
  const auto levelName = [&](std::int32_t level) { return column.levels()[static_cast<std::size_t>(level)]; };
  if (levels.size() < 2) {
    const std::string only = levels.empty() ? std::string() : levelName(levels[0]);
    return variableError(ErrorCode::Collinearity,
                         "covariate '" + name + "' has only one level ('" + only + "') among the complete cases", name);
  }
  // Levels are sorted by bytes, so the first present one is the reference.
  design.referenceLevels.emplace_back(name, levelName(levels.front()));
  std::vector<DesignColumn> dummies;
  for (std::size_t i = 1; i < levels.size(); ++i)
    dummies.push_back({name + levelName(levels[i]), name, &column, levels[i]});
  return dummies;
}

}  // namespace

Result<Design> buildDesign(const Dataset& data, std::string_view treatment, std::string_view outcome,
                           std::span<const std::string> covariates, const DesignOptions& options) {
  auto resolved = resolve(data, treatment, outcome, covariates);
  if (!resolved) return std::move(resolved).error();
  const ResolvedVariables& vars = *resolved;
  std::vector<const Column*> used{vars.treatment, vars.outcome};
  used.insert(used.end(), vars.covariates.begin(), vars.covariates.end());
  static constexpr const char* kRoles[] = {"treatment", "outcome"};
  for (std::size_t i = 0; i < used.size(); ++i)
    if (auto check = checkNotAllMissing(*used[i], i < 2 ? kRoles[i] : "covariate"); !check) return check.error();

  auto coding = codeTreatment(*vars.treatment, options.treatedValue);
  if (!coding) return std::move(coding).error();

  Design design;
  design.treatmentName = vars.treatment->name();
  design.outcomeName = vars.outcome->name();
  design.treatedLabel = coding->treatedLabel;
  design.controlLabel = coding->controlLabel;
  for (const Column* column : used) design.missingByVariable.emplace_back(column->name(), column->missingCount());
  // Only columns with a missing value can make a row incomplete.
  std::vector<const Column*> gappy;
  for (const Column* column : used)
    if (column->missingCount() > 0) gappy.push_back(column);
  design.rows.reserve(data.rowCount());
  for (std::size_t row = 0; row < data.rowCount(); ++row) {
    const bool complete =
        std::none_of(gappy.begin(), gappy.end(), [&](const Column* column) { return column->isMissing(row); });
    if (complete) design.rows.push_back(row);
  }
  design.rowsDropped = data.rowCount() - design.rows.size();
  if (design.rows.empty())
    return variableError(ErrorCode::MissingData,
                         "no complete cases: every row is missing the treatment, the outcome or a covariate", {});

  const auto treatedCount =
      design.rowsDropped == 0
          ? static_cast<std::size_t>(std::count(coding->indicator.begin(), coding->indicator.end(), 1.0))
          : static_cast<std::size_t>(std::count_if(design.rows.begin(), design.rows.end(),
                                                   [&](std::size_t row) { return coding->indicator[row] == 1.0; }));
  const std::size_t controlCount = design.rows.size() - treatedCount;
  if (treatedCount == 0 || controlCount == 0) {
    const bool noTreated = treatedCount == 0;
    return variableError(ErrorCode::EmptyGroup,
                         std::string("no ") + (noTreated ? "treated" : "control") + " rows (" + design.treatmentName +
                             " = " + (noTreated ? design.treatedLabel : design.controlLabel) +
                             ") among the complete cases",
                         design.treatmentName);
  }

  std::vector<DesignColumn> modelColumns;
  for (const Column* covariate : vars.covariates) {
    auto expanded = expandCovariate(*covariate, design.rows, design);
    if (!expanded) return std::move(expanded).error();
    modelColumns.insert(modelColumns.end(), expanded->begin(), expanded->end());
  }
  std::set<std::string_view> names;
  for (const DesignColumn& model : modelColumns) {
    if (!names.insert(model.name).second)
      return variableError(ErrorCode::InvalidArgument,
                           "design column '" + model.name + "' (from '" + model.source +
                               "') clashes with another column of the same name",
                           model.source);
    design.covariateNames.push_back(model.name);
    design.covariateSources.push_back(model.source);
  }

  const auto n = static_cast<Eigen::Index>(design.rows.size());
  design.treatment.resize(n);
  design.outcome.resize(n);
  design.covariates.resize(n, static_cast<Eigen::Index>(modelColumns.size()));
  // One task per output column (treatment, outcome, covariates): each writes only its own column.
  const std::size_t* rows = design.rows.data();
  // Every row complete (the usual case): plain copies, without reading the row list per value.
  const bool everyRow = design.rowsDropped == 0;
  const auto gather = [&](std::span<const double> values, double* out) {
    if (everyRow) std::copy_n(values.data(), n, out);
    else
      for (Eigen::Index i = 0; i < n; ++i) out[i] = values[rows[i]];
  };
  parallelFor(modelColumns.size() + 2, options.threads, [&](std::size_t task) {
    if (task == 0) {
      gather(coding->indicator, design.treatment.data());
      return;
    }
    if (task == 1) {
      gather(vars.outcome->values(), design.outcome.data());
      return;
    }
    const DesignColumn& model = modelColumns[task - 2];
    double* out = design.covariates.col(static_cast<Eigen::Index>(task - 2)).data();
    if (model.column->isNumeric()) {
      gather(model.column->values(), out);
    } else {
      const std::span<const std::int32_t> codes = model.column->codes();
      for (Eigen::Index i = 0; i < n; ++i) out[i] = codes[rows[i]] == model.level ? 1.0 : 0.0;
    }
  });
  if (everyRow) std::vector<std::size_t>().swap(design.rows);  // the identity: not kept (Design::rows)
  return design;
}

}  // namespace causeway::data
