#pragma once

#include <cstddef>
#include <string>
#include <utility>

namespace causeway {

// What kind of expected failure happened; callers branch on this, users read `message`.
enum class ErrorCode {
  InvalidArgument,
  SyntaxError,
  UnsupportedSyntax,
  UnknownNode,
  DuplicateNode,
  Cycle,
  SelfLoop,
  IoError,
  MalformedData,
  MissingData,
  NonBinaryTreatment,
  Separation,
  Collinearity,
  EmptyGroup,
  NotConverged,
  Cancelled,
};

// Where an error was found. Unknown fields stay empty / zero.
struct ErrorContext {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 = unknown
  std::size_t column = 0;  // 1-based; 0 = unknown
  std::string variable;

  // Context that names only the variable involved.
  static ErrorContext about(std::string variableName) {
    ErrorContext context;
    context.variable = std::move(variableName);
    return context;
  }
};

struct Error {
  ErrorCode code = ErrorCode::InvalidArgument;
  std::string message;
  ErrorContext context;

  // "file:line:column: message (variable 'x')", omitting what is unknown.
  [[nodiscard]] std::string describe() const;
};

[[nodiscard]] const char* toString(ErrorCode code);

}  // namespace causeway
