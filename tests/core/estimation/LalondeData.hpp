#pragma once

// Lalonde (Dehejia & Wahba NSW treated + PSID controls, as shipped by R's MatchIt) as a Design,
// through the data module: treat ~ age + educ + race + married + nodegree + re74 + re75,
// outcome re78. race becomes racehispan, racewhite (reference level "black", as R's factor).

#include <stdexcept>
#include <string>
#include <vector>

#include "causeway/data/CsvReader.hpp"
#include "causeway/data/DesignBuilder.hpp"

namespace causeway::estimation::testing {

inline std::string lalondePath() { return std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv"; }

inline const std::vector<std::string>& lalondeCovariates() {
  static const std::vector<std::string> names{"age", "educ", "race", "married", "nodegree", "re74", "re75"};
  return names;
}

inline data::Dataset loadLalondeDataset() {
  auto dataset = data::readCsvFile(lalondePath());
  if (!dataset) throw std::runtime_error(dataset.error().describe());
  return std::move(*dataset);
}

inline data::Design loadLalonde() {
  auto design = data::buildDesign(loadLalondeDataset(), "treat", "re78", lalondeCovariates());
  if (!design) throw std::runtime_error(design.error().describe());
  const std::vector<std::string> expected{"age", "educ", "racehispan", "racewhite", "married", "nodegree", "re74", "re75"};
  if (design->covariateNames != expected) throw std::runtime_error("unexpected Lalonde design columns");
  return std::move(*design);
}

}  // namespace causeway::estimation::testing
