#include "ProjectData.hpp"

#include "causeway/data/CsvReader.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::cli {

std::optional<database::SourceSpec> projectDatabase(const project::Project& project,
                                                   const std::filesystem::path& projectFile) {
  const auto source = project.resolveDatabase(projectFile);
  if (!source) return std::nullopt;
  database::SourceSpec spec;
  spec.kind = source->kind == "sqlite" ? database::SourceKind::Sqlite : database::SourceKind::Postgres;
  spec.location = source->location;
  spec.table = source->table;
  spec.query = source->query;
  return spec;
}

Result<LoadedData> loadProjectData(const project::Project& project, const std::filesystem::path& projectFile) {
  if (const auto source = projectDatabase(project, projectFile)) {
    const database::SourceSpec& spec = *source;
    auto read = database::readDatabase(spec);
    if (!read) return read.error();
    // The same "data_source" object as `estimate MODEL DATA` prints for a database.
    nlohmann::json described{{"kind", database::toString(spec.kind)}};
    described[spec.kind == database::SourceKind::Sqlite ? "file" : "server"] = database::displayLocation(spec);
    if (!spec.table.empty()) described["table"] = spec.table;
    else described["query"] = spec.query;
    described["rows"] = read->rowCount();
    described["in_database"] = false;
    return LoadedData{std::move(read).value(), std::move(described)};
  }
  const auto file = project.resolveDataPath(projectFile);
  if (file.empty())
    return makeError(ErrorCode::InvalidArgument, projectFile.string() +
                                                     ": the project names no data (open data in Causeway and save, or give MODEL DATA)");
  auto csv = data::readCsvFile(file.string());
  if (!csv) return csv.error();
  return LoadedData{std::move(csv).value(), std::nullopt};
}

}  // namespace causeway::cli
