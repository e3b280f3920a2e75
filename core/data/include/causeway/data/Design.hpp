#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

namespace causeway::data {

// The numeric inputs of one causal estimate, built from a Dataset: complete cases on the
// variables used, categorical covariates expanded to dummies against a named reference level.
struct Design {
  std::string treatmentName;
  std::string outcomeName;
  Eigen::VectorXd treatment;  // exactly 0.0 or 1.0
  Eigen::VectorXd outcome;
  Eigen::MatrixXd covariates;  // n x p, no intercept column
  std::vector<std::string> covariateNames;   // R-style: "age", "racehispan", "racewhite"
  std::vector<std::string> covariateSources; // the variable each column came from: "age", "race", "race"
  // Categorical covariate -> its reference (omitted) level, e.g. {"race", "black"}.
  std::vector<std::pair<std::string, std::string>> referenceLevels;
  std::string treatedLabel = "1";  // how the treated / control groups were coded in the data
  std::string controlLabel = "0";
  // 0-based data rows used, in order; empty when they are every data row (nothing dropped):
  // on millions of rows that list would be 8 bytes a row for nothing. Read it with dataRow().
  std::vector<std::size_t> rows;
  std::size_t rowsDropped = 0;      // rows dropped for missing values (complete-case)
  std::vector<std::pair<std::string, std::size_t>> missingByVariable;  // variable -> rows missing

  [[nodiscard]] Eigen::Index size() const { return treatment.size(); }
  // The data row of design row i.
  [[nodiscard]] std::size_t dataRow(Eigen::Index i) const {
    return rows.empty() ? static_cast<std::size_t>(i) : rows[static_cast<std::size_t>(i)];
  }
};

}  // namespace causeway::data
