#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Parallel.hpp"

namespace causeway::estimation::detail {

// A covariate matrix seen as [1, (X - mean) / sd] without copying it. Regressions run in these
// coordinates: the cross-product matrices stay well conditioned even for raw earnings in the
// tens of thousands, and the intercept column is orthogonal to the rest.
// An optional `leading` column (e.g. the treatment) goes before the columns of x, so that
// regressions on [t, X] need no copy of X.
class StandardizedDesign {
 public:
  StandardizedDesign(const Eigen::MatrixXd& x, unsigned threads, const Eigen::VectorXd* leading = nullptr);
  // The standardization of an earlier StandardizedDesign of the same x (no pass over x); no
  // constant column (every sd positive).
  StandardizedDesign(const Eigen::MatrixXd& x, const Eigen::RowVectorXd& means, const Eigen::RowVectorXd& sds);

  [[nodiscard]] Eigen::Index rows() const { return x_->rows(); }
  // Columns including the leading intercept.
  [[nodiscard]] Eigen::Index cols() const { return predictors() + 1; }
  // Columns excluding the intercept: [leading,] x.
  [[nodiscard]] Eigen::Index predictors() const { return x_->cols() + (lead_ ? 1 : 0); }
  [[nodiscard]] const Eigen::RowVectorXd& means() const { return mean_; }
  [[nodiscard]] const Eigen::RowVectorXd& sds() const { return sd_; }
  // Indices (0-based, into [leading,] x) of columns whose values are all equal.
  [[nodiscard]] std::vector<Eigen::Index> constantColumns() const;

  // block = standardized rows [begin, begin + count) with a leading column of ones.
  void fillBlock(Eigen::Index begin, Eigen::Index count, Eigen::MatrixXd& block) const;
  // The standardized row i (with intercept), for leverage computations.
  [[nodiscard]] Eigen::VectorXd row(Eigen::Index i) const;

  // A such that coefficients on the original scale are A * (standardized coefficients).
  [[nodiscard]] Eigen::MatrixXd toOriginalScale() const;

 private:
  const Eigen::MatrixXd* x_;
  const Eigen::VectorXd* lead_;
  Eigen::RowVectorXd mean_;  // over [leading,] x
  Eigen::RowVectorXd sd_;
  Eigen::RowVectorXd inverseSd_;  // 0 for constant columns
};

inline constexpr Eigen::Index kChunkRows = 8192;  // unit of work handed to a thread
inline constexpr Eigen::Index kBlockRows = 1024;  // rows standardized at once (fits in L2)

[[nodiscard]] inline std::size_t chunkCount(Eigen::Index n) {
  return static_cast<std::size_t>((n + kChunkRows - 1) / kChunkRows);
}

// Calls visit(chunk, begin, block) for every block of standardized rows, chunks spread over
// threads. Chunk boundaries do not depend on the thread count, so per-chunk partial sums
// combined in chunk order give identical results with 1 or many threads.
template <typename Visit>
void forEachBlock(const StandardizedDesign& design, unsigned threads, Visit&& visit) {
  const Eigen::Index n = design.rows();
  parallelFor(chunkCount(n), threads, [&](std::size_t chunk) {
    Eigen::MatrixXd block;
    const Eigen::Index chunkBegin = static_cast<Eigen::Index>(chunk) * kChunkRows;
    const Eigen::Index chunkEnd = std::min(n, chunkBegin + kChunkRows);
    for (Eigen::Index begin = chunkBegin; begin < chunkEnd; begin += kBlockRows) {
      const Eigen::Index count = std::min(kBlockRows, chunkEnd - begin);
      design.fillBlock(begin, count, block);
      visit(chunk, begin, block);
    }
  });
}

}  // namespace causeway::estimation::detail
