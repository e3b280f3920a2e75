#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"

namespace causeway::cli {

// Data read for a command, and where it came from when that was a database.
struct LoadedData {
  data::Dataset dataset;
  // {"kind", "server" or "file", "table" or "query", "rows", "in_database"}; none for a CSV.
  std::optional<nlohmann::json> source;
};

// --table NAME and --query SQL, for a DATA argument that is a database.
void addDataSourceOptions(po::options_description& options);

// DATA is a CSV file, sqlite:PATH or a postgresql:// URI (then with --table or --query).
// --table/--query with a CSV file is a usage error (InvalidArgument).
[[nodiscard]] Result<LoadedData> loadData(const std::string& data, const po::variables_map& vm);

}  // namespace causeway::cli
