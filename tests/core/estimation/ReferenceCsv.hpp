#pragma once

// Reads the reference CSVs written by tests/data/estimation/lalonde_reference.R.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace causeway::estimation::testing {

// Numeric columns of a headed CSV, by column index.
inline std::vector<std::vector<double>> readNumericCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string line;
  std::getline(in, line);
  std::vector<std::vector<double>> columns;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::string cell;
    for (std::size_t j = 0; std::getline(ss, cell, ','); ++j) {
      if (columns.size() <= j) columns.emplace_back();
      columns[j].push_back(std::stod(cell));
    }
  }
  return columns;
}

inline std::string referencePath(const std::string& file) {
  return std::string(CAUSEWAY_TEST_DATA_DIR) + "/estimation/" + file;
}

}  // namespace causeway::estimation::testing
