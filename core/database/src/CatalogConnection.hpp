#pragma once

#include <memory>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::database::detail {

// A connection for the catalog's small queries: every cell as text (NULL as ""), parameters
// bound ($1 / ?1), cancel through the progress' stop token.
class CatalogConnection {
 public:
  virtual ~CatalogConnection() = default;
  [[nodiscard]] static Result<std::unique_ptr<CatalogConnection>> open(const SourceSpec& spec, Progress progress);

  using Rows = std::vector<std::vector<std::string>>;
  [[nodiscard]] virtual Result<Rows> rows(const std::string& sql, const std::vector<std::string>& parameters = {}) = 0;
  // Parses and plans `sql` without running it: the error, with its position in `sql`, if any.
  [[nodiscard]] virtual Result<void> check(const std::string& sql) = 0;
};

}  // namespace causeway::database::detail
