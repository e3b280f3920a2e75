#pragma once

#include <filesystem>
#include <optional>

#include "DataSource.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/project/Project.hpp"

namespace causeway::cli {

// The project's database source (data.database, a relative SQLite file resolved against the
// project's folder), if it names one.
[[nodiscard]] std::optional<database::SourceSpec> projectDatabase(const project::Project& project,
                                                                  const std::filesystem::path& projectFile);

// A project's data: its database source (data.database, a relative SQLite file resolved against
// the project's folder; the password from libpq's PGPASSWORD / ~/.pgpass, never the project),
// else its data file. InvalidArgument when it names neither.
[[nodiscard]] Result<LoadedData> loadProjectData(const project::Project& project, const std::filesystem::path& projectFile);

}  // namespace causeway::cli
