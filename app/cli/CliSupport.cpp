#include "CliSupport.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace causeway::cli {

std::vector<std::string> splitList(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::string item;
    for (char c : value + ",") {
      if (c != ',') {
        item += c;
        continue;
      }
      const auto first = item.find_first_not_of(" \t");
      if (first != std::string::npos) out.push_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
      item.clear();
    }
  }
  return out;
}

bool parseDouble(const std::string& text, double& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

int reportError(CommandIo& io, const std::string& command, const Error& error) {
  io.err << "causeway-cli " << command << ": " << error.describe() << "\n";
  return 1;
}

std::string fixed(double value, int digits) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace causeway::cli
