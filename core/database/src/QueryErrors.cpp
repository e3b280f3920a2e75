#include "QueryErrors.hpp"

#include <algorithm>

namespace causeway::database::detail {

Error queryError(ErrorCode code, const std::string& where, std::string message, std::string_view query,
                 std::size_t position) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  ErrorContext context;
  context.file = where;
  if (position == 0 || position > query.size() + 1) return makeError(code, message + " (in " + where + ")", context);
  const std::size_t offset = position - 1;
  context.line = 1 + static_cast<std::size_t>(std::count(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  const auto lineStart = query.rfind('\n', offset == 0 ? 0 : offset - 1);
  context.column = lineStart == std::string_view::npos || offset == 0 ? offset + 1 : offset - lineStart;
  const std::size_t from = offset > 20 ? offset - 20 : 0;
  std::string excerpt(query.substr(from, offset - from));
  excerpt += ">>>";
  excerpt += query.substr(offset, 20);
  std::replace(excerpt.begin(), excerpt.end(), '\n', ' ');
  message += " at line " + std::to_string(context.line) + ", column " + std::to_string(context.column) +
             " of the query: \"" + excerpt + "\" (in " + where + ")";
  return makeError(code, std::move(message), std::move(context));
}

}  // namespace causeway::database::detail
