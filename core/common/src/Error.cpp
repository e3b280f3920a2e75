#include "causeway/common/Error.hpp"

namespace causeway {

std::string Error::describe() const {
  std::string out;
  if (!context.file.empty()) out += context.file + ":";
  if (context.line > 0) {
    out += std::to_string(context.line) + ":";
    if (context.column > 0) out += std::to_string(context.column) + ":";
  }
  if (!out.empty()) out += " ";
  out += message;
  if (!context.variable.empty() && message.find(context.variable) == std::string::npos)
    out += " (variable '" + context.variable + "')";
  return out;
}

const char* toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::SyntaxError: return "syntax error";
    case ErrorCode::UnsupportedSyntax: return "unsupported syntax";
    case ErrorCode::UnknownNode: return "unknown node";
    case ErrorCode::DuplicateNode: return "duplicate node";
    case ErrorCode::Cycle: return "cycle";
    case ErrorCode::SelfLoop: return "self-loop";
    case ErrorCode::IoError: return "I/O error";
    case ErrorCode::MalformedData: return "malformed data";
    case ErrorCode::MissingData: return "missing data";
    case ErrorCode::NonBinaryTreatment: return "non-binary treatment";
    case ErrorCode::Separation: return "separation";
    case ErrorCode::Collinearity: return "collinearity";
    case ErrorCode::EmptyGroup: return "empty group";
    case ErrorCode::NotConverged: return "not converged";
    case ErrorCode::Cancelled: return "cancelled";
  }
  return "error";
}

}  // namespace causeway
