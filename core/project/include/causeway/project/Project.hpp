#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"

namespace causeway::project {

// What the estimation part of a project asks for. Values are kept as the user wrote them
// (validated by the modules that use them), so a project from a newer minor version still loads.
struct AnalysisSettings {
  std::string estimand = "ATE";                       // ATE, ATT, ATC or ATO
  std::vector<std::string> methods{"regression", "ipw", "aipw", "matching"};
  std::optional<std::vector<std::string>> adjustmentSet;  // unset: the first minimal set
  int bootstrap = 0;                                  // replicates; 0 = analytic SEs only
  std::uint64_t seed = 1;
  std::optional<std::pair<double, double>> trim;      // propensity bounds, e.g. 0.1..0.9
  bool operator==(const AnalysisSettings&) const = default;
};

// A .causeway project: the model (DAGitty syntax, positions included), the data it is checked
// against, analysis settings, notes for the report, and opaque view state owned by the GUI.
struct Project {
  static constexpr int kFormatVersion = 1;

  std::string title;
  std::string modelText;                          // DAGitty syntax
  std::string dataPath;                           // as stored: relative to the project file when possible
  std::map<std::string, std::string> columnOverrides;  // node -> column
  AnalysisSettings analysis;
  std::string notes;
  std::string viewStateJson = "{}";               // GUI state (zoom, docks, ...), kept verbatim

  bool operator==(const Project&) const = default;

  // The data file's location, resolving a relative dataPath against the project's folder.
  [[nodiscard]] std::filesystem::path resolveDataPath(const std::filesystem::path& projectFile) const;
};

[[nodiscard]] Result<Project> parseProject(std::string_view json, std::string_view sourceName = {});
[[nodiscard]] std::string serializeProject(const Project& project);

[[nodiscard]] Result<Project> loadProject(const std::filesystem::path& path);
// Writes atomically (a temporary file in the same folder, then rename): a failed save never
// leaves a half-written project behind.
[[nodiscard]] Result<void> saveProject(const Project& project, const std::filesystem::path& path);

}  // namespace causeway::project
