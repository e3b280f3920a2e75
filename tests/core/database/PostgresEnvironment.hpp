#pragma once

#include "ThrowawayPostgres.hpp"

namespace causeway::testing {

// The one throwaway server of this test binary (a GoogleTest global environment starts it
// before the first test and stops it after the last).
[[nodiscard]] const ThrowawayPostgres& postgres();

}  // namespace causeway::testing
