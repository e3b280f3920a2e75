#pragma once

#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"

namespace causeway::database::detail {

// An error at the 1-based character `position` of `query`: the context gets line and column
// within the query and the message quotes the text around it, so a user sees where it is.
[[nodiscard]] Error queryError(ErrorCode code, const std::string& where, std::string message, std::string_view query,
                               std::size_t position);

}  // namespace causeway::database::detail
