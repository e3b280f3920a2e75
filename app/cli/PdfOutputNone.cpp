// Core-only builds (no Qt) write HTML reports only.
#include "PdfOutput.hpp"

namespace causeway::cli {

bool pdfOutputAvailable() { return false; }

Result<void> writePdf(const report::ReportDocument&, const std::filesystem::path& path) {
  return makeError(ErrorCode::InvalidArgument, "cannot write '" + path.string() + "': this build has no PDF writer");
}

}  // namespace causeway::cli
