#pragma once

#include "causeway/report/ReportDocument.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::report {

// The report's first section: the study's answer in plain words, the rule that chose it, and the
// verdict's checklist (the same answer and verdict as the CLI's text and JSON).
[[nodiscard]] Section answerSection(const study::StudyResult& study);

// Each distinct table convention once, as a numbered note: tables then cite "See note [n]" and
// a final "Notes" section lists them. Estimates' conventions share their common tail (CI and
// E-value rules), which becomes one note of its own.
void numberConventions(ReportDocument& doc);

}  // namespace causeway::report
