#include "TreatmentCoding.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "AsciiCase.hpp"

namespace causeway::data {
namespace {

constexpr std::size_t kValuesListed = 3;

// The distinct non-missing values as text (sorted numerically or by bytes), and for numbers the
// values themselves.
struct DistinctValues {
  std::vector<std::string> labels;
  std::vector<double> numbers;
};

DistinctValues distinctValues(const Column& column) {
  DistinctValues distinct;
  if (column.isCategorical()) {
    std::vector<bool> present(column.levels().size(), false);
    for (const std::int32_t code : column.codes())
      if (code != Column::kMissingCode) present[static_cast<std::size_t>(code)] = true;
    for (std::size_t level = 0; level < present.size(); ++level)
      if (present[level]) distinct.labels.push_back(column.levels()[level]);
    return distinct;
  }
  // The usual treatment has two values: one pass finds them, without sorting a copy of the column.
  std::vector<double> firstTwo;
  bool more = false;
  for (const double value : column.values()) {
    if (std::isnan(value) || std::find(firstTwo.begin(), firstTwo.end(), value) != firstTwo.end()) continue;
    if (firstTwo.size() == 2) {
      more = true;
      break;
    }
    firstTwo.push_back(value);
  }
  if (!more) {
    distinct.numbers = std::move(firstTwo);
  } else {  // an error follows; it lists the values and counts them
    for (const double value : column.values())
      if (!std::isnan(value)) distinct.numbers.push_back(value);
  }
  std::sort(distinct.numbers.begin(), distinct.numbers.end());
  distinct.numbers.erase(std::unique(distinct.numbers.begin(), distinct.numbers.end()), distinct.numbers.end());
  for (const double value : distinct.numbers) distinct.labels.push_back(formatNumber(value));
  return distinct;
}

std::string listValues(const std::vector<std::string>& labels) {
  std::string list;
  for (std::size_t i = 0; i < labels.size() && i < kValuesListed; ++i) list += (i == 0 ? "" : ", ") + labels[i];
  if (labels.size() > kValuesListed) list += ", ...";
  return list;
}

// The codings read without asking, treated value first, compared ignoring ASCII case.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kKnownCodings{{
    {"true", "false"}, {"yes", "no"}, {"y", "n"}, {"treated", "untreated"}, {"treated", "control"},
    {"treatment", "control"}, {"exposed", "unexposed"}, {"exposed", "control"}, {"active", "control"},
    {"active", "placebo"}, {"intervention", "control"}}};

// Index (0 or 1) of the treated label among two sorted text labels, if they are a known coding.
std::optional<std::size_t> recogniseText(const std::vector<std::string>& labels) {
  for (const auto& [treated, control] : kKnownCodings) {
    for (std::size_t first = 0; first < 2; ++first) {
      if (equalsIgnoringAsciiCase(labels[first], treated) && equalsIgnoringAsciiCase(labels[1 - first], control))
        return first;
    }
  }
  return std::nullopt;
}

// Guessing the treated value of any other pair silently flips the sign half the time.
Error ambiguousCoding(const std::string& name, const DistinctValues& distinct, const ErrorContext& context) {
  return makeError(ErrorCode::InvalidArgument,
                   name + " has the values '" + distinct.labels[0] + "' and '" + distinct.labels[1] +
                       "', which is not a coding Causeway recognises (0/1, true/false, yes/no, treated/untreated, "
                       "treated/control, exposed/unexposed, active/control, ...): say which value is treated with "
                       "--treated-value VALUE (in a project: \"analysis.treatedValue\")",
                   context);
}

std::optional<std::size_t> findOverride(const DistinctValues& distinct, const std::string& treatedValue) {
  for (std::size_t i = 0; i < 2; ++i)
    if (distinct.labels[i] == treatedValue) return i;
  if (!distinct.numbers.empty()) {  // "2.0" names the value 2
    double value = 0.0;
    const char* end = treatedValue.data() + treatedValue.size();
    const auto [ptr, ec] = std::from_chars(treatedValue.data(), end, value);
    if (ec == std::errc() && ptr == end) {
      for (std::size_t i = 0; i < 2; ++i)
        if (distinct.numbers[i] == value) return i;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<TreatmentCoding> codeTreatment(const Column& column, const std::optional<std::string>& treatedValue) {
  const ErrorContext context{{}, 0, 0, column.name()};
  const DistinctValues distinct = distinctValues(column);
  const std::string name = "treatment '" + column.name() + "'";
  if (distinct.labels.empty()) return makeError(ErrorCode::MissingData, name + " is missing in every row", context);
  if (distinct.labels.size() == 1)
    return makeError(ErrorCode::NonBinaryTreatment,
                     name + " has only one value (" + distinct.labels.front() + "); it must have exactly two", context);
  if (distinct.labels.size() > 2)
    return makeError(ErrorCode::NonBinaryTreatment,
                     name + " has " + std::to_string(distinct.labels.size()) + " distinct values (" +
                         listValues(distinct.labels) + "); it must have exactly two",
                     context);

  std::size_t treated = 1;  // numbers are sorted: 1 of 0/1
  if (treatedValue) {
    const auto chosen = findOverride(distinct, *treatedValue);
    if (!chosen)
      return makeError(
          ErrorCode::InvalidArgument,
          "treated value '" + *treatedValue + "' is not a value of " + name + " (" + listValues(distinct.labels) + ")",
          context);
    treated = *chosen;
  } else if (column.isCategorical()) {
    const auto known = recogniseText(distinct.labels);
    if (!known) return ambiguousCoding(name, distinct, context);
    treated = *known;
  } else if (!(distinct.numbers[0] == 0.0 && distinct.numbers[1] == 1.0)) {
    return ambiguousCoding(name, distinct, context);
  }

  TreatmentCoding coding;
  coding.treatedLabel = distinct.labels[treated];
  coding.controlLabel = distinct.labels[1 - treated];
  coding.indicator.assign(column.size(), std::numeric_limits<double>::quiet_NaN());
  if (column.isCategorical()) {
    const auto& levels = column.levels();
    const auto treatedCode =
        static_cast<std::int32_t>(std::find(levels.begin(), levels.end(), coding.treatedLabel) - levels.begin());
    for (std::size_t row = 0; row < column.size(); ++row) {
      const std::int32_t code = column.codes()[row];
      if (code != Column::kMissingCode) coding.indicator[row] = code == treatedCode ? 1.0 : 0.0;
    }
  } else {
    for (std::size_t row = 0; row < column.size(); ++row) {
      const double value = column.values()[row];
      if (!std::isnan(value)) coding.indicator[row] = value == distinct.numbers[treated] ? 1.0 : 0.0;
    }
  }
  return coding;
}

}  // namespace causeway::data
