#include "causeway/estimation/LocalTests.hpp"

#include <cmath>
#include <sstream>

#include "causeway/estimation/Distributions.hpp"
#include "causeway/estimation/LinearRegression.hpp"

namespace causeway::estimation {
namespace {

Result<std::vector<Eigen::Index>> columnsOf(const NamedColumns& data, const std::string& name) {
  for (std::size_t j = 0; j < data.names.size(); ++j)
    if (data.names[j] == name) return std::vector<Eigen::Index>{static_cast<Eigen::Index>(j)};
  std::vector<Eigen::Index> out;
  for (std::size_t j = 0; j < data.sources.size(); ++j)
    if (data.sources[j] == name) out.push_back(static_cast<Eigen::Index>(j));
  if (out.empty())
    return makeError(ErrorCode::UnknownNode, "Variable '" + name + "' is not a column of the data", {{}, 0, 0, name});
  return out;
}

Result<Eigen::VectorXd> residualize(const Eigen::VectorXd& v, const Eigen::MatrixXd& z, const std::string& name) {
  if (z.cols() == 0) return Eigen::VectorXd(v.array() - v.mean());
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < z.cols(); ++j) names.push_back(std::string("z").append(std::to_string(j)));
  LinearOptions options;
  options.covariance = CovarianceType::Classical;
  options.dropAliased = true;  // a redundant conditioning column changes nothing here
  auto fit = fitLinear(z, v, names, nullptr, options);
  if (!fit) return makeError(fit.error().code, "Residuals of '" + name + "': " + fit.error().message, {{}, 0, 0, name});
  return Eigen::VectorXd(v - fit->predict(z));
}

std::string label(const ImpliedIndependence& t) {
  std::string out = t.x + " _||_ " + t.y;
  for (std::size_t i = 0; i < t.given.size(); ++i) out += (i == 0 ? " | " : ", ") + t.given[i];
  return out;
}

}  // namespace

Result<LocalTestsReport> runLocalTests(const NamedColumns& input, const std::vector<ImpliedIndependence>& tests,
                                       double level) {
  NamedColumns data = input;
  if (data.sources.empty()) data.sources = data.names;
  if (static_cast<std::size_t>(data.values.cols()) != data.names.size() || data.sources.size() != data.names.size())
    return makeError(ErrorCode::InvalidArgument, "Local tests: column names do not match the data");
  const double z = criticalValue(level);
  const auto n = static_cast<double>(data.values.rows());
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
    const Eigen::MatrixXd zMatrix = data.values(Eigen::all, zCols);
    auto rx = residualize(data.values.col((*xCols)[0]), zMatrix, test.x);
    if (!rx) return rx.error();
    auto ry = residualize(data.values.col((*yCols)[0]), zMatrix, test.y);
    if (!ry) return ry.error();
    const double sxx = rx->squaredNorm(), syy = ry->squaredNorm();
    for (const auto& [ss, name] : {std::pair{sxx, test.x}, std::pair{syy, test.y}})
      if (!(ss > 1e-24 * n))
        return makeError(ErrorCode::Collinearity, "Local test " + label(test) + ": '" + name +
                                                      "' is fully determined by the conditioning set",
                         {{}, 0, 0, name});
    LocalTestResult r;
    r.test = test;
    r.label = label(test);
    r.n = static_cast<std::size_t>(n);
    r.conditioningColumns = zCols.size();
    r.estimate = rx->dot(*ry) / std::sqrt(sxx * syy);
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

Result<LocalTestsReport> runLocalTests(const data::Design& design, const std::vector<ImpliedIndependence>& tests,
                                       double level) {
  NamedColumns data;
  const Eigen::Index n = design.size();
  data.values.resize(n, design.covariates.cols() + 2);
  data.values.col(0) = design.treatment;
  data.values.col(1) = design.outcome;
  data.values.rightCols(design.covariates.cols()) = design.covariates;
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
