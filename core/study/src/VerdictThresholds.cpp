#include "causeway/study/VerdictThresholds.hpp"

#include <cmath>
#include <utility>

namespace causeway::study {

namespace {

using Member = double VerdictThresholds::*;

const std::vector<std::pair<const char*, Member>>& table() {
  static const std::vector<std::pair<const char*, Member>> members{
      {"extrapolation-warn", &VerdictThresholds::extrapolationWarn},
      {"extrapolation-fail", &VerdictThresholds::extrapolationFail},
      {"extreme-score-share", &VerdictThresholds::extremeScoreShare},
      {"ess-share", &VerdictThresholds::essShare},
      {"smd", &VerdictThresholds::smd},
      {"smd-fail", &VerdictThresholds::smdFail},
      {"variance-ratio", &VerdictThresholds::varianceRatio},
      {"implication-alpha", &VerdictThresholds::implicationAlpha},
      {"e-value-floor", &VerdictThresholds::eValueFloor},
      {"agreement-se", &VerdictThresholds::agreementSe},
      {"ci-width-ratio", &VerdictThresholds::ciWidthRatio},
      {"tie-shift-se", &VerdictThresholds::tieShiftSe},
  };
  return members;
}

}  // namespace

std::vector<std::string> thresholdNames() {
  std::vector<std::string> out;
  for (const auto& [name, member] : table()) out.emplace_back(name);
  return out;
}

Result<void> setThreshold(VerdictThresholds& thresholds, std::string_view name, double value) {
  for (const auto& [known, member] : table()) {
    if (name != known) continue;
    if (!std::isfinite(value) || value < 0.0)
      return makeError(ErrorCode::InvalidArgument,
                       "the threshold '" + std::string(name) + "' must be a finite number >= 0");
    thresholds.*member = value;
    return Ok{};
  }
  std::string names;
  for (const auto& n : thresholdNames()) names += (names.empty() ? "" : ", ") + n;
  return makeError(ErrorCode::InvalidArgument, "unknown threshold '" + std::string(name) + "' (expected one of " +
                                                   names + ")");
}

}  // namespace causeway::study
