#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/Estimand.hpp"

// The one set of analysis defaults: the CLI's options, a project without analysis settings and
// the desktop app's estimation panel all start from these, so the same model and data give the
// same numbers wherever they are run.
namespace causeway::study::defaults {

// The average effect over everyone: the question most readers mean by "did X cause Y?".
inline constexpr estimation::Estimand kEstimand = estimation::Estimand::ATE;
// Every method, side by side: disagreement between them is itself a finding.
[[nodiscard]] inline std::vector<estimation::Method> methods() { return estimation::allMethods(); }
inline constexpr int kBootstrapReplicates = 0;  // analytic standard errors only
inline constexpr std::uint64_t kSeed = 1;
// A project run (CLI, desktop, report) refutes its primary estimate: the verdict uses it.
inline constexpr bool kRefute = true;
inline constexpr bool kCompareAdjustmentSets = true;
inline constexpr std::size_t kMaxComparedSets = 12;
inline constexpr std::size_t kMaxImplications = 200;

}  // namespace causeway::study::defaults
