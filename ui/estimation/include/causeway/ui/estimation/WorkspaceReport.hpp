#pragma once

#include <memory>
#include <optional>
#include <string>

#include "causeway/common/Progress.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/report/ReportDocument.hpp"
#include "causeway/report/StudyReport.hpp"
#include "causeway/study/Study.hpp"
#include "causeway/ui/data/VariableMapping.hpp"
#include "causeway/ui/estimation/EstimationJob.hpp"
#include "causeway/ui/estimation/ImplicationTesting.hpp"

namespace causeway::ui {

// What the data workspace knows when the user exports a report (copies, so the report can be
// built on a worker thread).
struct WorkspaceSnapshot {
  graph::CausalGraph graph;
  std::shared_ptr<const data::Dataset> dataset;
  std::string dataPath;
  std::optional<database::SourceSpec> source;  // set when the data were read from a database
  VariableMapping mapping;
  std::optional<ImplicationResults> implications;
  std::optional<EstimationOutcome> estimation;
  std::string generated;  // ISO 8601
  std::string version;
};

// The desktop session in the core's terms, so the exported report is the one the CLI writes.
struct SessionStudy {
  report::ReportRequest request;
  identification::IdentificationSummary identification;
  std::optional<study::StudyResult> study;  // unset before any estimate
};
// `progress` stops the one slow part, a database source's checksum computed in the database.
[[nodiscard]] SessionStudy sessionStudy(const WorkspaceSnapshot& snapshot, const Progress& progress = {});

// The postmortem report: the core's study report (report::buildStudyReport: question, model,
// identification, data, implications, overlap, balance, estimates, sensitivity, caveats), plus a
// "Desktop session" section with what only the GUI computed: the weighted overlap and weight
// distribution, the implication verdicts as flagged in the app, and the settings to reproduce
// the run.
[[nodiscard]] report::ReportDocument buildWorkspaceReport(const WorkspaceSnapshot& snapshot,
                                                         const Progress& progress = {});

}  // namespace causeway::ui
