#include "causeway/estimation/LogisticRegression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <Eigen/Dense>

#include "RankCheck.hpp"
#include "StandardizedDesign.hpp"
#include "causeway/estimation/Distributions.hpp"

namespace causeway::estimation {
namespace {

using detail::StandardizedDesign;

constexpr double kBoundProbability = 1e-10;  // "fitted probability numerically 0 or 1"

std::string formatNumber(double value) {
  std::ostringstream out;
  out.precision(6);
  out << value;
  return out.str();
}

// Deviance, score and information of the log-likelihood at one coefficient vector.
struct Evaluation {
  double deviance = 0.0;
  Eigen::VectorXd score;
  Eigen::MatrixXd information;
};

class NewtonProblem {
 public:
  NewtonProblem(const StandardizedDesign& design, const Eigen::VectorXd& response, unsigned threads,
                Eigen::VectorXd& fitted)
      : design_(design), response_(response), threads_(threads), fitted_(fitted) {}

  // Also writes the fitted probabilities at `beta` into `fitted`.
  Evaluation evaluate(const Eigen::VectorXd& beta) const {
    const Eigen::Index q = design_.cols();
    const std::size_t chunks = detail::chunkCount(design_.rows());
    std::vector<Evaluation> partial(chunks);
    for (auto& p : partial) {
      p.score = Eigen::VectorXd::Zero(q);
      p.information = Eigen::MatrixXd::Zero(q, q);
    }
    detail::forEachBlock(design_, threads_, [&](std::size_t chunk, Eigen::Index begin, const Eigen::MatrixXd& block) {
      Evaluation& sums = partial[chunk];
      const Eigen::Index count = block.rows();
      const Eigen::ArrayXd eta = (block * beta).array();
      const Eigen::ArrayXd treated = response_.segment(begin, count).array();
      // Vectorised and overflow-free: t = exp(-|eta|), log(1 + exp(eta)) = max(eta, 0) + log1p(t).
      const Eigen::ArrayXd t = (-eta.abs()).exp();
      const Eigen::ArrayXd softplus = (1.0 + t).log();  // t <= 1: log1p accuracy not needed here
      const Eigen::ArrayXd mu = (eta >= 0).select(1.0 / (1.0 + t), t / (1.0 + t));
      // deviance_i = -2 log-likelihood_i = 2 [log(1 + exp(eta)) - y eta]
      const double deviance = 2.0 * (eta.max(0.0) + softplus - treated * eta).sum();
      const Eigen::VectorXd residual = (treated - mu).matrix();
      const Eigen::ArrayXd rootWeight = (mu * (1.0 - mu)).sqrt();
      fitted_.segment(begin, count) = mu.matrix();
      sums.deviance += deviance;
      sums.score.noalias() += block.transpose() * residual;
      const Eigen::MatrixXd weighted = block.array().colwise() * rootWeight;
      sums.information.selfadjointView<Eigen::Lower>().rankUpdate(weighted.transpose());
    });
    Evaluation total{0.0, Eigen::VectorXd::Zero(q), Eigen::MatrixXd::Zero(q, q)};
    for (const auto& p : partial) {  // chunk order: identical sums for any thread count
      total.deviance += p.deviance;
      total.score += p.score;
      total.information += p.information;
    }
    total.information = total.information.selfadjointView<Eigen::Lower>();
    return total;
  }

