#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/Estimand.hpp"

// The study's one answer and how far to trust it. Both are computed in the core so that the CLI,
// the GUI and the report show the same thing; the rule and the thresholds are in README
// ("The answer and the verdict") and in VerdictThresholds.hpp.
namespace causeway::study {

enum class CheckStatus { Pass, Warn, Fail, NotRun };

struct VerdictCheck {
  std::string name;  // "overlap", "balance", "implications", "refutations", "sensitivity", ...
  CheckStatus status = CheckStatus::NotRun;
  std::optional<double> value;      // the measured figure the status was decided on
  std::optional<double> threshold;  // the figure it was compared with
  std::string explanation;          // one sentence for a postmortem reader
};

enum class VerdictLevel { Supported, Fragile, NotSupported };

struct Verdict {
  VerdictLevel level = VerdictLevel::NotSupported;
  std::vector<VerdictCheck> checks;
  std::string summary;  // why this level, in one sentence
};

struct Answer {
  estimation::Method method = estimation::Method::Aipw;
  estimation::Estimand estimand = estimation::Estimand::ATE;
  double estimate = 0.0, se = 0.0, ciLow = 0.0, ciHigh = 0.0;
  std::string rule;      // why this method was chosen
  std::string sentence;  // the plain-words headline
};

[[nodiscard]] const char* toString(CheckStatus status);   // "pass", "warn", "fail", "not-run"
[[nodiscard]] const char* toString(VerdictLevel level);   // "supported", "fragile", "not-supported"

}  // namespace causeway::study
