#include "causeway/estimation/Sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <Eigen/Cholesky>
#include <Eigen/Core>

namespace causeway::estimation {

namespace {

// Centred cross-products of the columns (X..., D, Y), accumulated in blocks of rows so that
// no centred copy of the data is made.
Eigen::MatrixXd centredCrossProducts(const data::Design& d) {
  const Eigen::Index n = d.size(), p = d.covariates.cols(), m = p + 2;
  Eigen::VectorXd mean(m);
  mean.head(p) = d.covariates.colwise().mean().transpose();
  mean(p) = d.treatment.mean();
  mean(p + 1) = d.outcome.mean();
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(m, m);
  constexpr Eigen::Index kBlock = 2048;
  Eigen::MatrixXd block(m, kBlock);
  for (Eigen::Index start = 0; start < n; start += kBlock) {
    const Eigen::Index rows = std::min(kBlock, n - start);
    auto b = block.leftCols(rows);
    b.topRows(p) = d.covariates.middleRows(start, rows).transpose();
    b.row(p) = d.treatment.segment(start, rows).transpose();
    b.row(p + 1) = d.outcome.segment(start, rows).transpose();
    b.colwise() -= mean;
    gram.selfadjointView<Eigen::Lower>().rankUpdate(b);
  }
  return gram.selfadjointView<Eigen::Lower>();
}

// Sweep operator (Goodnight 1979) on pivot k: afterwards a(S,S) = −(X_S'X_S)⁻¹ for the swept
// set S, a(S,t) = the coefficients of t on S and a(t,t) = its residual sum of squares.
void sweep(Eigen::MatrixXd& a, Eigen::Index k) {
  const double pivot = a(k, k);
  const Eigen::VectorXd col = a.col(k);
  a.noalias() -= (col / pivot) * col.transpose();
  a.col(k) = col / pivot;
  a.row(k) = col.transpose() / pivot;
  a(k, k) = -1.0 / pivot;
}

// Partial R² of the (non-aliased) columns J with the target t given the rest of the swept set:
// ΔRSS / (ΔRSS + RSS), ΔRSS = b_J' [(X'X)⁻¹_JJ]⁻¹ b_J (the group F-statistic form).
double groupPartialR2(const Eigen::MatrixXd& swept, const std::vector<Eigen::Index>& cols, Eigen::Index target) {
  const auto k = static_cast<Eigen::Index>(cols.size());
  if (k == 0) return 0.0;
  Eigen::MatrixXd inv(k, k);
  Eigen::VectorXd b(k);
  for (Eigen::Index r = 0; r < k; ++r) {
    b(r) = swept(cols[static_cast<std::size_t>(r)], target);
    for (Eigen::Index c = 0; c < k; ++c)
      inv(r, c) = -swept(cols[static_cast<std::size_t>(r)], cols[static_cast<std::size_t>(c)]);
  }
  const double delta = b.dot(inv.ldlt().solve(b));
  const double rss = swept(target, target);
  return delta / (delta + rss);
}

struct Benchmark {
  std::string name;
  std::vector<Eigen::Index> columns;
};

std::vector<Benchmark> everyVariable(const data::Design& d) {
  std::vector<Benchmark> out;
  for (Eigen::Index c = 0; c < d.covariates.cols(); ++c) {
    const std::string& source = d.covariateSources[static_cast<std::size_t>(c)];
    auto it = std::find_if(out.begin(), out.end(), [&](const Benchmark& b) { return b.name == source; });
    if (it == out.end()) out.push_back({source, {c}});
    else it->columns.push_back(c);
  }
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

Result<SensitivityAnalysis> analyzeSensitivity(const data::Design& design, const SensitivityOptions& options) {
  if (!(options.q > 0.0)) return makeError(ErrorCode::InvalidArgument, "sensitivity: q must be positive (got " + number(options.q) + ")");
  if (!(options.alpha > 0.0 && options.alpha < 1.0))
    return makeError(ErrorCode::InvalidArgument, "sensitivity: alpha must be in (0, 1) (got " + number(options.alpha) + ")");
  const std::vector<double>& ky = options.ky.empty() ? options.kd : options.ky;
  if (ky.size() != options.kd.size())
    return makeError(ErrorCode::InvalidArgument, "sensitivity: give as many kY values as kD values (" +
                                                     std::to_string(ky.size()) + " vs " + std::to_string(options.kd.size()) + ")");
  for (std::size_t i = 0; i < ky.size(); ++i)
    if (!(options.kd[i] >= 0.0) || !(ky[i] >= 0.0))
      return makeError(ErrorCode::InvalidArgument, "sensitivity: k must be non-negative");
  const Eigen::Index p = design.covariates.cols(), n = design.size();
  const Eigen::Index dIndex = p, yIndex = p + 1;
  if (static_cast<std::size_t>(p) != design.covariateSources.size() || design.outcome.size() != n ||
      design.covariates.rows() != n)
    return makeError(ErrorCode::InvalidArgument, "sensitivity: the design's columns and names do not match");

  // Which benchmarks, each as a group of design columns.
  const std::vector<Benchmark> variables = everyVariable(design);
  std::vector<Benchmark> benchmarks;
  for (const auto& name : options.benchmarks) {
    auto it = std::find_if(variables.begin(), variables.end(), [&](const Benchmark& b) { return b.name == name; });
    if (it != variables.end()) {
      benchmarks.push_back(*it);
      continue;
    }
    auto col = std::find(design.covariateNames.begin(), design.covariateNames.end(), name);
    if (col == design.covariateNames.end())
      return makeError(ErrorCode::InvalidArgument,
                       "sensitivity: the benchmark '" + name + "' is not a covariate of the adjustment set",
                       ErrorContext::about(name));
    benchmarks.push_back({name, {static_cast<Eigen::Index>(col - design.covariateNames.begin())}});
  }

  // One sweep over X (the fit of D on X), then D (the fit of Y on D and X).
  Eigen::MatrixXd a = centredCrossProducts(design);
  const Eigen::VectorXd diagonal = a.diagonal();
  SensitivityAnalysis out;
  std::vector<bool> aliased(static_cast<std::size_t>(p), false);
  Eigen::Index rankX = 0;
  for (Eigen::Index k = 0; k < p; ++k) {
    // A column whose residual on the columns before it is (numerically) nothing adds nothing (R's lm).
    if (!(diagonal(k) > 0.0) || a(k, k) <= 1e-9 * diagonal(k)) {
      aliased[static_cast<std::size_t>(k)] = true;
      continue;
    }
    sweep(a, k);
    ++rankX;
  }
  if (rankX < p)
    out.notes.push_back(std::to_string(p - rankX) + " covariate column(s) are linear combinations of others and were left out");
  if (!(a(dIndex, dIndex) > 1e-9 * diagonal(dIndex)))
    return makeError(ErrorCode::Collinearity,
                     "sensitivity: the treatment '" + design.treatmentName + "' is a linear combination of the covariates",
                     ErrorContext::about(design.treatmentName));
  const double dof = static_cast<double>(n - 1 - rankX - 1);
  if (dof < 3.0) return makeError(ErrorCode::InvalidArgument, "sensitivity: too few rows for the regression (" + std::to_string(n) + ")");
  const Eigen::MatrixXd treatmentFit = a;  // D on X
  sweep(a, dIndex);
  out.treatment = design.treatmentName;
  out.outcome = design.outcomeName;
  out.n = static_cast<std::size_t>(n);
  out.estimate = a(dIndex, yIndex);
  out.dof = dof;
  out.se = std::sqrt(a(yIndex, yIndex) / dof * -a(dIndex, dIndex));
  out.t = out.estimate / out.se;
  out.r2yd_x = partialR2(out.t, dof);
  out.q = options.q;
  out.alpha = options.alpha;
  out.rvQ = robustnessValue(out.t, dof, options.q);
  out.rvQAlpha = robustnessValue(out.t, dof, options.q, options.alpha);

  auto nonAliased = [&](const std::vector<Eigen::Index>& cols) {
    std::vector<Eigen::Index> kept;
    for (Eigen::Index c : cols)
      if (!aliased[static_cast<std::size_t>(c)]) kept.push_back(c);
    return kept;
  };
  auto r2Of = [&](const Benchmark& b) {
    const auto cols = nonAliased(b.columns);
    return std::pair{groupPartialR2(treatmentFit, cols, dIndex), groupPartialR2(a, cols, yIndex)};
  };
  if (benchmarks.empty() && !variables.empty()) {
    // The strongest measured confounder: the variable whose k = 1 bound implies the largest bias.
    double largest = -1.0;
    for (const auto& v : variables) {
      const auto [r2d, r2y] = r2Of(v);
      auto bound = boundFromBenchmark(r2d, r2y, 1.0, 1.0);
      if (!bound) continue;
      const double bias = adjustEstimate(out.estimate, out.se, dof, bound->r2dz, bound->r2yz, options.alpha).bias;
      if (bias > largest) {
        largest = bias;
        benchmarks.assign(1, v);
      }
    }
  }

  std::vector<BenchmarkPoint> points;
  for (const auto& b : benchmarks) {
    const auto [r2d, r2y] = r2Of(b);
    std::vector<std::string> capped;  // the k of bounds capped at 1: one note per benchmark, not one per k
    for (std::size_t i = 0; i < options.kd.size(); ++i) {
      auto bound = boundFromBenchmark(r2d, r2y, options.kd[i], ky[i]);
      if (!bound) {
        out.notes.push_back("Benchmark " + b.name + ", kD = " + number(options.kd[i]) + ": " + bound.error().message);
        continue;
      }
      // The paper's bound can exceed 1 for a strong benchmark; it is capped there (as sensemakr
      // does), which makes the adjusted SE 0: say so rather than print a point interval silently.
      const std::string k = options.kd[i] == ky[i] ? number(options.kd[i]) : number(options.kd[i]) + "/" + number(ky[i]);
      if (bound->r2yz >= 1.0) capped.push_back(k);
      BenchmarkBound row;
      row.benchmark = b.name;
      for (Eigen::Index c : b.columns) row.columns.push_back(design.covariateNames[static_cast<std::size_t>(c)]);
      row.kd = options.kd[i];
      row.ky = ky[i];
      row.r2dxj = r2d;
      row.r2yxj = r2y;
      row.adjusted = adjustEstimate(out.estimate, out.se, dof, bound->r2dz, bound->r2yz, options.alpha);
      points.push_back({k + "x " + b.name, bound->r2dz, bound->r2yz, row.adjusted.estimate, row.adjusted.t});
      out.bounds.push_back(std::move(row));
    }
    if (!capped.empty()) {
      std::string ks;
      for (const auto& k : capped) ks += (ks.empty() ? "" : ", ") + k;
      out.notes.push_back("Benchmark " + b.name + (capped.size() == 1 ? ", k = " : ", k = each of ") + ks +
                          " (kD/kY when they differ): the implied partial R2 of the confounder with the outcome "
                          "exceeds 1 and is set to 1, so the adjusted SE is 0 and the adjusted CI is a single point; "
                          "a confounder that strong would explain all of the outcome's residual variance (try "
                          "smaller k).");
    }
  }
  if (options.contours) out.plots = buildSensitivityPlots(out.estimate, out.se, dof, options.alpha, std::move(points), options.gridSize);
  out.conventions =
      "Cinelli & Hazlett (2020) omitted-variable-bias sensitivity of the OLS coefficient of the treatment in the "
      "regression of the outcome on an intercept, the treatment and the adjustment covariates, with the classical "
      "OLS standard error and residual degrees of freedom n - rank (as the paper; not the HC2 SE of the regression "
      "estimate). Bounds for a confounder k times as strong as a benchmark covariate (a categorical: all its dummies "
      "as one group) use the paper's formulas; adjusted CIs use the t quantile with dof - 1. Covers the regression "
      "estimate only: weighting, matching and doubly robust estimates are not covered by these bounds.";
  return out;
}

}  // namespace causeway::estimation
