#pragma once

#include <optional>

#include "CliSupport.hpp"  // Boost.Program_options, included with GCC 12's false warning silenced
#include "causeway/common/Result.hpp"
#include "causeway/study/StudySensitivity.hpp"

namespace causeway::cli {

// --sensitivity [--benchmark NODE[,NODE]] [--k 1,2,3] [--ky ...] [--q 1] [--alpha 0.05]
void addSensitivityOptions(po::options_description& options);

// None without --sensitivity (the study then skips the analysis); a usage error names the option.
[[nodiscard]] Result<std::optional<study::SensitivityRequest>> sensitivityFrom(
    const po::variables_map& vm);

}  // namespace causeway::cli
