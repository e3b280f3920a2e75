#include "SensitivityOptions.hpp"

#include <string>
#include <vector>

namespace causeway::cli {

void addSensitivityOptions(po::options_description& options) {
  options.add_options()
      ("sensitivity", "sensitivity to unmeasured confounding (Cinelli & Hazlett bounds, Rosenbaum bounds, negative controls)")
      ("benchmark", po::value<std::vector<std::string>>(), "sensitivity: benchmark nodes NODE[,NODE] (default: the strongest measured confounder)")
      ("k", po::value<std::string>(), "sensitivity: confounder strengths as multiples of the benchmark, e.g. 1,2,3 (both kD and kY)")
      ("ky", po::value<std::string>(), "sensitivity: kY separately (as many values as --k)")
      ("q", po::value<double>(), "sensitivity: fraction of the estimate to explain away for RV_q (default 1)")
      ("alpha", po::value<double>(), "sensitivity: significance level of RV_{q,alpha} and adjusted CIs (default 0.05)");
}

namespace {

Result<std::vector<double>> numbers(const std::string& option, const std::string& text) {
  std::vector<double> out;
  for (const auto& item : splitList({text})) {
    double v = 0.0;
    if (!parseDouble(item, v) || !(v >= 0.0))
      return makeError(ErrorCode::InvalidArgument, "--" + option + " needs non-negative numbers like 1,2,3, got '" + item + "'");
    out.push_back(v);
  }
  if (out.empty()) return makeError(ErrorCode::InvalidArgument, "--" + option + " needs at least one number");
  return out;
}

}  // namespace

Result<std::optional<study::SensitivityRequest>> sensitivityFrom(const po::variables_map& vm) {
  const bool any = vm.count("benchmark") || vm.count("k") || vm.count("ky") || vm.count("q") || vm.count("alpha");
  if (!vm.count("sensitivity")) {
    if (any) return makeError(ErrorCode::InvalidArgument, "--benchmark, --k, --ky, --q and --alpha need --sensitivity");
    return std::optional<study::SensitivityRequest>{};
  }
  study::SensitivityRequest request;
  auto& ols = request.ols;
  if (vm.count("benchmark")) ols.benchmarks = splitList(vm["benchmark"].as<std::vector<std::string>>());
  if (vm.count("k")) {
    auto k = numbers("k", vm["k"].as<std::string>());
    if (!k) return k.error();
    ols.kd = *k;
  }
  if (vm.count("ky")) {
    auto k = numbers("ky", vm["ky"].as<std::string>());
    if (!k) return k.error();
    if (k->size() != ols.kd.size())
      return makeError(ErrorCode::InvalidArgument, "--ky needs as many values as --k (" + std::to_string(ols.kd.size()) + ")");
    ols.ky = *k;
  }
  if (vm.count("q")) {
    ols.q = vm["q"].as<double>();
    if (!(ols.q > 0.0)) return makeError(ErrorCode::InvalidArgument, "--q must be positive");
  }
  if (vm.count("alpha")) {
    ols.alpha = vm["alpha"].as<double>();
    if (!(ols.alpha > 0.0 && ols.alpha < 1.0)) return makeError(ErrorCode::InvalidArgument, "--alpha must be between 0 and 1");
  }
  return std::optional<study::SensitivityRequest>{std::move(request)};
}

}  // namespace causeway::cli
