#include "DataSource.hpp"

#include "causeway/data/CsvReader.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::cli {

void addDataSourceOptions(po::options_description& options) {
  options.add_options()("table", po::value<std::string>(), "database DATA: read this table (schema.table allowed)")(
      "query", po::value<std::string>(), "database DATA: read the rows of this SQL query")(
      "in-database", "database DATA: estimate (IPW, regression, g-computation, AIPW), balance and the propensity model by "
                     "aggregate queries in the database; only sums leave it")(
      "shard-key", po::value<std::string>(),
      "with --in-database on PostgreSQL: group every aggregate by this column, the partition key of a table sharded "
      "over postgres_fdw servers (found by itself when the table is such a partitioned table)")(
      "sample", po::value<long>(),
      "with --in-database: also draw N random rows in the database and run matching, KS, bootstrap and refuters on them");
}

Result<LoadedData> loadData(const std::string& data, const po::variables_map& vm) {
  const std::string table = vm.count("table") ? vm["table"].as<std::string>() : "";
  const std::string query = vm.count("query") ? vm["query"].as<std::string>() : "";
  if (vm.count("shard-key"))
    return makeError(ErrorCode::InvalidArgument, "--shard-key only applies with --in-database");
  if (vm.count("sample"))
    return makeError(ErrorCode::InvalidArgument, "--sample only applies with --in-database (without it every row is read)");
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