 private:
  const StandardizedDesign& design_;
  const Eigen::VectorXd& response_;
  unsigned threads_;
  Eigen::VectorXd& fitted_;
};

Result<void> validate(const Eigen::MatrixXd& x, const Eigen::VectorXd& response,
                      const std::vector<std::string>& names, unsigned threads) {
  if (x.rows() != response.size())
    return makeError(ErrorCode::InvalidArgument, "Propensity model: " + std::to_string(x.rows()) +
                                                     " covariate rows but " + std::to_string(response.size()) +
                                                     " treatment values");
  if (static_cast<std::size_t>(x.cols()) != names.size())
    return makeError(ErrorCode::InvalidArgument, "Propensity model: column names do not match the covariate columns");
  for (Eigen::Index i = 0; i < response.size(); ++i)
    if (response(i) != 0.0 && response(i) != 1.0)
      return makeError(ErrorCode::NonBinaryTreatment,
                       "Treatment must be coded 0/1; row " + std::to_string(i + 1) + " has " + formatNumber(response(i)));
  // Columns in parallel: on millions of rows this pass is memory-bound.
  std::vector<char> finite(static_cast<std::size_t>(x.cols()));
  parallelFor(finite.size(), threads, [&](std::size_t j) { finite[j] = x.col(static_cast<Eigen::Index>(j)).allFinite(); });
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    if (!finite[static_cast<std::size_t>(j)])
      return makeError(ErrorCode::MissingData, "Covariate '" + names[static_cast<std::size_t>(j)] +
                                                   "' has missing or non-finite values",
                       {{}, 0, 0, names[static_cast<std::size_t>(j)]});
  const double treated = response.sum();
  if (treated == 0.0 || treated == static_cast<double>(response.size()))
    return makeError(ErrorCode::EmptyGroup, treated == 0.0 ? "No treated units: the propensity model cannot be fitted"
                                                          : "No control units: the propensity model cannot be fitted");
  return Ok{};
}

// A single covariate that separates the groups (the common case, with a precise message).
Result<void> checkSingleVariableSeparation(const Eigen::MatrixXd& x, const Eigen::VectorXd& response,
                                           const std::vector<std::string>& names, unsigned threads) {
  const auto p = static_cast<std::size_t>(x.cols());
  std::vector<std::string> messages(p);
  // inf where a row is not in the group: min/max over (x + mask) ignore the other group and
  // vectorise, unlike a branch per row. Chunks of rows go to threads; each block's two masks
  // serve every column while they are in cache. Per chunk: min/max of each group per column.
  constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr Eigen::Index kBlock = 4096, kChunk = 16 * kBlock;
  const Eigen::Index n = x.rows();
  const auto chunks = static_cast<std::size_t>((n + kChunk - 1) / kChunk);
  std::vector<Eigen::Array4Xd> ranges(chunks);  // rows: min treated, -max treated, min control, -max control
  parallelFor(chunks, threads, [&](std::size_t c) {
    Eigen::Array4Xd& range = ranges[c];
    range.setConstant(4, static_cast<Eigen::Index>(p), inf);
    Eigen::ArrayXd notTreated, notControl;
    const Eigen::Index chunkBegin = static_cast<Eigen::Index>(c) * kChunk, chunkEnd = std::min(n, chunkBegin + kChunk);
    for (Eigen::Index begin = chunkBegin; begin < chunkEnd; begin += kBlock) {
      const Eigen::Index count = std::min(kBlock, chunkEnd - begin);
      const auto treated = response.segment(begin, count).array() == 1.0;
      notTreated = treated.select(Eigen::ArrayXd::Zero(count), inf);
      notControl = treated.select(Eigen::ArrayXd::Constant(count, inf), 0.0);
      for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(p); ++j) {
        const auto column = x.col(j).segment(begin, count).array();
        range(0, j) = std::min(range(0, j), (column + notTreated).minCoeff());
        range(1, j) = std::min(range(1, j), -(column - notTreated).maxCoeff());
        range(2, j) = std::min(range(2, j), (column + notControl).minCoeff());
        range(3, j) = std::min(range(3, j), -(column - notControl).maxCoeff());
      }
    }
  });
  Eigen::Array4Xd range = Eigen::Array4Xd::Constant(4, static_cast<Eigen::Index>(p), inf);
  for (const auto& r : ranges) range = range.min(r);
  for (std::size_t jj = 0; jj < p; ++jj) {
    const auto j = static_cast<Eigen::Index>(jj);
    const double minT = range(0, j), maxT = -range(1, j), minC = range(2, j), maxC = -range(3, j);
    const std::string name = "'" + names[jj] + "'";
    auto describe = [&](double cut, bool treatedAbove, bool complete) {
      const std::string above = treatedAbove ? "treated" : "a control";
      const std::string below = treatedAbove ? "a control" : "treated";
      if (complete)
        return "Covariate " + name + " perfectly predicts treatment (complete separation): every unit with " + name +
               (treatedAbove ? " >= " : " <= ") + formatNumber(treatedAbove ? minT : maxT) + " is treated and every other unit is a control";
      return "Covariate " + name + " predicts treatment almost perfectly (quasi-complete separation): every unit with " +
             name + " above " + formatNumber(cut) + " is " + above + " and every unit below it is " + below;
    };
    if (maxC < minT) messages[jj] = describe(minT, true, true);
    else if (maxT < minC) messages[jj] = describe(maxT, false, true);
    else if (maxC <= minT) messages[jj] = describe(minT, true, false);
    else if (maxT <= minC) messages[jj] = describe(maxT, false, false);
  }
  for (std::size_t j = 0; j < p; ++j)
    if (!messages[j].empty())
      return makeError(ErrorCode::Separation,
                       messages[j] + ". The propensity model has no maximum-likelihood estimate; remove or coarsen '" +
                           names[j] + "', or fit with an L2 penalty",
                       {{}, 0, 0, names[j]});
  return Ok{};
}

Error separationError(const Eigen::VectorXd& lastStep, const std::vector<std::string>& names, std::size_t atBounds,
                      bool complete) {
  // The coefficients that still move a lot are the ones diverging.
  double largest = 0.0;
  for (Eigen::Index j = 1; j < lastStep.size(); ++j) largest = std::max(largest, std::fabs(lastStep(j)));
  std::string involved;
  std::string first;
  for (Eigen::Index j = 1; j < lastStep.size(); ++j) {
    if (largest > 0.0 && std::fabs(lastStep(j)) >= 0.1 * largest) {
      const std::string& name = names[static_cast<std::size_t>(j - 1)];
      if (first.empty()) first = name;
      involved += (involved.empty() ? "'" : ", '") + name + "'";
    }
  }
  std::string message = complete ? "Treatment is perfectly predicted by the covariates (complete separation)"
                                 : "Treatment is perfectly predicted for some units (quasi-complete separation)";
  message += ": " + std::to_string(atBounds) + " units have fitted propensity 0 or 1";
  if (!involved.empty()) message += " and the coefficients of " + involved + " diverge";
  message += ". The propensity model has no maximum-likelihood estimate; remove or coarsen these covariates, or fit with an L2 penalty";
  return makeError(ErrorCode::Separation, std::move(message), {{}, 0, 0, first});
}

constexpr Eigen::Index kWarmStartRows = 1 << 18;     // fits this large start from a subsample fit
constexpr Eigen::Index kSubsampleRows = 1 << 17;

// For large n, every k-th row is fitted first (to a looser tolerance) and its estimate, in the
// full design's standardized coordinates, starts the full Newton iterations: two or three
// passes over all rows are saved and the answer is unchanged (the same maximum). Zero (the
// classical start) for small inputs or when the subsample fit fails.
Eigen::VectorXd warmStart(const Eigen::MatrixXd& x, const Eigen::VectorXd& response,
                          const std::vector<std::string>& names, const LogisticOptions& options,
                          const StandardizedDesign& design) {
  Eigen::VectorXd start = Eigen::VectorXd::Zero(design.cols());
  if (x.rows() < kWarmStartRows) return start;
  const Eigen::Index stride = x.rows() / kSubsampleRows;
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < x.rows(); i += stride) rows.push_back(i);
  LogisticOptions sub = options;
  sub.tolerance = 1e-8;
  sub.inputsChecked = false;  // a subsample may lack one of the groups
  const auto fit = fitLogistic(x(rows, Eigen::all), response(rows), names, sub);
  if (!fit) return start;
  // beta_j = b_j / sd_j and beta_0 = b_0 - sum b_j mean_j / sd_j, inverted.
  start(0) = fit->beta(0) + (fit->beta.tail(x.cols()).transpose() * design.means().transpose())(0, 0);
  start.tail(x.cols()) = (fit->beta.tail(x.cols()).array() * design.sds().transpose().array()).matrix();
  return start;
}

}  // namespace

