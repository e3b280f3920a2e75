#include "causeway/panel/MultiplierBootstrap.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <random>

#include "causeway/common/Parallel.hpp"

namespace causeway::panel {

namespace {

constexpr Eigen::Index kDrawsPerBlock = 32;
constexpr Eigen::Index kUnitsPerChunk = 4096;

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Linear-interpolated sample quantile (R's type 7).
double quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, values.size() - 1);
  return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

}  // namespace

Result<BootstrapResult> multiplierBootstrap(const Eigen::MatrixXd& influence, const BootstrapOptions& options,
                                            const Progress& progress) {
  if (options.draws < 1) return makeError(ErrorCode::InvalidArgument, "the bootstrap needs at least one draw");
  if (influence.cols() == 0) return makeError(ErrorCode::InvalidArgument, "nothing to bootstrap");
  const Eigen::Index n = influence.rows(), k = influence.cols();
  const Eigen::Index draws = options.draws;
  const Eigen::Index blocks = (draws + kDrawsPerBlock - 1) / kDrawsPerBlock;
  Eigen::MatrixXd v = Eigen::MatrixXd::Zero(draws, k);
  std::atomic<bool> stop{false};
  std::mutex progressMutex;
  Eigen::Index done = 0;
  parallelFor(static_cast<std::size_t>(blocks), options.threads, [&](std::size_t block) {
    if (stop || progress.cancelled()) {
      stop = true;
      return;
    }
    const Eigen::Index first = static_cast<Eigen::Index>(block) * kDrawsPerBlock;
    const Eigen::Index rows = std::min(kDrawsPerBlock, draws - first);
    std::mt19937_64 rng(splitmix64(options.seed ^ splitmix64(block + 1)));
    Eigen::MatrixXd weights(rows, kUnitsPerChunk);
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(rows, k);
    for (Eigen::Index start = 0; start < n; start += kUnitsPerChunk) {
      const Eigen::Index width = std::min(kUnitsPerChunk, n - start);
      // 64 Rademacher signs from each random word.
      std::uint64_t bits = 0;
      int left = 0;
      for (Eigen::Index j = 0; j < width; ++j) {
        for (Eigen::Index r = 0; r < rows; ++r) {
          if (left == 0) {
            bits = rng();
            left = 64;
          }
          weights(r, j) = (bits & 1U) != 0 ? 1.0 : -1.0;
          bits >>= 1;
          --left;
        }
      }
      sum.noalias() += weights.leftCols(width) * influence.middleRows(start, width);
    }
    v.middleRows(first, rows) = sum / static_cast<double>(n);
    const std::lock_guard lock(progressMutex);
    done += rows;
    progress.report(static_cast<double>(done) / static_cast<double>(draws));
  });
  if (stop || progress.cancelled()) return makeError(ErrorCode::Cancelled, "the bootstrap was cancelled");

  BootstrapResult result;
  result.draws = options.draws;
  result.se.resize(k);
  const double iqrNormal = 1.3489795003921634;  // Φ⁻¹(0.75) − Φ⁻¹(0.25)
  for (Eigen::Index c = 0; c < k; ++c) {
    std::vector<double> column(v.col(c).data(), v.col(c).data() + draws);
    result.se[c] = (quantile(column, 0.75) - quantile(column, 0.25)) / iqrNormal;
  }
  std::vector<double> maxT(static_cast<std::size_t>(draws), 0.0);
  for (Eigen::Index b = 0; b < draws; ++b)
    for (Eigen::Index c = 0; c < k; ++c)
      if (result.se[c] > 0) maxT[static_cast<std::size_t>(b)] = std::max(maxT[static_cast<std::size_t>(b)], std::abs(v(b, c)) / result.se[c]);
  result.critical = quantile(maxT, options.level);
  return result;
}

}  // namespace causeway::panel
