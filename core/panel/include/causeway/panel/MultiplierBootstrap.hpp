#pragma once

#include <cstdint>

#include <Eigen/Dense>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"

// The multiplier bootstrap of Callaway & Sant'Anna (2021, Algorithm 1), as R's did runs it:
// draw b perturbs every unit's influence function by an independent Rademacher weight,
// v_b = Σ_i w_ib ψ_i / n; the bootstrap SE of each column is the interquartile range of v over
// that of the standard normal, and the uniform band's critical value is the `level` quantile of
// max_k |v_bk| / SE_k. Draws come in blocks seeded from (seed, block), so the result does not
// depend on the number of threads.
namespace causeway::panel {

struct BootstrapOptions {
  int draws = 999;
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: one per hardware thread
  double level = 0.95;
};

struct BootstrapResult {
  Eigen::VectorXd se;     // per column
  double critical = 0;    // simultaneous critical value (≥ the pointwise one)
  int draws = 0;
};

// Errors: draws < 1, no columns, Cancelled.
[[nodiscard]] Result<BootstrapResult> multiplierBootstrap(const Eigen::MatrixXd& influence, const BootstrapOptions& options,
                                                          const Progress& progress = {});

}  // namespace causeway::panel
