#include "causeway/estimation/LocalTests.hpp"

#include <cmath>
#include <sstream>

#include "causeway/estimation/Distributions.hpp"

namespace causeway::estimation {
namespace {

// 1 - R² below which a conditioning column is aliased with earlier ones (as RankCheck / lm).
constexpr double kAliasTolerance = 1e-10;

Result<std::vector<Eigen::Index>> columnsOf(const NamedMoments& data, const std::string& name) {
  for (std::size_t j = 0; j < data.names.size(); ++j)
    if (data.names[j] == name) return std::vector<Eigen::Index>{static_cast<Eigen::Index>(j)};
  std::vector<Eigen::Index> out;
  for (std::size_t j = 0; j < data.sources.size(); ++j)
    if (data.sources[j] == name) out.push_back(static_cast<Eigen::Index>(j));
  if (out.empty())
    return makeError(ErrorCode::UnknownNode, "Variable '" + name + "' is not a column of the data", {{}, 0, 0, name});
  return out;
}

std::string label(const ImpliedIndependence& t) {
  std::string out = t.x + " _||_ " + t.y;
  for (std::size_t i = 0; i < t.given.size(); ++i) out += (i == 0 ? " | " : ", ") + t.given[i];
  return out;
}

// Residual cross products of x and y after least squares on Z with intercept: sweep the Z
// pivots, in order, out of the centred cross-product matrix of (x, y, Z), on the correlation
// scale. A Z column that earlier ones explain to 1 - R² < tolerance is skipped, as a
// regression drops an aliased column (the residuals do not depend on which one is dropped).
struct Residuals {
  double xx = 0.0, yy = 0.0, xy = 0.0;
  double xShare = 0.0, yShare = 0.0;  // 1 - R² of x and of y on Z
};
Residuals sweepOut(const Eigen::MatrixXd& centred, Eigen::Index x, Eigen::Index y, const std::vector<Eigen::Index>& z) {
  std::vector<Eigen::Index> order{x, y};
  order.insert(order.end(), z.begin(), z.end());
  const auto m = static_cast<Eigen::Index>(order.size());
  Eigen::VectorXd scale(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const double d = centred(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(i)]);
    scale(i) = d > 0.0 ? std::sqrt(d) : 0.0;
  }
  Eigen::MatrixXd r(m, m);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < m; ++j)
      r(i, j) = scale(i) > 0.0 && scale(j) > 0.0
                    ? centred(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]) / (scale(i) * scale(j))
                    : 0.0;
  for (Eigen::Index p = 2; p < m; ++p) {
    const double pivot = r(p, p);
    if (!(scale(p) > 0.0) || pivot <= kAliasTolerance) continue;  // constant or aliased: adds nothing
    for (Eigen::Index i = 0; i < m; ++i) {
      if (i == p) continue;
      const double factor = r(i, p) / pivot;
      for (Eigen::Index j = 0; j < m; ++j)
        if (j != p) r(i, j) -= factor * r(p, j);
    }
    r.row(p).setZero();
    r.col(p).setZero();
  }
  return {r(0, 0) * scale(0) * scale(0), r(1, 1) * scale(1) * scale(1), r(0, 1) * scale(0) * scale(1),
          scale(0) > 0.0 ? r(0, 0) : 0.0, scale(1) > 0.0 ? r(1, 1) : 0.0};
}

}  // namespace

