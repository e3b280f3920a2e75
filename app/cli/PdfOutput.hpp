#pragma once

#include <filesystem>

#include "causeway/common/Result.hpp"
#include "causeway/report/ReportDocument.hpp"

namespace causeway::cli {

// PDF needs Qt (QPdfWriter); a core-only build writes HTML only.
bool pdfOutputAvailable();
Result<void> writePdf(const report::ReportDocument& document, const std::filesystem::path& path);

}  // namespace causeway::cli
