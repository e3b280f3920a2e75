#pragma once

#include <optional>
#include <string>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"
#include "causeway/panel/RolloutSettings.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/report/ReportDocument.hpp"

namespace causeway::cli {

// One rollout study run from its settings, shared by `rollout` and `report`.
struct RolloutRun {
  panel::Panel panel;
  panel::RolloutResult result;
  std::string covariateSource;  // "the model's adjustment set {apac}", "the given covariates", ...
};

// Errors: bad settings (InvalidArgument naming the setting), covariates from a model that is
// missing or has no measured adjustment set, and those of buildPanel and runRollout.
[[nodiscard]] Result<RolloutRun> runRolloutStudy(const panel::RolloutSettings& settings, const data::Dataset& data,
                                                 const std::optional<graph::CausalGraph>& model, unsigned threads = 0);

// The report section of a project's rollout study ("rollout" object; the model gives covariates
// when it says "covariates": "model").
[[nodiscard]] Result<report::Section> rolloutReportSection(const project::Project& project, const std::string& projectName,
                                                           const data::Dataset& data, const graph::CausalGraph& model);

}  // namespace causeway::cli