Result<LocalTestsReport> runLocalTests(const NamedMoments& input, const std::vector<ImpliedIndependence>& tests,
                                       double level) {
  NamedMoments data = input;
  if (data.sources.empty()) data.sources = data.names;
  const auto k = static_cast<std::size_t>(data.moments.centred.cols());
  if (k != data.names.size() || data.sources.size() != data.names.size() ||
      static_cast<std::size_t>(data.moments.centred.rows()) != k)
    return makeError(ErrorCode::InvalidArgument, "Local tests: column names do not match the data");
  const double z = criticalValue(level);
  const auto n = static_cast<double>(data.moments.n);
  LocalTestsReport report;
  for (const auto& test : tests) {
    auto xCols = columnsOf(data, test.x);
    if (!xCols) return xCols.error();
    auto yCols = columnsOf(data, test.y);
    if (!yCols) return yCols.error();
    for (const auto& [cols, name] : {std::pair{*xCols, test.x}, std::pair{*yCols, test.y}})
      if (cols.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
                         "Variable '" + name + "' has " + std::to_string(cols.size()) +
                             " dummy columns; a partial correlation needs a single numeric column",
                         {{}, 0, 0, name});
    std::vector<Eigen::Index> zCols;
    for (const auto& g : test.given) {
      auto cols = columnsOf(data, g);
      if (!cols) return cols.error();
      zCols.insert(zCols.end(), cols->begin(), cols->end());
    }
    const double df = n - static_cast<double>(zCols.size()) - 3.0;
    if (df <= 0)
      return makeError(ErrorCode::InvalidArgument, "Local test " + label(test) + ": too few units (n - |Z| - 3 <= 0)");
    const Residuals res = sweepOut(data.moments.centred, (*xCols)[0], (*yCols)[0], zCols);
    for (const auto& [share, name] : {std::pair{res.xShare, test.x}, std::pair{res.yShare, test.y}})
      if (!(share > kAliasTolerance))
        return makeError(ErrorCode::Collinearity, "Local test " + label(test) + ": '" + name +
                                                      "' is fully determined by the conditioning set",
                         {{}, 0, 0, name});
    LocalTestResult r;
    r.test = test;
    r.label = label(test);
    r.n = data.moments.n;
    r.conditioningColumns = zCols.size();
    r.estimate = res.xy / std::sqrt(res.xx * res.yy);
    const double fisher = std::atanh(r.estimate);
    r.pValue = twoSidedPValue(fisher * std::sqrt(df));
    r.ciLow = std::tanh(fisher - z / std::sqrt(df));
    r.ciHigh = std::tanh(fisher + z / std::sqrt(df));
    report.results.push_back(std::move(r));
  }
  std::ostringstream text;
  text << "Partial correlation of x and y given Z from least-squares residuals (intercept included); Fisher z "
          "with n - |Z| - 3 degrees of freedom (|Z| counts columns, so a categorical variable counts its dummies); "
          "two-sided normal p-value; "
       << level * 100 << "% CI by back-transforming atanh(r) -/+ z/sqrt(n - |Z| - 3) (as DAGitty's localTests, type = \"cis\").";
  report.conventions = text.str();
  return report;
}

Result<LocalTestsReport> runLocalTests(const NamedColumns& data, const std::vector<ImpliedIndependence>& tests,
                                       double level) {
  if (static_cast<std::size_t>(data.values.cols()) != data.names.size() ||
      (!data.sources.empty() && data.sources.size() != data.names.size()))
    return makeError(ErrorCode::InvalidArgument, "Local tests: column names do not match the data");
  MomentAccumulator moments(data.values.cols());
  moments.addRows(data.values);
  return runLocalTests(NamedMoments{moments.finish(), data.names, data.sources}, tests, level);
}

Result<LocalTestsReport> runLocalTests(const data::Design& design, const std::vector<ImpliedIndependence>& tests,
                                       double level) {
  NamedMoments data;
  const Eigen::Index n = design.size(), k = design.covariates.cols() + 2;
  // Block by block, so the design is never copied whole.
  constexpr Eigen::Index kBlock = 4096;
  MomentAccumulator moments(k, kBlock);
  Eigen::MatrixXd block(kBlock, k);
  for (Eigen::Index start = 0; start < n; start += kBlock) {
    const Eigen::Index rows = std::min(kBlock, n - start);
    block.col(0).head(rows) = design.treatment.segment(start, rows);
    block.col(1).head(rows) = design.outcome.segment(start, rows);
    block.block(0, 2, rows, k - 2) = design.covariates.middleRows(start, rows);
    moments.addRows(block.topRows(rows));
  }
  data.moments = moments.finish();
  data.names = {design.treatmentName, design.outcomeName};
  data.names.insert(data.names.end(), design.covariateNames.begin(), design.covariateNames.end());
  data.sources = {design.treatmentName, design.outcomeName};
  if (design.covariateSources.size() == design.covariateNames.size())
    data.sources.insert(data.sources.end(), design.covariateSources.begin(), design.covariateSources.end());
  else
    data.sources.insert(data.sources.end(), design.covariateNames.begin(), design.covariateNames.end());
  return runLocalTests(data, tests, level);
}

}  // namespace causeway::estimation
