#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "TimeParsing.hpp"
#include "causeway/panel/Panel.hpp"

namespace causeway::panel {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Field {
  const data::Column* column = nullptr;
  std::size_t number = 0;  // 1-based field number, as the CSV reader reports columns
};

// Rows start on line 2: the reader's files have a header line (no field spans lines in telemetry).
std::size_t lineOf(std::size_t row) { return row + 2; }

Error cellError(const data::Dataset& data, std::size_t row, const Field& field, std::string message) {
  return makeError(ErrorCode::MalformedData, std::move(message),
                   {data.sourcePath(), lineOf(row), field.number, field.column->name()});
}

Result<Field> locate(const data::Dataset& data, const std::string& name, const char* role) {
  if (name.empty()) return makeError(ErrorCode::InvalidArgument, std::string("no ") + role + " column given");
  auto index = data.find(name);
  if (!index) {
    Error error = index.error();
    error.context.file = data.sourcePath();
    error.message = std::string("the ") + role + " column: " + error.message;
    return error;
  }
  return Field{&data.column(*index), *index + 1};
}

// Integer periods or timestamps of one cell: numbers must be whole, text must be an ISO date/time.
class TimeReader {
 public:
  TimeReader(const data::Column& column, std::int64_t periodSeconds) : column_(column), period_(periodSeconds) {
    if (!column.isCategorical()) return;
    // A text column holds timestamps if any cell is one; otherwise integers the reader kept as
    // text because some cell is not a number (that cell is then the error).
    for (const auto& level : column.levels()) timestamps_ = timestamps_ || detail::parseTimestamp(level).has_value();
    for (const auto& level : column.levels()) levels_.push_back(timestamps_ ? detail::parseTimestamp(level) : integer(level));
  }
  [[nodiscard]] bool timestamps() const { return timestamps_; }
  [[nodiscard]] bool missing(std::size_t row) const { return column_.isMissing(row); }
  [[nodiscard]] std::string text(std::size_t row) const { return column_.cellText(row); }
  // nullopt: not a time.
  [[nodiscard]] std::optional<std::int64_t> key(std::size_t row) const {
    std::optional<std::int64_t> value;
    if (column_.isCategorical()) {
      value = levels_[static_cast<std::size_t>(column_.codes()[row])];
    } else {
      const double v = column_.values()[row];
      if (!(std::abs(v) < 9e15) || v != std::floor(v)) return std::nullopt;
      value = static_cast<std::int64_t>(v);
    }
    if (value && period_ > 0) value = detail::floorTo(*value, period_);
    return value;
  }

 private:
  static std::optional<std::int64_t> integer(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
  }

