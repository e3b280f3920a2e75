#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "causeway/common/Result.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/study/Study.hpp"

// A project's analysis settings as the study they ask for. `causeway-cli estimate PROJECT`,
// `causeway-cli report` and the desktop app all go through studySpec(), so a project runs the
// same study wherever it is opened.
namespace causeway::study {

// The spec for these settings on `graph`. Fails (MalformedData) naming the project field when
// the estimand or a method is unknown, no method is listed, bootstrap is negative or the trim
// bounds are not 0 <= lower < upper <= 1.
[[nodiscard]] Result<StudySpec> studySpec(const project::AnalysisSettings& analysis,
                                          const std::map<std::string, std::string>& columnOverrides,
                                          graph::CausalGraph graph);

struct ProjectStudy {
  project::Project project;
  StudySpec spec;
  std::filesystem::path dataPath;  // resolved against the project file; empty when it has none
};

// Reads the project file and its model and builds the spec: everything but reading the data.
[[nodiscard]] Result<ProjectStudy> loadProjectStudy(const std::filesystem::path& projectFile);

}  // namespace causeway::study
