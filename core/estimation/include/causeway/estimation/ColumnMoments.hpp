#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace causeway::estimation {

// Sufficient statistics of a numeric table for everything linear: the row count, the column
// means and the centred cross-product matrix sum_i (x_i - mean)(x_i - mean)'.
struct ColumnMoments {
  std::size_t n = 0;
  Eigen::VectorXd means;
  Eigen::MatrixXd centred;
};

// Accumulates ColumnMoments in one pass over the rows, a block at a time: each block is centred
// on its own mean and merged by the pairwise update of Chan, Golub & LeVeque (1979), so the
// result is as accurate as a two-pass computation while no row is kept.
class MomentAccumulator {
 public:
  explicit MomentAccumulator(Eigen::Index columns, Eigen::Index blockRows = 4096);

  // One row of `columns` values (copied into a block buffer allocated once).
  void addRow(std::span<const double> values);
  // Many rows at once (each row of the matrix is one observation).
  void addRows(const Eigen::Ref<const Eigen::MatrixXd>& rows);
  // The moments of other rows, accumulated elsewhere (e.g. one part of the rows per thread),
  // merged by the same pairwise update.
  void addMoments(const ColumnMoments& other);
  [[nodiscard]] ColumnMoments finish();

 private:
  void mergeBlock(const Eigen::Ref<const Eigen::MatrixXd>& block);

  Eigen::MatrixXd buffer_;
  Eigen::Index filled_ = 0;
  ColumnMoments moments_;
};

// Moments together with the names of the columns and the variable each column came from (a
// categorical variable contributes several dummy columns with the same source).
struct NamedMoments {
  ColumnMoments moments;
  std::vector<std::string> names;
  std::vector<std::string> sources;  // empty = same as names
};

}  // namespace causeway::estimation