Result<LogisticFit> fitLogistic(const Eigen::MatrixXd& x, const Eigen::VectorXd& response,
                                const std::vector<std::string>& columnNames, const LogisticOptions& options,
                                const Progress& progress) {
  if (!options.inputsChecked) {
    if (auto valid = validate(x, response, columnNames, options.threads); !valid) return valid.error();
  } else if (x.rows() != response.size() || static_cast<std::size_t>(x.cols()) != columnNames.size()) {
    return makeError(ErrorCode::InvalidArgument, "Propensity model: covariates, treatment and names differ in size");
  }
  const bool penalised = options.l2Penalty > 0.0;
  const unsigned threads = options.threads;

  StandardizedDesign design(x, threads);
  std::vector<std::string> names{"(Intercept)"};
  names.insert(names.end(), columnNames.begin(), columnNames.end());
  if (const auto constant = design.constantColumns(); !constant.empty()) {
    const std::string& name = columnNames[static_cast<std::size_t>(constant.front())];
    return makeError(ErrorCode::Collinearity,
                     "Covariate '" + name + "' is constant (every value is " + formatNumber(x(0, constant.front())) +
                         "); it carries no information for the propensity model — remove it",
                     {{}, 0, 0, name});
  }
  if (!penalised)
    if (auto separated = checkSingleVariableSeparation(x, response, columnNames, threads); !separated)
      return separated.error();

  const Eigen::Index q = design.cols();
  const auto n = static_cast<double>(response.size());
  Eigen::VectorXd beta = warmStart(x, response, columnNames, options, design);  // before `fitted`: not both alive
  Eigen::VectorXd fitted(response.size());
  NewtonProblem problem(design, response, threads, fitted);
  Evaluation current = problem.evaluate(beta);

  // Every weight mu(1 - mu) is positive, so the information has the rank of the standardized
  // cross-product matrix: it tells which columns are linear combinations of others.
  if (const auto aliased = detail::findAliasedColumns(current.information); !aliased.empty()) {
    const std::string& name = names[static_cast<std::size_t>(aliased.front().column)];
    return makeError(ErrorCode::Collinearity,
                     "Collinear covariates in the propensity model: " + detail::describeAliased(aliased, names) +
                         ". Remove one of each dependent group",
                     {{}, 0, 0, name});
  }

  auto penalty = [&](const Eigen::VectorXd& b) { return options.l2Penalty * b.tail(q - 1).squaredNorm(); };
  auto addPenalty = [&](Evaluation& eval, const Eigen::VectorXd& b) {
    if (!penalised) return;
    eval.deviance += penalty(b);
    eval.score.tail(q - 1) -= options.l2Penalty * b.tail(q - 1);
    eval.information.diagonal().tail(q - 1).array() += options.l2Penalty;
  };
  addPenalty(current, beta);

  bool converged = false;
  int iteration = 0;
  Eigen::VectorXd lastStep = Eigen::VectorXd::Zero(q);
  while (iteration < options.maxIterations) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "Propensity model fit cancelled");
    ++iteration;
    const Eigen::LDLT<Eigen::MatrixXd> solver(current.information);
    Eigen::VectorXd step = solver.solve(current.score);
    if (solver.info() != Eigen::Success || !step.allFinite()) break;
    Eigen::VectorXd candidate = beta + step;
    Evaluation next = problem.evaluate(candidate);
    addPenalty(next, candidate);
    // Step halving (as R's glm.fit) when the deviance gets worse or is not finite.
    for (int halving = 0; halving < 30 && !(std::isfinite(next.deviance) && next.deviance <= current.deviance + 1e-10 * (std::fabs(current.deviance) + 0.1)); ++halving) {
      step /= 2.0;
      candidate = beta + step;
      next = problem.evaluate(candidate);
      addPenalty(next, candidate);
    }
    const double change = std::fabs(next.deviance - current.deviance) / (std::fabs(next.deviance) + 0.1);
    lastStep = step;
    beta = std::move(candidate);
    current = std::move(next);
    progress.report(static_cast<double>(iteration) / (iteration + 2.0));
    if (change < options.tolerance || current.deviance < 1e-8) {
      converged = true;
      break;
    }
  }

  const double unpenalisedDeviance = current.deviance - (penalised ? penalty(beta) : 0.0);
  const auto atBounds = static_cast<std::size_t>(
      (fitted.array() < kBoundProbability || fitted.array() > 1.0 - kBoundProbability).count());
  if (!penalised) {
    if (unpenalisedDeviance < 1e-6) return separationError(lastStep, columnNames, atBounds, true);
    const bool diverging = q > 1 && lastStep.tail(q - 1).cwiseAbs().maxCoeff() > 1e-3;
    if (atBounds > 0 && (diverging || !converged)) return separationError(lastStep, columnNames, atBounds, false);
  }
  if (!converged)
    return makeError(ErrorCode::NotConverged, "Propensity model did not converge in " + std::to_string(iteration) +
                                                  " Newton iterations (relative deviance change still above " +
                                                  formatNumber(options.tolerance) + ")");

  const Eigen::MatrixXd toOriginal = design.toOriginalScale();
  const Eigen::MatrixXd standardizedCovariance = current.information.ldlt().solve(Eigen::MatrixXd::Identity(q, q));
  LogisticFit fit;
  fit.beta = toOriginal * beta;
  fit.covariance = toOriginal * standardizedCovariance * toOriginal.transpose();
  fit.fitted = std::move(fitted);
  fit.deviance = unpenalisedDeviance;
  const double share = response.sum() / n;
  fit.nullDeviance = -2.0 * n * (share * std::log(share) + (1 - share) * std::log(1 - share));
  fit.aic = fit.deviance + 2.0 * static_cast<double>(q);
  fit.iterations = iteration;
  fit.n = static_cast<std::size_t>(response.size());
  fit.fittedAtBounds = atBounds;
  fit.l2Penalty = options.l2Penalty;
  fit.information = {design.means(), design.sds(), standardizedCovariance};
  for (Eigen::Index j = 0; j < q; ++j) {
    Coefficient c;
    c.name = names[static_cast<std::size_t>(j)];
    c.estimate = fit.beta(j);
    c.standardError = std::sqrt(fit.covariance(j, j));
    c.z = c.estimate / c.standardError;
    c.pValue = twoSidedPValue(c.z);
    fit.coefficients.push_back(std::move(c));
  }
  fit.conventions =
      "Logistic regression by Newton-Raphson (IRLS) on standardized covariates (from b = 0; above 262,144 rows "
      "from a fit on every k-th row), converged when "
      "|change in deviance| / (|deviance| + 0.1) < " + formatNumber(options.tolerance) +
      "; SEs from the inverse Fisher information at the estimate; Wald z tests with normal p-values; "
      "AIC = deviance + 2 x (number of coefficients).";
  if (penalised)
    fit.conventions += " L2 penalty (lambda/2)*sum(b^2) with lambda = " + formatNumber(options.l2Penalty) +
                       " on standardized coefficients, intercept unpenalised; SEs from the inverse penalised "
                       "information (approximate); deviance and AIC exclude the penalty.";
  progress.report(1.0);
  return fit;
}

}  // namespace causeway::estimation
