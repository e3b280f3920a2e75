#include "causeway/estimation/LinearRegression.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include <Eigen/Dense>

#include "RankCheck.hpp"
#include "StandardizedDesign.hpp"

namespace causeway::estimation {
namespace {

using detail::StandardizedDesign;

// The rows of a block with positive weight (all rows when unweighted or none is zero), so that
// per-arm models fitted through 0/1 weights do not pay for the other arm's rows.
struct ActiveRows {
  const Eigen::MatrixXd* block = nullptr;
  Eigen::MatrixXd compacted;
  std::vector<Eigen::Index> rows;  // absolute row of each active row
  Eigen::ArrayXd w;
  Eigen::ArrayXd y;
};

void selectActive(const Eigen::MatrixXd& full, Eigen::Index begin, const Eigen::VectorXd& y,
                  const Eigen::VectorXd* weights, ActiveRows& out) {
  const Eigen::Index count = full.rows();
  out.rows.clear();
  for (Eigen::Index i = 0; i < count; ++i)
    if (weights == nullptr || (*weights)(begin + i) > 0) out.rows.push_back(begin + i);
  const auto active = static_cast<Eigen::Index>(out.rows.size());
  out.w.resize(active);
  out.y.resize(active);
  for (Eigen::Index a = 0; a < active; ++a) {
    const Eigen::Index row = out.rows[static_cast<std::size_t>(a)];
    out.w(a) = weights ? (*weights)(row) : 1.0;
    out.y(a) = y(row);
  }
  if (active == count) {
    out.block = &full;
    return;
  }
  out.compacted.resize(active, full.cols());
  for (Eigen::Index a = 0; a < active; ++a) out.compacted.row(a) = full.row(out.rows[static_cast<std::size_t>(a)] - begin);
  out.block = &out.compacted;
}

struct CrossProducts {
  Eigen::MatrixXd gram;   // Z'WZ
  Eigen::VectorXd cross;  // Z'Wy
  double positive = 0.0;  // units with positive weight
};

CrossProducts crossProducts(const StandardizedDesign& design, const Eigen::VectorXd& y, const Eigen::VectorXd* weights,
                            unsigned threads) {
  const Eigen::Index q = design.cols();
  std::vector<CrossProducts> partial(detail::chunkCount(design.rows()),
                                     CrossProducts{Eigen::MatrixXd::Zero(q, q), Eigen::VectorXd::Zero(q), 0.0});
  detail::forEachBlock(design, threads, [&](std::size_t chunk, Eigen::Index begin, const Eigen::MatrixXd& full) {
    CrossProducts& sums = partial[chunk];
    ActiveRows active;
    selectActive(full, begin, y, weights, active);
    const Eigen::MatrixXd& block = *active.block;
    if (block.rows() == 0) return;
    if (weights) {
      const Eigen::MatrixXd scaled = block.array().colwise() * active.w.sqrt();
      sums.gram.selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
    } else {
      sums.gram.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
    }
    sums.cross.noalias() += block.transpose() * (active.w * active.y).matrix();
    sums.positive += static_cast<double>(block.rows());
  });
  CrossProducts total{Eigen::MatrixXd::Zero(q, q), Eigen::VectorXd::Zero(q), 0.0};
  for (const auto& p : partial) {
    total.gram += p.gram;
    total.cross += p.cross;
    total.positive += p.positive;
  }
  total.gram = total.gram.selfadjointView<Eigen::Lower>();
  return total;
}

// Meat of the sandwich (and the hat-value correction for HC2/HC3) in standardized
// coordinates restricted to the kept columns.
Eigen::MatrixXd meat(const StandardizedDesign& design, const Eigen::VectorXd& y, const Eigen::VectorXd* weights,
                     const std::vector<Eigen::Index>& kept, const Eigen::VectorXd& coefficients,
                     const Eigen::MatrixXd& inverseGram, const LinearOptions& options, double& residualSumOfSquares) {
  const auto k = static_cast<Eigen::Index>(kept.size());
  const CovarianceType type = options.covariance;
  const bool clustered = type == CovarianceType::ClusterCR1;
  const std::size_t chunks = detail::chunkCount(design.rows());
  std::vector<Eigen::MatrixXd> partial(chunks, Eigen::MatrixXd::Zero(k, k));
  std::vector<double> partialRss(chunks, 0.0);
  // Clustered: each active row's score x_i * w_i e_i, summed per cluster afterwards in row order.
  Eigen::MatrixXd rowScores = clustered ? Eigen::MatrixXd::Zero(design.rows(), k) : Eigen::MatrixXd();
  detail::forEachBlock(design, options.threads, [&](std::size_t chunk, Eigen::Index begin, const Eigen::MatrixXd& full) {
    ActiveRows active;
    selectActive(full, begin, y, weights, active);
    if (active.rows.empty()) return;
    const Eigen::MatrixXd block = (*active.block)(Eigen::all, kept);
    const Eigen::ArrayXd residual = active.y - (block * coefficients).array();
    partialRss[chunk] += (active.w * residual.square()).sum();
    Eigen::ArrayXd score = active.w * residual;  // estfun_i = w_i e_i x_i
    if (type == CovarianceType::HC2 || type == CovarianceType::HC3) {
      const Eigen::ArrayXd hat = active.w * (block * inverseGram).cwiseProduct(block).rowwise().sum().array();
      score /= type == CovarianceType::HC2 ? Eigen::ArrayXd((1.0 - hat).sqrt()) : Eigen::ArrayXd(1.0 - hat);
    }
    const Eigen::MatrixXd scaled = block.array().colwise() * score;
    if (clustered) {
      for (std::size_t a = 0; a < active.rows.size(); ++a)
        rowScores.row(active.rows[a]) = scaled.row(static_cast<Eigen::Index>(a));
      return;
    }
    partial[chunk].selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
  });
  residualSumOfSquares = 0.0;
  for (double r : partialRss) residualSumOfSquares += r;
  Eigen::MatrixXd total = Eigen::MatrixXd::Zero(k, k);
  if (clustered) {
    const auto& ids = *options.clusters;
    const Eigen::Index n = design.rows();
    std::int64_t largest = -1;
    bool dense = true;  // ids in [0, 2n): sum into an array; otherwise through a map
    for (Eigen::Index i = 0; i < n; ++i) {
      if (weights && (*weights)(i) <= 0) continue;
      const std::int64_t id = ids[static_cast<std::size_t>(i)];
      dense = dense && id >= 0 && id < 2 * static_cast<std::int64_t>(n);
      largest = std::max(largest, id);
    }
    std::vector<Eigen::VectorXd> sums;
    if (dense) {
      Eigen::MatrixXd byId = Eigen::MatrixXd::Zero(k, largest + 1);
      std::vector<bool> seen(static_cast<std::size_t>(largest + 1), false);
      for (Eigen::Index i = 0; i < n; ++i) {
        if (weights && (*weights)(i) <= 0) continue;
        const auto id = static_cast<std::size_t>(ids[static_cast<std::size_t>(i)]);
        byId.col(static_cast<Eigen::Index>(id)) += rowScores.row(i).transpose();
        seen[id] = true;
      }
      for (std::size_t id = 0; id < seen.size(); ++id)
        if (seen[id]) sums.emplace_back(byId.col(static_cast<Eigen::Index>(id)));
    } else {
      std::unordered_map<std::int64_t, std::size_t> slot;
      for (Eigen::Index i = 0; i < n; ++i) {
        if (weights && (*weights)(i) <= 0) continue;
        auto [it, inserted] = slot.try_emplace(ids[static_cast<std::size_t>(i)], sums.size());
        if (inserted) sums.emplace_back(Eigen::VectorXd::Zero(k));
        sums[it->second] += rowScores.row(i).transpose();
      }
    }
    for (const auto& u : sums) total.noalias() += u * u.transpose();
    const auto groups = static_cast<double>(sums.size());
    total *= groups > 1 ? groups / (groups - 1) : std::numeric_limits<double>::quiet_NaN();
    return total;
  }
  for (const auto& p : partial) total += p;
  return total.selfadjointView<Eigen::Lower>();
}

}  // namespace

const char* toString(CovarianceType type) {
  switch (type) {
    case CovarianceType::Classical: return "classical";
    case CovarianceType::HC0: return "HC0";
    case CovarianceType::HC1: return "HC1";
    case CovarianceType::HC2: return "HC2";
    case CovarianceType::HC3: return "HC3";
    case CovarianceType::ClusterCR1: return "cluster-robust CR1";
  }
  return "?";
}

Eigen::VectorXd LinearFit::predict(const Eigen::MatrixXd& x) const {
  if (x.cols() + 1 != beta.size())
    throw std::invalid_argument("LinearFit::predict: x must have the fitted columns (leading column included)");
  Eigen::VectorXd out = x * beta.tail(beta.size() - 1);
  out.array() += beta(0);
  return out;
}

Result<LinearFit> fitLinear(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<std::string>& columnNames,
                            const Eigen::VectorXd* weights, const LinearOptions& options) {
  const Eigen::VectorXd* leading = options.leadingColumn;
  if (x.rows() != y.size() || static_cast<std::size_t>(x.cols()) != columnNames.size() ||
      (weights && weights->size() != y.size()) || (leading && leading->size() != y.size()))
    return makeError(ErrorCode::InvalidArgument, "Linear model: inputs of different lengths");
  if (options.covariance == CovarianceType::ClusterCR1 &&
      (options.clusters == nullptr || options.clusters->size() != static_cast<std::size_t>(y.size())))
    return makeError(ErrorCode::InvalidArgument, "Linear model: cluster-robust covariance needs one cluster id per row");
  if (weights && (!weights->allFinite() || weights->minCoeff() < 0.0))
    return makeError(ErrorCode::InvalidArgument, "Linear model: weights must be finite and non-negative");
  if (!y.allFinite()) return makeError(ErrorCode::MissingData, "Linear model: outcome has missing or non-finite values");
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    if (!x.col(j).allFinite())
      return makeError(ErrorCode::MissingData, "Column '" + columnNames[static_cast<std::size_t>(j)] + "' has missing or non-finite values",
                       {{}, 0, 0, columnNames[static_cast<std::size_t>(j)]});

  if (leading && !leading->allFinite())
    return makeError(ErrorCode::MissingData, "Column '" + options.leadingName + "' has missing or non-finite values",
                     {{}, 0, 0, options.leadingName});
  const StandardizedDesign design(x, options.threads, leading);
  std::vector<std::string> names{"(Intercept)"};
  if (leading) names.push_back(options.leadingName);
  names.insert(names.end(), columnNames.begin(), columnNames.end());
  const CrossProducts products = crossProducts(design, y, weights, options.threads);
  const Eigen::Index q = design.cols();

  const auto aliasedColumns = detail::findAliasedColumns(products.gram);
  if (!aliasedColumns.empty() && !options.dropAliased) {
    const std::string& name = names[static_cast<std::size_t>(aliasedColumns.front().column)];
    return makeError(ErrorCode::Collinearity, "Collinear columns in the linear model: " +
                                                  detail::describeAliased(aliasedColumns, names),
                     {{}, 0, 0, name});
  }
  std::vector<bool> aliased(static_cast<std::size_t>(q), false);
  for (const auto& a : aliasedColumns) aliased[static_cast<std::size_t>(a.column)] = true;
  std::vector<Eigen::Index> kept;
  for (Eigen::Index j = 0; j < q; ++j)
    if (!aliased[static_cast<std::size_t>(j)]) kept.push_back(j);
  const auto k = static_cast<Eigen::Index>(kept.size());
  const double n = products.positive;
  if (n <= static_cast<double>(k))
    return makeError(ErrorCode::InvalidArgument, "Linear model: " + std::to_string(static_cast<long long>(n)) +
                                                     " units for " + std::to_string(k) + " coefficients");

  const Eigen::MatrixXd gram = products.gram(kept, kept);
  const Eigen::LLT<Eigen::MatrixXd> factor(gram);
  const Eigen::VectorXd coefficients = factor.solve(products.cross(kept));
  const Eigen::MatrixXd inverseGram = factor.solve(Eigen::MatrixXd::Identity(k, k));

  const CovarianceType type = options.covariance;
  Eigen::MatrixXd covariance = Eigen::MatrixXd::Constant(k, k, std::numeric_limits<double>::quiet_NaN());
  if (options.computeCovariance) {
    double rss = 0.0;
    const Eigen::MatrixXd middle = meat(design, y, weights, kept, coefficients, inverseGram, options, rss);
    if (type == CovarianceType::Classical) {
      covariance = inverseGram * (rss / (n - static_cast<double>(k)));
    } else {
      covariance = inverseGram * middle * inverseGram;
      if (type == CovarianceType::HC1) covariance *= n / (n - static_cast<double>(k));
      if (type == CovarianceType::ClusterCR1) covariance *= (n - 1.0) / (n - static_cast<double>(k));
    }
  }

  // Back to the original scale: beta = A b, V = A V_b A' over the kept columns.
  const Eigen::MatrixXd toOriginal = design.toOriginalScale()(Eigen::all, kept);
  LinearFit fit;
  fit.names = std::move(names);
  fit.beta = toOriginal * coefficients;
  fit.covariance = toOriginal * covariance * toOriginal.transpose();
  for (Eigen::Index j = 0; j < q; ++j)
    if (aliased[static_cast<std::size_t>(j)]) {
      fit.beta(j) = 0.0;
      fit.covariance.row(j).setConstant(std::numeric_limits<double>::quiet_NaN());
      fit.covariance.col(j).setConstant(std::numeric_limits<double>::quiet_NaN());
    }
  fit.standardErrors = fit.covariance.diagonal().cwiseSqrt();
  fit.aliased = std::move(aliased);
  fit.n = static_cast<std::size_t>(n);
  fit.rank = static_cast<std::size_t>(k);
  fit.covarianceType = type;
  fit.conventions = std::string(weights ? "Weighted least squares" : "Ordinary least squares") +
                    " with intercept, solved on standardized columns; covariance: " + toString(type) +
                    (type == CovarianceType::Classical ? "" : " sandwich (as R's sandwich package)") +
                    (fit.rank < static_cast<std::size_t>(q) ? "; aliased columns dropped (coefficient 0)" : "") + ".";
  return fit;
}

}  // namespace causeway::estimation
