#include "causeway/estimation/ChiSquareLocalTests.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <boost/math/special_functions/gamma.hpp>

namespace causeway::estimation {
namespace {

Result<std::size_t> indexOf(const CategoricalColumns& data, const std::string& name) {
  const auto it = std::find(data.names.begin(), data.names.end(), name);
  if (it == data.names.end())
    return makeError(ErrorCode::UnknownNode, "Variable '" + name + "' is not a categorical column of the data",
                     ErrorContext::about(name));
  return static_cast<std::size_t>(it - data.names.begin());
}

std::string label(const ImpliedIndependence& t) {
  std::string out = t.x + " _||_ " + t.y;
  for (std::size_t i = 0; i < t.given.size(); ++i) out += (i == 0 ? " | " : ", ") + t.given[i];
  return out;
}

// One stratum's x-by-y counts, keyed by the codes present.
struct Table {
  std::map<std::int32_t, double> rows, cols;
  std::map<std::pair<std::int32_t, std::int32_t>, double> cells;
  double n = 0;
};

// The statistic and df of one table over the levels present in it.
std::pair<double, double> tableStatistic(const Table& t, ContingencyStatistic kind) {
  const double df = static_cast<double>(t.rows.size() - 1) * static_cast<double>(t.cols.size() - 1);
  if (df == 0) return {0.0, 0.0};
  double s = 0;
  for (const auto& [r, rowTotal] : t.rows)
    for (const auto& [c, colTotal] : t.cols) {
      const double expected = rowTotal * colTotal / t.n;
      const auto cell = t.cells.find({r, c});
      const double observed = cell == t.cells.end() ? 0.0 : cell->second;
      if (kind == ContingencyStatistic::PearsonChiSquare) s += (observed - expected) * (observed - expected) / expected;
      else if (observed > 0) s += 2 * observed * std::log(observed / expected);
    }
  return {s, df};
}

}  // namespace

const char* toString(ContingencyStatistic statistic) {
  return statistic == ContingencyStatistic::PearsonChiSquare ? "chi-square (Pearson)" : "G-test";
}

double chiSquareUpperTail(double x, double df) {
  if (!(x > 0)) return 1.0;
  return boost::math::gamma_q(df / 2, x / 2);
}

Result<ChiSquareTestsReport> runChiSquareLocalTests(const CategoricalColumns& data,
                                                    const std::vector<ImpliedIndependence>& tests,
                                                    ContingencyStatistic statistic) {
  if (data.codes.size() != data.names.size())
    return makeError(ErrorCode::InvalidArgument, "Chi-square local tests: column names do not match the data");
  const std::size_t n = data.codes.empty() ? 0 : data.codes.front().size();
  for (std::size_t j = 0; j < data.codes.size(); ++j) {
    if (data.codes[j].size() != n)
      return makeError(ErrorCode::InvalidArgument,
                       "Chi-square local tests: column '" + data.names[j] + "' has " +
                           std::to_string(data.codes[j].size()) + " values, the first column " + std::to_string(n),
                       ErrorContext::about(data.names[j]));
    const auto bad = std::find_if(data.codes[j].begin(), data.codes[j].end(), [](std::int32_t c) { return c < 0; });
    if (bad != data.codes[j].end())
      return makeError(ErrorCode::InvalidArgument,
                       "Chi-square local tests: column '" + data.names[j] + "' has a missing or negative code at row " +
                           std::to_string(bad - data.codes[j].begin() + 1),
                       ErrorContext::about(data.names[j]));
  }
  ChiSquareTestsReport report;
  report.statistic = statistic;
  for (const auto& test : tests) {
    auto x = indexOf(data, test.x);
    if (!x) return x.error();
    auto y = indexOf(data, test.y);
    if (!y) return y.error();
    std::vector<std::size_t> z;
    for (const auto& g : test.given) {
      auto k = indexOf(data, g);
      if (!k) return k.error();
      z.push_back(*k);
    }
    if (n < 2) return makeError(ErrorCode::InvalidArgument, "Local test " + label(test) + ": fewer than 2 units");
    std::map<std::vector<std::int32_t>, Table> strata;
    std::vector<std::int32_t> key(z.size());
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < z.size(); ++k) key[k] = data.codes[z[k]][i];
      Table& t = strata[key];
      const std::int32_t a = data.codes[*x][i], b = data.codes[*y][i];
      t.rows[a] += 1;
      t.cols[b] += 1;
      t.cells[{a, b}] += 1;
      t.n += 1;
    }
    ChiSquareTestResult r;
    r.test = test;
    r.label = label(test);
    r.n = n;
    r.strata = strata.size();
    for (const auto& [_, table] : strata) {
      const auto [s, df] = tableStatistic(table, statistic);
      r.statistic += s;
      r.df += df;
      if (df > 0) ++r.strataTested;
    }
    if (r.df == 0)
      return makeError(ErrorCode::InvalidArgument, "Local test " + r.label +
                                                       ": in no stratum of the conditioning set do both variables "
                                                       "take two or more values, so nothing can be tested",
                       ErrorContext::about(test.x));
    r.pValue = chiSquareUpperTail(r.statistic, r.df);
    r.rmsea = std::sqrt(std::max(0.0, (r.statistic - r.df) / (r.df * static_cast<double>(n - 1))));
    report.results.push_back(std::move(r));
  }
  report.conventions =
      std::string(statistic == ContingencyStatistic::PearsonChiSquare ? "Pearson chi-square" : "Likelihood-ratio (G)") +
      " test of x _||_ y within each stratum of Z (each combination of its levels present), over the levels present "
      "in the stratum, expected counts from the stratum's margins; statistics and df = (r - 1)(c - 1) summed over "
      "strata (strata where x or y takes one value add nothing); p-value from the chi-square upper tail; RMSEA = "
      "sqrt(max(0, (X2 - df) / (df (n - 1)))).";
  return report;
}

}  // namespace causeway::estimation
