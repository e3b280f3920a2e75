#include "causeway/estimation/PropensityWeights.hpp"

#include <algorithm>
#include <sstream>

#include "WeightedStats.hpp"

namespace causeway::estimation {
namespace {

// Caps the weights of one group at their q-quantile; returns how many were capped.
std::size_t truncateGroup(Eigen::VectorXd& weights, const Eigen::VectorXd& treatment, double group, double q,
                          std::optional<double>& threshold, std::vector<bool>& capped) {
  std::vector<double> values;
  for (Eigen::Index i = 0; i < weights.size(); ++i)
    if (treatment(i) == group) values.push_back(weights(i));
  if (values.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  if (*lo == *hi) return 0;  // constant weights (focal group): nothing to truncate
  const double cap = detail::quantile(values, q);
  threshold = cap;
  std::size_t count = 0;
  for (Eigen::Index i = 0; i < weights.size(); ++i)
    if (treatment(i) == group && weights(i) > cap) {
      weights(i) = cap;
      capped[static_cast<std::size_t>(i)] = true;
      ++count;
    }
  return count;
}

}  // namespace

Result<WeightResult> computeWeights(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity,
                                    const WeightOptions& options) {
  if (treatment.size() != propensity.size())
    return makeError(ErrorCode::InvalidArgument, "Weights: treatment and propensity scores differ in length");
  if (options.truncateQuantile && !(*options.truncateQuantile > 0.0 && *options.truncateQuantile < 1.0))
    return makeError(ErrorCode::InvalidArgument, "Weights: the truncation quantile must lie in (0, 1)");
  const Eigen::Index n = treatment.size();
  WeightResult out;
  out.weights.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double e = propensity(i);
    const bool treated = treatment(i) == 1.0;
    if (!(e > 0.0 && e < 1.0))
      return makeError(ErrorCode::InvalidArgument, "Weights: propensity score of row " + std::to_string(i + 1) +
                                                       " is not strictly between 0 and 1");
    switch (options.estimand) {
      case Estimand::ATE: out.weights(i) = treated ? 1.0 / e : 1.0 / (1.0 - e); break;
      case Estimand::ATT: out.weights(i) = treated ? 1.0 : e / (1.0 - e); break;
      case Estimand::ATC: out.weights(i) = treated ? (1.0 - e) / e : 1.0; break;
      case Estimand::ATO: out.weights(i) = treated ? 1.0 - e : e; break;
    }
  }
  std::ostringstream text;
  text << toString(options.estimand) << " weights ";
  switch (options.estimand) {
    case Estimand::ATE: text << "(treated 1/e, control 1/(1-e))"; break;
    case Estimand::ATT: text << "(treated 1, control e/(1-e))"; break;
    case Estimand::ATC: text << "(treated (1-e)/e, control 1)"; break;
    case Estimand::ATO: text << "(treated 1-e, control e)"; break;
  }
  if (options.truncateQuantile) {
    const double q = *options.truncateQuantile;
    out.cappedUnits.assign(static_cast<std::size_t>(n), false);
    out.truncatedTreated = truncateGroup(out.weights, treatment, 1.0, q, out.truncationThresholdTreated, out.cappedUnits);
    out.truncatedControl = truncateGroup(out.weights, treatment, 0.0, q, out.truncationThresholdControl, out.cappedUnits);
    text << "; truncated at the " << q * 100 << "th percentile of each group's weights (" << out.truncatedTreated
         << " treated, " << out.truncatedControl << " control weights capped)";
  }
  const double n1 = treatment.sum();
  const double share1 = n1 / static_cast<double>(n);
  if (options.stabilize) {
    for (Eigen::Index i = 0; i < n; ++i) out.weights(i) *= treatment(i) == 1.0 ? share1 : 1.0 - share1;
    text << "; stabilised (multiplied by the group's share of units)";
  }
  if (options.normalizeWithinGroup) {
    double sum1 = 0.0, sum0 = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) (treatment(i) == 1.0 ? sum1 : sum0) += out.weights(i);
    for (Eigen::Index i = 0; i < n; ++i)
      out.weights(i) *= treatment(i) == 1.0 ? n1 / sum1 : (static_cast<double>(n) - n1) / sum0;
    text << "; normalised to sum to the group size within each group";
  }
  text << ".";
  out.conventions = text.str();
  return out;
}

TrimResult trimByPropensity(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity, double lower,
                            double upper) {
  TrimResult out;
  out.lower = lower;
  out.upper = upper;
  for (Eigen::Index i = 0; i < treatment.size(); ++i) {
    const double e = propensity(i);
    if (e >= lower && e <= upper) out.kept.push_back(i);
    else if (treatment(i) == 1.0) ++out.droppedTreated;
    else ++out.droppedControl;
  }
  return out;
}

}  // namespace causeway::estimation