  const data::Column& column_;
  std::int64_t period_;
  bool timestamps_ = false;
  std::vector<std::optional<std::int64_t>> levels_;
};

struct UnitIndex {
  std::vector<int> ofRow;
  std::vector<std::string> ids;
  std::vector<std::size_t> firstRow;
};

Result<UnitIndex> indexUnits(const data::Dataset& data, const Field& unit) {
  const std::size_t n = data.rowCount();
  UnitIndex index;
  index.ofRow.resize(n);
  const data::Column& column = *unit.column;
  if (column.isCategorical()) {
    std::vector<int> byCode(column.levels().size(), -1);
    for (std::size_t r = 0; r < n; ++r) {
      const auto code = column.codes()[r];
      if (code < 0) return cellError(data, r, unit, "the unit id is missing");
      int& slot = byCode[static_cast<std::size_t>(code)];
      if (slot < 0) {
        slot = static_cast<int>(index.ids.size());
        index.ids.push_back(column.levels()[static_cast<std::size_t>(code)]);
        index.firstRow.push_back(r);
      }
      index.ofRow[r] = slot;
    }
    return index;
  }
  std::unordered_map<double, int> byValue;
  for (std::size_t r = 0; r < n; ++r) {
    const double v = column.values()[r];
    if (std::isnan(v)) return cellError(data, r, unit, "the unit id is missing");
    auto [it, added] = byValue.try_emplace(v, static_cast<int>(index.ids.size()));
    if (added) {
      index.ids.push_back(data::formatNumber(v));
      index.firstRow.push_back(r);
    }
    index.ofRow[r] = it->second;
  }
  return index;
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// Cohort period index per unit from a cohort column (kNeverTreated for 0/empty/after the data).
Result<std::vector<int>> cohortsFromColumn(const data::Dataset& data, const Field& field, const UnitIndex& units,
                                           const std::vector<std::int64_t>& keys, std::int64_t periodSeconds,
                                           std::size_t& beyondData) {
  const TimeReader reader(*field.column, periodSeconds);
  const auto never = std::numeric_limits<std::int64_t>::min();
  std::vector<std::int64_t> value(units.ids.size(), never);
  std::vector<std::size_t> rowOf(units.ids.size(), 0);
  std::vector<char> seen(units.ids.size(), 0);
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    std::int64_t g = never;
    if (!reader.missing(r) && reader.text(r) != "0") {
      auto key = reader.key(r);
      if (!key) return cellError(data, r, field, "cohort " + quoted(reader.text(r)) +
                                                   " is not a period of the time column's kind (0 or empty: never treated)");
      g = *key;
    }
    const auto u = static_cast<std::size_t>(units.ofRow[r]);
    if (!seen[u]) {
      seen[u] = 1;
      value[u] = g;
      rowOf[u] = r;
    } else if (value[u] != g) {
      return cellError(data, r, field, "unit " + quoted(units.ids[u]) + " has two cohorts: " +
                                           quoted(data.column(field.number - 1).cellText(rowOf[u])) + " on line " +
                                           std::to_string(lineOf(rowOf[u])) + " and " + quoted(reader.text(r)) +
                                           " here");
    }
  }
  std::vector<int> cohort(units.ids.size(), kNeverTreated);
  for (std::size_t u = 0; u < cohort.size(); ++u) {
    if (value[u] == never) continue;
    const auto it = std::lower_bound(keys.begin(), keys.end(), value[u]);
    if (it == keys.end()) {
      ++beyondData;
      continue;
    }
    cohort[u] = static_cast<int>(it - keys.begin());
    if (cohort[u] == 0)
      return cellError(data, rowOf[u], field, "unit " + quoted(units.ids[u]) +
                                                  " is treated from the first period of the data: it has no pre-period to compare with");
  }
  return cohort;
}

// Cohorts from a 0/1 "treated now" column; treatment must be absorbing.
Result<std::vector<int>> cohortsFromTreated(const data::Dataset& data, const Field& field, const UnitIndex& units,
                                            const std::vector<int>& rowPeriod) {
  const data::Column& column = *field.column;
  if (column.isCategorical())
    return makeError(ErrorCode::NonBinaryTreatment, "the treated column must hold 0 and 1",
                     {data.sourcePath(), 0, field.number, column.name()});
  const std::size_t nUnits = units.ids.size();
  std::vector<int> firstOn(nUnits, std::numeric_limits<int>::max()), lastOff(nUnits, -1);
  std::vector<std::size_t> firstOnRow(nUnits, 0), lastOffRow(nUnits, 0);
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    const double v = column.values()[r];
    if (v != 0 && v != 1) return cellError(data, r, field, "treated must be 0 or 1, not " + quoted(column.cellText(r)));
    const auto u = static_cast<std::size_t>(units.ofRow[r]);
    const int t = rowPeriod[r];
    if (v == 1 && t < firstOn[u]) {
      firstOn[u] = t;
      firstOnRow[u] = r;
    }
    if (v == 0 && t > lastOff[u]) {
      lastOff[u] = t;
      lastOffRow[u] = r;
    }
  }
  std::vector<int> cohort(nUnits, kNeverTreated);
  for (std::size_t u = 0; u < nUnits; ++u) {
    if (firstOn[u] == std::numeric_limits<int>::max()) continue;
    if (lastOff[u] > firstOn[u])
      return cellError(data, lastOffRow[u], field, "unit " + quoted(units.ids[u]) + " switches treatment off: treated on line " +
                                                       std::to_string(lineOf(firstOnRow[u])) +
                                                       " but untreated later on this line (treatment must be absorbing)");
    if (firstOn[u] == 0)
      return cellError(data, firstOnRow[u], field, "unit " + quoted(units.ids[u]) +
                                                       " is treated from the first period of the data: it has no pre-period to compare with");
    cohort[u] = firstOn[u];
  }
  return cohort;
}

}  // namespace

std::string Panel::periodLabel(int t) const {
  const auto key = periodKeys[static_cast<std::size_t>(t)];
  return timestamps ? detail::formatTimestamp(key) : std::to_string(key);
}

std::optional<std::int64_t> parsePeriodLength(std::string_view text) {
  std::size_t digitsEnd = 0;
  while (digitsEnd < text.size() && text[digitsEnd] >= '0' && text[digitsEnd] <= '9') ++digitsEnd;
  if (digitsEnd == 0 || digitsEnd > 9) return std::nullopt;
  std::int64_t count = 0;
  for (std::size_t k = 0; k < digitsEnd; ++k) count = count * 10 + (text[k] - '0');
  const auto unit = text.substr(digitsEnd);
  std::int64_t seconds = 0;
  if (unit == "s") seconds = 1;
  else if (unit == "min" || unit == "m") seconds = 60;
  else if (unit == "h") seconds = 3600;
  else if (unit == "d") seconds = 86400;
  else return std::nullopt;
  if (count == 0) return std::nullopt;
  return count * seconds;
}

