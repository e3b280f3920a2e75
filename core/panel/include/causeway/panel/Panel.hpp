#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"

// Long-format panel telemetry (one row per unit and period) turned into unit × period grids for
// the rollout analyses (Callaway & Sant'Anna 2021). Treatment is absorbing: a unit's cohort is the
// first period in which it is treated.
namespace causeway::panel {

// What to do with two rows for the same unit and period.
enum class Aggregate { None, Mean, Sum };

struct PanelSpec {
  std::string unit;
  std::string time;     // integer periods, dates or timestamps (ISO 8601)
  std::string outcome;
  std::string cohort;   // first treated period (same kind as time); 0 or empty = never treated
  std::string treated;  // or a 0/1 "treated now" column from which cohorts are derived
  std::vector<std::string> covariates;
  std::int64_t periodSeconds = 0;  // > 0: timestamps are binned into periods this long
  Aggregate aggregate = Aggregate::None;  // None: a duplicate (unit, period) is an error
};

inline constexpr int kNeverTreated = -1;

struct Panel {
  std::vector<std::string> unitIds;
  std::vector<std::int64_t> periodKeys;  // sorted: integer periods, or epoch seconds of each bin
  bool timestamps = false;               // periodKeys are epoch seconds
  std::vector<int> cohort;               // per unit: index of its first treated period, or kNeverTreated
  std::vector<double> outcome;           // period-major, [t * units() + i]; NaN = not observed
  std::vector<std::string> covariateNames;
  std::vector<std::vector<double>> covariates;  // each laid out like `outcome`
  std::vector<std::string> warnings;

  [[nodiscard]] std::size_t units() const noexcept { return unitIds.size(); }
  [[nodiscard]] int periods() const noexcept { return static_cast<int>(periodKeys.size()); }
  [[nodiscard]] double y(int t, std::size_t i) const { return outcome[static_cast<std::size_t>(t) * units() + i]; }
  // The period as the data wrote it: "14" or "2026-12-04T14:05:00".
  [[nodiscard]] std::string periodLabel(int t) const;
};

// Builds the panel. Errors name the file, line and column (lines count a header row):
//   a missing or unknown column, a missing unit id, an unparsable time or cohort, a unit with two
//   cohorts or whose treatment switches off (both rows named), a unit treated in the first period
//   (no pre-period), a duplicate (unit, period) without `aggregate` (both rows named).
// Rows whose outcome or a covariate is missing leave that period unobserved (a warning counts them).
[[nodiscard]] Result<Panel> buildPanel(const data::Dataset& data, const PanelSpec& spec);

// "30s", "5min", "1h", "1d" -> seconds; nullopt for anything else.
[[nodiscard]] std::optional<std::int64_t> parsePeriodLength(std::string_view text);

}  // namespace causeway::panel
