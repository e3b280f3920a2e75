#include "causeway/panel/Twfe.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <Eigen/Dense>

namespace causeway::panel {

namespace {

// One observed cohort × period cell.
struct CellMean {
  int cohort = kNeverTreated;
  int period = 0;
  double count = 0;
  double mean = 0;
};

std::vector<CellMean> cellMeans(const Panel& panel) {
  std::vector<int> cohorts(panel.cohort.begin(), panel.cohort.end());
  std::sort(cohorts.begin(), cohorts.end());
  cohorts.erase(std::unique(cohorts.begin(), cohorts.end()), cohorts.end());
  std::vector<std::size_t> slot(panel.units());
  for (std::size_t i = 0; i < panel.units(); ++i)
    slot[i] = static_cast<std::size_t>(std::lower_bound(cohorts.begin(), cohorts.end(), panel.cohort[i]) - cohorts.begin());
  const auto periods = static_cast<std::size_t>(panel.periods());
  std::vector<double> sum(cohorts.size() * periods, 0.0), count(cohorts.size() * periods, 0.0);
  for (std::size_t t = 0; t < periods; ++t) {
    for (std::size_t i = 0; i < panel.units(); ++i) {
      const double y = panel.y(static_cast<int>(t), i);
      if (std::isnan(y)) continue;
      sum[slot[i] * periods + t] += y;
      count[slot[i] * periods + t] += 1;
    }
  }
  std::vector<CellMean> out;
  for (std::size_t g = 0; g < cohorts.size(); ++g)
    for (std::size_t t = 0; t < periods; ++t)
      if (count[g * periods + t] > 0)
        out.push_back({cohorts[g], static_cast<int>(t), count[g * periods + t], sum[g * periods + t] / count[g * periods + t]});
  return out;
}

// Cohort and period dummies (first of each dropped) plus an intercept: the two-way effects.
Eigen::MatrixXd fixedEffects(const std::vector<CellMean>& cells, const std::vector<int>& cohorts, int periods) {
  const auto rows = static_cast<Eigen::Index>(cells.size());
  const auto cols = static_cast<Eigen::Index>(cohorts.size() - 1 + static_cast<std::size_t>(periods - 1) + 1);
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const auto& cell = cells[static_cast<std::size_t>(r)];
    x(r, 0) = 1;
    const auto g = std::lower_bound(cohorts.begin(), cohorts.end(), cell.cohort) - cohorts.begin();
    if (g > 0) x(r, g) = 1;
    if (cell.period > 0) x(r, static_cast<Eigen::Index>(cohorts.size()) - 1 + cell.period) = 1;
  }
  return x;
}

struct WeightedFit {
  Eigen::VectorXd beta;
  Eigen::VectorXd residual;
  bool identified = false;
};

WeightedFit weightedLeastSquares(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& w) {
  const Eigen::VectorXd root = w.cwiseSqrt();
  const Eigen::MatrixXd xw = root.asDiagonal() * x;
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(xw);
  qr.setThreshold(1e-10);
  WeightedFit fit;
  fit.identified = qr.rank() == x.cols();
  fit.beta = qr.solve(root.asDiagonal() * y);
  fit.residual = y - x * fit.beta;
  return fit;
}

}  // namespace

Result<TwfeComparison> twfeComparison(const Panel& panel) {
  const std::vector<CellMean> cells = cellMeans(panel);
  std::vector<int> cohorts;
  for (const auto& cell : cells) cohorts.push_back(cell.cohort);
  std::sort(cohorts.begin(), cohorts.end());
  cohorts.erase(std::unique(cohorts.begin(), cohorts.end()), cohorts.end());
  const auto rows = static_cast<Eigen::Index>(cells.size());
  Eigen::VectorXd y(rows), w(rows), d(rows);
  std::map<int, int> eventColumn;  // event time -> column offset
  for (Eigen::Index r = 0; r < rows; ++r) {
    const auto& cell = cells[static_cast<std::size_t>(r)];
    y[r] = cell.mean;
    w[r] = cell.count;
    const bool treated = cell.cohort != kNeverTreated && cell.period >= cell.cohort;
    d[r] = treated ? 1 : 0;
    if (cell.cohort != kNeverTreated && cell.period - cell.cohort != -1) eventColumn[cell.period - cell.cohort] = 0;
  }
  if (d.sum() == 0) return makeError(ErrorCode::EmptyGroup, "no treated cohort × period cell for the TWFE comparison");
  const Eigen::MatrixXd fe = fixedEffects(cells, cohorts, panel.periods());

  TwfeComparison out;
  // Static regression and the weights of Theorem 1.
  Eigen::MatrixXd xs(rows, fe.cols() + 1);
  xs << fe, d;
  const WeightedFit staticFit = weightedLeastSquares(xs, y, w);
  const WeightedFit dOnEffects = weightedLeastSquares(fe, d, w);
  if (!staticFit.identified) return makeError(ErrorCode::Collinearity, "the static TWFE regression is not identified");
  out.staticEstimate = staticFit.beta[fe.cols()];
  double denominator = 0;
  for (Eigen::Index r = 0; r < rows; ++r)
    if (d[r] == 1) denominator += w[r] * dOnEffects.residual[r];
  for (Eigen::Index r = 0; r < rows; ++r) {
    if (d[r] != 1) continue;
    const auto& cell = cells[static_cast<std::size_t>(r)];
    const double weight = w[r] * dOnEffects.residual[r] / denominator;
    out.weights.push_back({cell.cohort, cell.period, weight});
    if (weight < 0) {
      ++out.negativeWeights;
      out.negativeWeightSum += weight;
    }
  }
  if (out.negativeWeights > 0) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "the TWFE coefficient weights %d of the %zu treated cohort-period cells negatively (sum %.3f; "
                  "de Chaisemartin & D'Haultfoeuille 2020): with effects that change over time or differ between "
                  "cohorts it can be far from any average effect, even of the wrong sign",
                  out.negativeWeights, out.weights.size(), out.negativeWeightSum);
    out.warning = text;
  }

  // Event-study regression; without never-treated units the farthest lead is dropped as well.
  const bool anyNever = cohorts.front() == kNeverTreated;
  if (!anyNever && !eventColumn.empty() && eventColumn.begin()->first < -1) eventColumn.erase(eventColumn.begin());
  int offset = 0;
  for (auto& [e, column] : eventColumn) column = offset++;
  Eigen::MatrixXd xe = Eigen::MatrixXd::Zero(rows, fe.cols() + offset);
  xe.leftCols(fe.cols()) = fe;
  for (Eigen::Index r = 0; r < rows; ++r) {
    const auto& cell = cells[static_cast<std::size_t>(r)];
    if (cell.cohort == kNeverTreated) continue;
    const auto it = eventColumn.find(cell.period - cell.cohort);
    if (it != eventColumn.end()) xe(r, fe.cols() + it->second) = 1;
  }
  const WeightedFit eventFit = weightedLeastSquares(xe, y, w);
  if (!eventFit.identified) {
    out.eventStudyNote = "the TWFE event-study regression is not identified on these cohorts and periods";
    return out;
  }
  for (const auto& [e, column] : eventColumn) out.eventTimes.push_back({e, eventFit.beta[fe.cols() + column]});
  out.eventTimes.push_back({-1, 0.0});
  std::sort(out.eventTimes.begin(), out.eventTimes.end(),
            [](const TwfeCoefficient& a, const TwfeCoefficient& b) { return a.eventTime < b.eventTime; });
  return out;
}

}  // namespace causeway::panel
