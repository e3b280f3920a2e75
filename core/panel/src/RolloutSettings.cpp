#include "causeway/panel/RolloutSettings.hpp"

#include <initializer_list>
#include <utility>

namespace causeway::panel {

namespace {

using nlohmann::json;

Error invalid(std::string_view source, const std::string& key, const std::string& what) {
  return makeError(ErrorCode::InvalidArgument, "rollout setting '" + key + "' " + what,
                   {std::string(source), 0, 0, "rollout." + key});
}

Result<void> readString(const json& o, const char* key, std::string& out, std::string_view source) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return Ok{};
  if (!it->is_string()) return invalid(source, key, "must be text");
  out = it->get<std::string>();
  return Ok{};
}

Result<void> readInt(const json& o, const char* key, int low, int& out, std::string_view source) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return Ok{};
  if (!it->is_number_integer() || it->get<long long>() < low || it->get<long long>() > 1000000)
    return invalid(source, key, "must be a whole number from " + std::to_string(low) + " to 1000000");
  out = it->get<int>();
  return Ok{};
}

}  // namespace

Result<RolloutSettings> rolloutSettingsFromJson(const json& o, std::string_view source) {
  if (!o.is_object()) return invalid(source, "(rollout)", "must be an object");
  RolloutSettings s;
  using Field = std::pair<const char*, std::string*>;
  for (auto [key, field] : std::initializer_list<Field>{{"unit", &s.unit}, {"time", &s.time}, {"outcome", &s.outcome}, {"cohort", &s.cohort},
                            {"treated", &s.treated}, {"control", &s.control}, {"method", &s.method},
                            {"period", &s.period}, {"aggregate", &s.aggregate}})
    if (auto read = readString(o, key, *field, source); !read) return read.error();
  if (auto it = o.find("covariates"); it != o.end() && !it->is_null()) {
    if (it->is_string() && it->get<std::string>() == "model") {
      s.covariatesFromModel = true;
    } else if (it->is_array()) {
      for (const auto& item : *it) {
        if (!item.is_string()) return invalid(source, "covariates", "must be \"model\" or a list of column names");
        s.covariates.push_back(item.get<std::string>());
      }
    } else {
      return invalid(source, "covariates", "must be \"model\" or a list of column names");
    }
  }
  if (auto read = readInt(o, "anticipation", 0, s.anticipation, source); !read) return read.error();
  if (auto read = readInt(o, "bootstrap", 0, s.bootstrap, source); !read) return read.error();
  if (auto it = o.find("balance"); it != o.end() && !it->is_null()) {
    int balance = 0;
    if (auto read = readInt(o, "balance", 0, balance, source); !read) return read.error();
    s.balance = balance;
  }
  if (auto it = o.find("seed"); it != o.end() && !it->is_null()) {
    if (!it->is_number_unsigned()) return invalid(source, "seed", "must be a whole number of 0 or more");
    s.seed = it->get<std::uint64_t>();
  }
  return s;
}

json rolloutSettingsJson(const RolloutSettings& s) {
  json o;
  o["unit"] = s.unit;
  o["time"] = s.time;
  o["outcome"] = s.outcome;
  if (!s.cohort.empty()) o["cohort"] = s.cohort;
  if (!s.treated.empty()) o["treated"] = s.treated;
  o["covariates"] = s.covariatesFromModel ? json("model") : json(s.covariates);
  o["control"] = s.control;
  o["method"] = s.method;
  o["anticipation"] = s.anticipation;
  if (!s.period.empty()) o["period"] = s.period;
  if (!s.aggregate.empty()) o["aggregate"] = s.aggregate;
  if (s.balance) o["balance"] = *s.balance;
  o["bootstrap"] = s.bootstrap;
  o["seed"] = s.seed;
  return o;
}

Result<RolloutPlan> planRollout(const RolloutSettings& s) {
  RolloutPlan plan;
  using Field = std::pair<const char*, const std::string*>;
  for (auto [name, value] : std::initializer_list<Field>{{"unit", &s.unit}, {"time", &s.time}, {"outcome", &s.outcome}})
    if (value->empty()) return invalid({}, name, "is required (a column name)");
  if (s.cohort.empty() == s.treated.empty()) return invalid({}, "cohort", "or 'treated': give exactly one of them");
  plan.spec.unit = s.unit;
  plan.spec.time = s.time;
  plan.spec.outcome = s.outcome;
  plan.spec.cohort = s.cohort;
  plan.spec.treated = s.treated;
  plan.spec.covariates = s.covariates;
  if (!s.period.empty()) {
    auto seconds = parsePeriodLength(s.period);
    if (!seconds) return invalid({}, "period", "must be a length such as 30s, 5min, 1h or 1d, not '" + s.period + "'");
    plan.spec.periodSeconds = *seconds;
  }
  if (s.aggregate == "mean") plan.spec.aggregate = Aggregate::Mean;
  else if (s.aggregate == "sum") plan.spec.aggregate = Aggregate::Sum;
  else if (!s.aggregate.empty()) return invalid({}, "aggregate", "must be mean or sum, not '" + s.aggregate + "'");
  auto& o = plan.options;
  if (s.control == "never-treated") o.groupTime.control = ControlGroup::NeverTreated;
  else if (s.control == "not-yet-treated") o.groupTime.control = ControlGroup::NotYetTreated;
  else return invalid({}, "control", "must be never-treated or not-yet-treated, not '" + s.control + "'");
  if (s.method == "regression") o.groupTime.estimator = Estimator::Regression;
  else if (s.method == "ipw") o.groupTime.estimator = Estimator::Ipw;
  else if (s.method == "dr") o.groupTime.estimator = Estimator::DoublyRobust;
  else return invalid({}, "method", "must be regression, ipw or dr, not '" + s.method + "'");
  if (s.anticipation < 0) return invalid({}, "anticipation", "must be 0 or more");
  if (s.bootstrap < 0) return invalid({}, "bootstrap", "must be 0 or more");
  if (s.balance && *s.balance < 0) return invalid({}, "balance", "must be 0 or more");
  o.groupTime.anticipation = s.anticipation;
  o.aggregation.balanceEventTime = s.balance;
  o.bootstrapDraws = s.bootstrap;
  o.seed = s.seed;
  return plan;
}

}  // namespace causeway::panel
