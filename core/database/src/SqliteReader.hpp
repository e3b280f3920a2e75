#pragma once

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/database/DataSource.hpp"

namespace causeway::database::detail {

[[nodiscard]] Result<data::Dataset> readSqlite(const SourceSpec& spec, const Progress& progress);

}  // namespace causeway::database::detail
