#include "causeway/estimation/ColumnMoments.hpp"

#include <stdexcept>

namespace causeway::estimation {

MomentAccumulator::MomentAccumulator(Eigen::Index columns, Eigen::Index blockRows) : buffer_(blockRows, columns) {
  moments_.means = Eigen::VectorXd::Zero(columns);
  moments_.centred = Eigen::MatrixXd::Zero(columns, columns);
}

void MomentAccumulator::addRow(std::span<const double> values) {
  if (static_cast<Eigen::Index>(values.size()) != buffer_.cols())
    throw std::invalid_argument("MomentAccumulator::addRow: wrong number of values");
  for (Eigen::Index j = 0; j < buffer_.cols(); ++j) buffer_(filled_, j) = values[static_cast<std::size_t>(j)];
  if (++filled_ == buffer_.rows()) {
    mergeBlock(buffer_);
    filled_ = 0;
  }
}

void MomentAccumulator::addRows(const Eigen::Ref<const Eigen::MatrixXd>& rows) {
  if (rows.cols() != buffer_.cols()) throw std::invalid_argument("MomentAccumulator::addRows: wrong number of columns");
  if (filled_ > 0) {  // keep the row order of blocks simple: flush what addRow left
    mergeBlock(buffer_.topRows(filled_));
    filled_ = 0;
  }
  for (Eigen::Index start = 0; start < rows.rows(); start += buffer_.rows())
    mergeBlock(rows.middleRows(start, std::min(buffer_.rows(), rows.rows() - start)));
}

void MomentAccumulator::addMoments(const ColumnMoments& other) {
  if (other.means.size() != buffer_.cols() || other.centred.rows() != buffer_.cols() ||
      other.centred.cols() != buffer_.cols())
    throw std::invalid_argument("MomentAccumulator::addMoments: wrong number of columns");
  if (other.n == 0) return;
  if (filled_ > 0) {
    mergeBlock(buffer_.topRows(filled_));
    filled_ = 0;
  }
  const auto n = static_cast<double>(moments_.n), m = static_cast<double>(other.n);
  const Eigen::VectorXd delta = other.means - moments_.means;
  moments_.centred.triangularView<Eigen::Lower>() += other.centred;
  moments_.centred.selfadjointView<Eigen::Lower>().rankUpdate(delta, n * m / (n + m));
  moments_.means += delta * (m / (n + m));
  moments_.n += other.n;
}

void MomentAccumulator::mergeBlock(const Eigen::Ref<const Eigen::MatrixXd>& block) {
  const auto m = static_cast<double>(block.rows());
  if (m == 0) return;
  const Eigen::VectorXd blockMean = block.colwise().mean().transpose();
  const Eigen::MatrixXd centredBlock = block.rowwise() - blockMean.transpose();
  const auto n = static_cast<double>(moments_.n);
  const Eigen::VectorXd delta = blockMean - moments_.means;
  moments_.centred.selfadjointView<Eigen::Lower>().rankUpdate(centredBlock.transpose());
  moments_.centred.selfadjointView<Eigen::Lower>().rankUpdate(delta, n * m / (n + m));
  moments_.means += delta * (m / (n + m));
  moments_.n += static_cast<std::size_t>(m);
}

ColumnMoments MomentAccumulator::finish() {
  if (filled_ > 0) mergeBlock(buffer_.topRows(filled_));
  filled_ = 0;
  ColumnMoments out = moments_;
  out.centred = moments_.centred.selfadjointView<Eigen::Lower>();  // rankUpdate fills the lower half only
  return out;
}

}  // namespace causeway::estimation
