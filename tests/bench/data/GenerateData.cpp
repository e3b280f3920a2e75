// causeway-gen-data --rows N --cols K --seed S -o FILE
// Writes the synthetic benchmark CSV described in SyntheticCsv.hpp.
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

#include "SyntheticCsv.hpp"

namespace {

constexpr const char* kUsage = "usage: causeway-gen-data [--rows N] [--cols K] [--seed S] -o FILE\n";

template <typename Number>
bool parseNumber(std::string_view text, Number& value) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
  causeway::data::bench::SyntheticCsvSpec spec;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "-h" || flag == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "missing value after %s\n%s", argv[i], kUsage);
      return 2;
    }
    const std::string_view value = argv[++i];
    bool ok = true;
    if (flag == "--rows") {
      ok = parseNumber(value, spec.rows);
    } else if (flag == "--cols") {
      ok = parseNumber(value, spec.columns) && spec.columns >= 2;
    } else if (flag == "--seed") {
      ok = parseNumber(value, spec.seed);
    } else if (flag == "-o" || flag == "--output") {
      output = value;
    } else {
      std::fprintf(stderr, "unknown option %s\n%s", argv[i - 1], kUsage);
      return 2;
    }
    if (!ok) {
      std::fprintf(stderr, "bad value for %s: %s\n", argv[i - 1], argv[i]);
      return 2;
    }
  }
  if (output.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  if (const std::string problem = causeway::data::bench::writeSyntheticCsv(spec, output); !problem.empty()) {
    std::fprintf(stderr, "causeway-gen-data: %s\n", problem.c_str());
    return 1;
  }
  return 0;
}
