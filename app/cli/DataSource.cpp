#include "DataSource.hpp"

#include "causeway/data/CsvReader.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::cli {

void addDataSourceOptions(po::options_description& options) {
  options.add_options()("table", po::value<std::string>(), "database DATA: read this table (schema.table allowed)")(
      "query", po::value<std::string>(), "database DATA: read the rows of this SQL query")(
      "in-database", "database DATA: fit the propensity model, IPW and balance by aggregate queries in the database");
}

Result<LoadedData> loadData(const std::string& data, const po::variables_map& vm) {
  const std::string table = vm.count("table") ? vm["table"].as<std::string>() : "";
  const std::string query = vm.count("query") ? vm["query"].as<std::string>() : "";
  if (!database::isDatabaseLocation(data)) {
    if (!table.empty() || !query.empty() || vm.count("in-database"))
      return makeError(ErrorCode::InvalidArgument,
                       "--table, --query and --in-database need a database DATA (sqlite:PATH or postgresql://...), not '" + data + "'");
    auto csv = data::readCsvFile(data);
    if (!csv) return csv.error();
    return LoadedData{std::move(csv).value(), std::nullopt};
  }
  auto spec = database::parseSource(data, table, query);
  if (!spec) return spec.error();
  auto read = database::readDatabase(*spec);
  if (!read) return read.error();
  nlohmann::json source{{"kind", database::toString(spec->kind)}};
  source[spec->kind == database::SourceKind::Sqlite ? "file" : "server"] = database::displayLocation(*spec);
  if (!spec->table.empty()) source["table"] = spec->table;
  else source["query"] = spec->query;
  source["rows"] = read->rowCount();
  source["in_database"] = false;
  return LoadedData{std::move(read).value(), std::move(source)};
}

}  // namespace causeway::cli
