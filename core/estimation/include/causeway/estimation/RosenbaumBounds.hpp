#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"

// Rosenbaum bounds for 1:1 matched pairs (Rosenbaum 2002, Observational Studies, ch. 4): how
// large a hidden bias Γ (the odds of treatment of two matched units may differ by a factor up
// to Γ) would have to be before the Wilcoxon signed-rank test stops rejecting "no effect".
namespace causeway::estimation {

struct RosenbaumRow {
  double gamma = 1.0;
  double pUpper = 0.0;  // upper bound of the one-sided p-value under Γ
};

struct RosenbaumResult {
  std::size_t pairs = 0;         // pairs given
  std::size_t nonZeroPairs = 0;  // S: pairs with a non-zero difference
  double statistic = 0.0;        // T: sum of the ranks of |d| over pairs with d > 0 (in the tested direction)
  bool positiveDirection = true; // the one-sided test is of a positive effect (else a negative one)
  std::vector<RosenbaumRow> rows;
  // The smallest Γ at which the upper p-value reaches alpha (by bisection); 1 when the effect
  // is not significant even without hidden bias; none when still significant at Γ = 1000.
  std::optional<double> gammaCritical;
  double alpha = 0.05;
  std::string conventions;
};

// differences: treated minus control outcome of each matched pair. Tested in the direction of
// the estimate: a positive effect when the differences sum to >= 0, else a negative one. The normal
// approximation uses average ranks for ties and no tie correction of the variance:
// p⁺ = Γ/(1+Γ), E = p⁺·S(S+1)/2, Var = p⁺(1−p⁺)·S(S+1)(2S+1)/6, p_upper = 1 − Φ((T − E)/√Var).
// Errors: InvalidArgument (fewer than 2 non-zero differences, non-finite values, Γ < 1).
[[nodiscard]] Result<RosenbaumResult> rosenbaumBounds(const std::vector<double>& differences,
                                                      std::vector<double> gammas = {1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
                                                                                    4.0, 5.0, 6.0, 8.0, 10.0},
                                                      double alpha = 0.05);

}  // namespace causeway::estimation
