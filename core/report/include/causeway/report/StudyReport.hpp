#pragma once

#include <optional>
#include <string>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/report/Fingerprint.hpp"
#include "causeway/report/ReportDocument.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::report {

struct ReportRequest {
  std::string title = "Causal analysis";
  std::string notes;       // the analyst's own words, shown first
  std::string version;     // Causeway's version
  std::string generated;   // ISO 8601 date and time
  graph::CausalGraph laidOutGraph;  // every node placed
  std::string modelText;
  std::optional<DataFingerprint> data;
};

// The whole postmortem report: question, model and assumptions, identification, data,
// implied independencies tested, overlap, balance, estimates, sensitivity, refutations, caveats.
// Without a study (no data), the report stops after identification.
ReportDocument buildStudyReport(const ReportRequest& request, const identification::IdentificationSummary& summary,
                                const study::StudyResult* study);

}  // namespace causeway::report
