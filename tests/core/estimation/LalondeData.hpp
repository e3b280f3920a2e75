#pragma once

// Lalonde (Dehejia & Wahba NSW treated + PSID controls, as shipped by R's MatchIt) as a Design:
// treat ~ age + educ + race (reference level "black") + married + nodegree + re74 + re75,
// outcome re78. Read with a small CSV reader local to the tests.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "causeway/data/Design.hpp"

namespace causeway::estimation::testing {

inline std::string lalondePath() { return std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv"; }

inline data::Design loadLalonde() {
  std::ifstream in(lalondePath());
  if (!in) throw std::runtime_error("cannot open " + lalondePath());
  std::string line;
  std::getline(in, line);  // treat,age,educ,race,married,nodegree,re74,re75,re78
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  const auto n = static_cast<Eigen::Index>(rows.size());
  data::Design d;
  d.treatmentName = "treat";
  d.outcomeName = "re78";
  d.treatment.resize(n);
  d.outcome.resize(n);
  d.covariates.resize(n, 8);
  d.covariateNames = {"age", "educ", "racehispan", "racewhite", "married", "nodegree", "re74", "re75"};
  d.covariateSources = {"age", "educ", "race", "race", "married", "nodegree", "re74", "re75"};
  d.referenceLevels = {{"race", "black"}};
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& r = rows[static_cast<std::size_t>(i)];
    d.treatment(i) = std::stod(r[0]);
    d.covariates(i, 0) = std::stod(r[1]);
    d.covariates(i, 1) = std::stod(r[2]);
    d.covariates(i, 2) = r[3] == "hispan" ? 1.0 : 0.0;
    d.covariates(i, 3) = r[3] == "white" ? 1.0 : 0.0;
    d.covariates(i, 4) = std::stod(r[4]);
    d.covariates(i, 5) = std::stod(r[5]);
    d.covariates(i, 6) = std::stod(r[6]);
    d.covariates(i, 7) = std::stod(r[7]);
    d.outcome(i) = std::stod(r[8]);
    d.rows.push_back(static_cast<std::size_t>(i));
  }
  return d;
}

}  // namespace causeway::estimation::testing