Result<Panel> buildPanel(const data::Dataset& data, const PanelSpec& spec) {
  if (spec.cohort.empty() == spec.treated.empty())
    return makeError(ErrorCode::InvalidArgument, "give exactly one of a cohort column and a treated column");
  auto unit = locate(data, spec.unit, "unit");
  if (!unit) return unit.error();
  auto time = locate(data, spec.time, "time");
  if (!time) return time.error();
  auto outcome = locate(data, spec.outcome, "outcome");
  if (!outcome) return outcome.error();
  if (outcome->column->isCategorical())
    return makeError(ErrorCode::MalformedData, "the outcome column must be numeric",
                     {data.sourcePath(), 0, outcome->number, outcome->column->name()});
  std::vector<Field> covariates;
  for (const auto& name : spec.covariates) {
    auto field = locate(data, name, "covariate");
    if (!field) return field.error();
    if (field->column->isCategorical())
      return makeError(ErrorCode::MalformedData, "covariate columns must be numeric",
                       {data.sourcePath(), 0, field->number, field->column->name()});
    covariates.push_back(*field);
  }
  if (data.rowCount() == 0) return makeError(ErrorCode::MalformedData, "the data have no rows", {data.sourcePath(), 0, 0, {}});

  auto units = indexUnits(data, *unit);
  if (!units) return units.error();

  // Periods: the distinct (binned) time values, sorted.
  const TimeReader reader(*time->column, spec.periodSeconds);
  std::vector<std::int64_t> rowKey(data.rowCount());
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    if (reader.missing(r)) return cellError(data, r, *time, "the time is missing");
    auto key = reader.key(r);
    if (!key)
      return cellError(data, r, *time, "time " + quoted(reader.text(r)) +
                                           " is not an integer period, a date (2026-12-04) or a timestamp (2026-12-04T14:05:00)");
    rowKey[r] = *key;
  }
  Panel panel;
  panel.timestamps = reader.timestamps();
  panel.periodKeys = rowKey;
  std::sort(panel.periodKeys.begin(), panel.periodKeys.end());
  panel.periodKeys.erase(std::unique(panel.periodKeys.begin(), panel.periodKeys.end()), panel.periodKeys.end());
  std::unordered_map<std::int64_t, int> periodOf;
  for (std::size_t t = 0; t < panel.periodKeys.size(); ++t) periodOf.emplace(panel.periodKeys[t], static_cast<int>(t));
  std::vector<int> rowPeriod(data.rowCount());
  for (std::size_t r = 0; r < data.rowCount(); ++r) rowPeriod[r] = periodOf.at(rowKey[r]);

  const std::size_t nUnits = units->ids.size();
  const auto nPeriods = panel.periodKeys.size();
  const std::size_t cells = nUnits * nPeriods;
  std::vector<int> firstRow(cells, -1);
  std::vector<int> count(cells, 0);
  panel.outcome.assign(cells, 0.0);
  panel.covariates.assign(covariates.size(), std::vector<double>(cells, 0.0));
  std::size_t incomplete = 0;
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    const std::size_t slot = static_cast<std::size_t>(rowPeriod[r]) * nUnits + static_cast<std::size_t>(units->ofRow[r]);
    if (firstRow[slot] >= 0 && spec.aggregate == Aggregate::None)
      return cellError(data, r, *time, "unit " + quoted(units->ids[static_cast<std::size_t>(units->ofRow[r])]) +
                                           " has two rows for period " + quoted(reader.text(r)) + ": line " +
                                           std::to_string(lineOf(static_cast<std::size_t>(firstRow[slot]))) +
                                           " and this one (use --aggregate mean|sum to combine them)");
    if (firstRow[slot] < 0) firstRow[slot] = static_cast<int>(r);
    bool complete = !outcome->column->isMissing(r);
    for (const auto& c : covariates) complete = complete && !c.column->isMissing(r);
    if (!complete) {
      ++incomplete;
      continue;
    }
    ++count[slot];
    panel.outcome[slot] += outcome->column->values()[r];
    for (std::size_t k = 0; k < covariates.size(); ++k) panel.covariates[k][slot] += covariates[k].column->values()[r];
  }
  for (std::size_t s = 0; s < cells; ++s) {
    if (count[s] == 0) {
      panel.outcome[s] = kNaN;
      for (auto& x : panel.covariates) x[s] = kNaN;
      continue;
    }
    const double c = count[s];
    if (spec.aggregate != Aggregate::Sum) panel.outcome[s] /= c;
    for (auto& x : panel.covariates) x[s] /= c;  // covariates are always averaged
  }

  std::size_t beyondData = 0;
  auto cohorts = spec.cohort.empty() ? [&]() -> Result<std::vector<int>> {
    auto field = locate(data, spec.treated, "treated");
    if (!field) return field.error();
    return cohortsFromTreated(data, *field, *units, rowPeriod);
  }()
                                     : [&]() -> Result<std::vector<int>> {
    auto field = locate(data, spec.cohort, "cohort");
    if (!field) return field.error();
    return cohortsFromColumn(data, *field, *units, panel.periodKeys, spec.periodSeconds, beyondData);
  }();
  if (!cohorts) return cohorts.error();
  panel.cohort = std::move(cohorts).value();
  panel.unitIds = std::move(units->ids);
  for (const auto& name : spec.covariates) panel.covariateNames.push_back(name);
  if (incomplete > 0)
    panel.warnings.push_back(std::to_string(incomplete) + " rows with a missing outcome or covariate were left out");
  if (beyondData > 0)
    panel.warnings.push_back(std::to_string(beyondData) +
                             " units are first treated after the last period and count as never treated");
  return panel;
}

}  // namespace causeway::panel
