#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"

namespace causeway::report {

// Identifies the exact data a report was computed from.
struct DataFingerprint {
  std::string fileName;    // without folders
  std::uintmax_t bytes = 0;
  std::string sha256;      // lowercase hex
};

Result<DataFingerprint> fingerprintFile(const std::string& path);
std::string sha256Hex(std::string_view bytes);

}  // namespace causeway::report
