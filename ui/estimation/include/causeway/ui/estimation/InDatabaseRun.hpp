#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/study/InDatabaseStudy.hpp"
#include "causeway/ui/estimation/EstimationJob.hpp"

namespace causeway::ui {

// "Analyse in the database": the one in-database engine (study::runInDatabaseStudy, as
// `causeway-cli estimate --in-database`) on the source the data were read from.
struct InDatabaseInputs {
  database::SourceSpec source;  // with the typed password, in memory only
  std::shared_ptr<const graph::CausalGraph> graph;
  std::map<std::string, std::string> columnOverrides;
  std::set<std::string> unmeasuredNodes;
  EstimationSettings settings;
  std::shared_ptr<const data::Dataset> dataset;  // the rows shown, kept with the outcome for exports
};

// The study the settings ask for (studySpec, as in memory), run by the engine; what it could not
// run in the database (matching, ...) is listed among the warnings as not run. The result is shown
// like an in-memory one from the engine's own study-shaped result: the answer, the verdict, the
// estimates (95% normal CIs, E-values), the weighted balance and the overlap summary.
[[nodiscard]] Result<EstimationOutcome> runInDatabaseJob(const InDatabaseInputs& inputs, const Progress& progress = {});

// The engine's result as the panels show it (exposed for tests).
[[nodiscard]] EstimationOutcome outcomeFromDatabase(const study::InDatabaseStudyResult& result,
                                                    const std::vector<estimation::Method>& methods,
                                                    const EstimationSettings& settings);

}  // namespace causeway::ui
