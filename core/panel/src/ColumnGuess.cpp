#include "causeway/panel/ColumnGuess.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>
#include <string_view>

#include "TimeParsing.hpp"

namespace causeway::panel {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool nameHas(const data::Column& column, std::initializer_list<std::string_view> words) {
  const std::string name = lower(column.name());
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return name.find(w) != std::string::npos; });
}

bool holdsTimestamps(const data::Column& column) {
  return column.isCategorical() && !column.levels().empty() && detail::parseTimestamp(column.levels().front()).has_value();
}

}  // namespace

RolloutSettings guessRolloutColumns(const data::Dataset& data) {
  RolloutSettings s;
  std::set<std::size_t> used;
  const auto pick = [&](std::string& field, auto&& accept) {
    if (!field.empty()) return;
    for (std::size_t c = 0; c < data.columnCount(); ++c) {
      if (used.count(c) != 0 || !accept(data.column(c))) continue;
      field = data.column(c).name();
      used.insert(c);
      return;
    }
  };
  pick(s.cohort, [](const data::Column& c) { return nameHas(c, {"cohort", "wave", "rollout_at", "first_treat", "adopt"}); });
  pick(s.time, [](const data::Column& c) {
    return nameHas(c, {"time", "date", "period", "minute", "hour", "day"}) || holdsTimestamps(c);
  });
  pick(s.unit, [](const data::Column& c) { return nameHas(c, {"host", "unit", "id", "server", "instance", "node", "pod"}); });
  if (s.cohort.empty())
    pick(s.treated, [](const data::Column& c) {
      return c.type() == data::ColumnType::Binary && nameHas(c, {"treat", "on", "enabled", "active", "rollout"});
    });
  pick(s.outcome, [](const data::Column& c) { return c.type() == data::ColumnType::Numeric && nameHas(c, {"rate", "error", "latency", "outcome"}); });
  pick(s.outcome, [](const data::Column& c) { return c.type() == data::ColumnType::Numeric; });
  return s;
}

}  // namespace causeway::panel
