#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/estimation/LocalTests.hpp"

namespace causeway::estimation {

// Categorical variables by level code (0-based), one vector per variable, all of one length;
// no missing values (complete cases are the caller's choice).
struct CategoricalColumns {
  std::vector<std::string> names;
  std::vector<std::vector<std::int32_t>> codes;
};

enum class ContingencyStatistic {
  PearsonChiSquare,  // sum (O - E)^2 / E
  LikelihoodRatio,   // G = 2 sum O ln(O / E)
};

// One conditional-independence test of categorical x and y given categorical Z.
struct ChiSquareTestResult {
  ImpliedIndependence test;
  std::string label;        // "x _||_ y | a, b"
  double statistic = 0.0;   // summed over the strata of Z
  double df = 0.0;          // summed over the strata
  double pValue = 1.0;      // upper tail of chi-square(df)
  double rmsea = 0.0;       // sqrt(max(0, (statistic - df) / (df (n - 1)))), an effect size
  std::size_t n = 0;
  std::size_t strata = 0;      // distinct combinations of Z among the units
  std::size_t strataTested = 0;  // those where x and y both take two or more values
};

struct ChiSquareTestsReport {
  std::vector<ChiSquareTestResult> results;
  ContingencyStatistic statistic = ContingencyStatistic::PearsonChiSquare;  // which one was used
  std::string conventions;
};

// "chi-square (Pearson)" or "G-test", for output.
[[nodiscard]] const char* toString(ContingencyStatistic statistic);

// x _||_ y | Z for categorical data (as DAGitty's localTests type "cis.chisq" intends): within
// each stratum of Z (each combination of Z's levels present), the x-by-y table over the levels
// present there, expected counts from its margins, the statistic and df = (r - 1)(c - 1) of
// that table; both summed over strata, p-value from chi-square(sum df). Strata where x or y
// takes a single value add nothing.
// Errors: UnknownNode (a name not among the columns), InvalidArgument (columns of unequal
// length, a negative code, fewer than 2 units, or no stratum with two levels of both x and y).
[[nodiscard]] Result<ChiSquareTestsReport> runChiSquareLocalTests(
    const CategoricalColumns& data, const std::vector<ImpliedIndependence>& tests,
    ContingencyStatistic statistic = ContingencyStatistic::PearsonChiSquare);

// P(chi-square(df) >= x), df > 0.
[[nodiscard]] double chiSquareUpperTail(double x, double df);

}  // namespace causeway::estimation
