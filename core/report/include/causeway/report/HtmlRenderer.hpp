#pragma once

#include <string>

#include "causeway/report/ReportDocument.hpp"

namespace causeway::report {

// One self-contained HTML file: styles inline, figures as inline SVG, no external resources.
std::string renderHtml(const ReportDocument& document);

}  // namespace causeway::report
