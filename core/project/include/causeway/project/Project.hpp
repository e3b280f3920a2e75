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
// The most bootstrap replicates a project may ask for (files with more are rejected on load).
inline constexpr int kMaxBootstrapReplicates = 1'000'000;

struct AnalysisSettings {
  std::string estimand = "ATE";                       // ATE, ATT, ATC or ATO
  // Every method, as study::defaults::methods() (this module cannot include it; a test in
  // tests/core/study checks that the two lists agree).
  std::vector<std::string> methods{"difference-in-means", "regression", "g-computation", "ipw", "matching", "aipw"};
  std::optional<std::vector<std::string>> adjustmentSet;  // unset: the first minimal set
  int bootstrap = 0;                                  // replicates; 0 = analytic SEs only
  std::uint64_t seed = 1;
  std::optional<std::pair<double, double>> trim;      // propensity bounds, e.g. 0.1..0.9
  // The treatment value that means "treated" (as written in the data); unset: recognised
  // codings (0/1, yes/no, treated/control, ...) only. Written only when set.
  std::optional<std::string> treatedValue;
  // Nearest-neighbour matching: "greedy" (true nearest neighbour, the default) or "matchit"
  // (MatchIt 4.5.1's order: the nearest control below the treated unit's score first). Written
  // only when not the default, so older projects save byte-identical.
  std::string matchingOrder = "greedy";
  bool operator==(const AnalysisSettings&) const = default;
};

// The values analysis.matchingOrder may take.
inline constexpr const char* kMatchingOrderGreedy = "greedy";
inline constexpr const char* kMatchingOrderMatchIt = "matchit";

// Data read from a database rather than a file (issue 15). Never holds a password: the
// location is stored as database::displayLocation gives it, and serializeProject strips one
// again should a caller pass it in.
struct DatabaseSource {
  std::string kind;       // "sqlite" or "postgresql"
  std::string location;   // SQLite: the file (relative to the project when possible); PostgreSQL: the URI
  std::string table;      // exactly one of table and query is set
  std::string query;
  bool inDatabase = false;  // analyse by aggregate queries in the database instead of reading the rows
  bool operator==(const DatabaseSource&) const = default;
};

// A .causeway project: the model (DAGitty syntax, positions included), the data it is checked
// against, analysis settings, notes for the report, and opaque view state owned by the GUI.
struct Project {
  static constexpr int kFormatVersion = 1;

  std::string title;
  std::string modelText;                          // DAGitty syntax
  std::string dataPath;                           // as stored: relative to the project file when possible
  std::optional<DatabaseSource> database;         // set: the data come from here, not from dataPath
  std::map<std::string, std::string> columnOverrides;  // node -> column
  AnalysisSettings analysis;
  std::string notes;
  std::string viewStateJson = "{}";               // GUI state (zoom, docks, ...), kept verbatim
  // A rollout study (issue 14), the "rollout" object kept verbatim as JSON and read by core/panel
  // (panel::RolloutSettings); empty: none, and then not written.
  std::string rolloutJson;

  bool operator==(const Project&) const = default;

  // The data file's location, resolving a relative dataPath against the project's folder.
  [[nodiscard]] std::filesystem::path resolveDataPath(const std::filesystem::path& projectFile) const;
  // The database source with a relative SQLite file resolved against the project's folder.
  [[nodiscard]] std::optional<DatabaseSource> resolveDatabase(const std::filesystem::path& projectFile) const;
};

[[nodiscard]] Result<Project> parseProject(std::string_view json, std::string_view sourceName = {});
[[nodiscard]] std::string serializeProject(const Project& project);

[[nodiscard]] Result<Project> loadProject(const std::filesystem::path& path);
// Writes atomically (a temporary file in the same folder, then rename): a failed save never
// leaves a half-written project behind.
[[nodiscard]] Result<void> saveProject(const Project& project, const std::filesystem::path& path);

}  // namespace causeway::project
