#pragma once

#include <optional>

#include "causeway/report/ReportDocument.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::report {

// "Does the data contradict the model?": the implied independencies tested on the data, one
// table per test family (partial correlation for numeric x and y, stratified chi-square for
// categorical ones), how many are rejected at 5%, and why the rest were not tested. Unset when
// the study tested nothing and skipped nothing.
[[nodiscard]] std::optional<Section> implicationSection(const study::StudyResult& s);

}  // namespace causeway::report
