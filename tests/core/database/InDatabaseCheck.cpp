#include "InDatabaseCheck.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "TestTables.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::testing {
namespace {

void expectRelative(double actual, double expected, double tolerance, const std::string& what) {
  EXPECT_NEAR(actual, expected, tolerance * std::abs(expected)) << what;
}

}  // namespace

database::InDatabaseRequest lalondeRequest(database::InDatabaseEstimand estimand) {
  database::InDatabaseRequest request;
  request.treatment = "treat";
  request.outcome = "re78";
  request.covariates = {"age", "educ", "married", "nodegree", "race", "re74", "re75"};
  request.estimand = estimand;
  return request;
}

void expectMatchesInMemory(const database::InDatabaseResult& result, database::InDatabaseEstimand estimand) {
  const auto data = lalondeFromCsv();
  auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  ASSERT_TRUE(graph);
  study::StudySpec spec;
  spec.graph = std::move(graph).value();
  spec.compareAdjustmentSets = false;
  spec.testImplications = false;
  spec.adjustmentSet = lalondeRequest(estimand).covariates;
  spec.request.methods = {estimation::Method::DifferenceInMeans, estimation::Method::Ipw};
  for (const auto& effect : result.outcomeEstimates) spec.request.methods.push_back(*estimation::parseMethod(effect.method));
  spec.request.estimand = estimand == database::InDatabaseEstimand::ATE ? estimation::Estimand::ATE : estimation::Estimand::ATT;
  auto study = study::runStudy(spec, data);
  ASSERT_TRUE(study) << study.error().describe();
  const auto& report = study->estimation;
  ASSERT_TRUE(report.propensityModel);
  const auto& coefficients = report.propensityModel->coefficients;
  ASSERT_EQ(result.terms.size(), coefficients.size());
  for (std::size_t j = 0; j < coefficients.size(); ++j) {
    EXPECT_EQ(result.terms[j], coefficients[j].name);
    expectRelative(result.coefficients(static_cast<Eigen::Index>(j)), coefficients[j].estimate, 1e-8, coefficients[j].name);
  }
  ASSERT_EQ(report.estimates.size(), spec.request.methods.size());
  std::vector<database::InDatabaseEffect> effects = {result.differenceInMeans, {"ipw", result.estimate, result.se}};
  effects.insert(effects.end(), result.outcomeEstimates.begin(), result.outcomeEstimates.end());
  for (const auto& effect : effects) {
    const auto memory = std::find_if(report.estimates.begin(), report.estimates.end(),
                                     [&](const auto& e) { return effect.method == estimation::toString(e.method); });
    ASSERT_NE(memory, report.estimates.end()) << effect.method;
    expectRelative(effect.estimate, memory->estimate, 1e-8, effect.method + " estimate");
    expectRelative(effect.se, memory->se, 1e-8, effect.method + " standard error");
  }
  EXPECT_EQ(result.n, data.rowCount());
  // ESS and weighted means, straight from the in-memory weights: (sum w)^2 / sum w^2 per group.
  const auto& w = report.units.weights;
  const auto& t = report.units.treatment;
  ASSERT_EQ(w.size(), static_cast<Eigen::Index>(data.rowCount()));
  double w1 = 0, w0 = 0, w1sq = 0, w0sq = 0, age1 = 0, age0 = 0;
  const auto age = data.column(*data.indexOf("age")).values();
  for (Eigen::Index i = 0; i < w.size(); ++i) {
    const auto row = report.units.rows.empty() ? static_cast<std::size_t>(i)  // nothing trimmed, none missing
                                               : report.units.rows[static_cast<std::size_t>(i)];
    (t(i) == 1 ? w1 : w0) += w(i);
    (t(i) == 1 ? w1sq : w0sq) += w(i) * w(i);
    (t(i) == 1 ? age1 : age0) += w(i) * age[row];
  }
  expectRelative(result.essTreated, w1 * w1 / w1sq, 1e-9, "ESS treated");
  expectRelative(result.essControl, w0 * w0 / w0sq, 1e-9, "ESS control");
  ASSERT_EQ(result.balance.front().term, "age");
  expectRelative(result.balance.front().weightedMeanTreated, age1 / w1, 1e-9, "weighted mean age, treated");
  expectRelative(result.balance.front().weightedMeanControl, age0 / w0, 1e-9, "weighted mean age, controls");
}

}  // namespace causeway::testing
