// The verdict's checks and level rule on hand-made study results, the answer's sentence, the
// thresholds' overrides, and the study-level errors for inputs that used to give a wrong number.
#include <gtest/gtest.h>

#include "../../../core/study/src/Answer.hpp"
#include "../../../core/study/src/VerdictChecks.hpp"
#include "SimulatedStudy.hpp"
#include "causeway/study/StudyJson.hpp"

using namespace causeway;
using namespace causeway::study;
namespace est = causeway::estimation;

namespace {

// A study whose answer is AIPW 2.0 (SE 0.1) and whose diagnostics are all clean.
StudyResult cleanStudy() {
  StudyResult s;
  s.exposureColumn = "X";
  s.outcomeColumn = "Y";
  auto& r = s.estimation;
  r.estimand = est::Estimand::ATE;
  r.nUsed = 1000;
  est::EffectEstimate e;
  e.method = est::Method::Aipw;
  e.estimand = est::Estimand::ATE;
  e.estimate = 2.0;
  e.se = 0.1;
  e.ciLow = 1.804;
  e.ciHigh = 2.196;
  e.eValue = 3.5;
  e.eValueCi = 3.0;
  e.level = 0.95;
  r.estimates = {e};
  r.primaryMethod = est::Method::Aipw;
  r.primaryRule = "Augmented IPW (doubly robust): both models fitted";
  r.overlap = est::OverlapSummary{};
  est::BalanceTable table;
  table.adjustment = "ATE weights";
  table.nTreated = table.nControl = 500;
  table.essTreated = table.essControl = 400;
  est::BalanceRow row;
  row.name = "Z";
  row.adjusted = est::BalanceStatistics{};
  row.adjusted->varianceRatio = 1.1;
  table.rows = {row};
  table.maxAbsSmdAdjusted = 0.05;
  r.balanceWeighted = table;
  return s;
}

const VerdictCheck& check(const Verdict& v, const std::string& name) {
  for (const auto& c : v.checks)
    if (c.name == name) return c;
  throw std::runtime_error("no check " + name);
}

}  // namespace

TEST(Verdict, CleanDiagnosticsAreSupportedAndTheSentenceSaysWhatHappened) {
  StudyResult s = cleanStudy();
  s.verdict = detail::judge(s, {});
  EXPECT_EQ(s.verdict.level, VerdictLevel::Supported) << s.verdict.summary;
  EXPECT_EQ(check(s.verdict, "refutations").status, CheckStatus::NotRun);  // not run does not count
  const auto answer = detail::answerFor(s);
  ASSERT_TRUE(answer.has_value());
  // SE 0.1: one decimal.
  EXPECT_EQ(answer->sentence, "X raised Y by 2.0 (95% CI 1.8 to 2.2), on average over all units.");
  EXPECT_EQ(answer->method, est::Method::Aipw);
}

TEST(Verdict, AWarningMakesItFragileAndAFailureNotSupported) {
  StudyResult s = cleanStudy();
  s.estimation.balanceWeighted->maxAbsSmdAdjusted = 0.15;
  s.verdict = detail::judge(s, {});
  EXPECT_EQ(check(s.verdict, "balance").status, CheckStatus::Warn);  // AIPW: the outcome model adjusts too
  EXPECT_EQ(s.verdict.level, VerdictLevel::Fragile);
  // No overlap at all: the propensity model separates the groups.
  s.estimation.overlap.reset();
  s.estimation.failures.push_back({est::Method::Ipw, makeError(ErrorCode::Separation, "separation")});
  s.verdict = detail::judge(s, {});
  EXPECT_EQ(check(s.verdict, "extrapolation").status, CheckStatus::Fail);
  EXPECT_EQ(s.verdict.level, VerdictLevel::NotSupported);
  const auto answer = detail::answerFor(s);
  EXPECT_NE(answer->sentence.find("This number cannot be trusted: failed extrapolation, overlap."), std::string::npos)
      << answer->sentence;
}

TEST(Verdict, ImplicationsAreJudgedHolmAdjusted) {
  StudyResult s = cleanStudy();
  est::LocalTestsReport tests;
  for (double p : {0.01, 0.04, 0.03}) {
    est::LocalTestResult t;
    t.pValue = p;
    tests.results.push_back(t);
  }
  s.implicationTests = tests;
  // Holm: sorted 0.01, 0.03, 0.04 -> 3 x 0.01 = 0.03, max(0.03, 2 x 0.03) = 0.06, max(0.06, 0.04) = 0.06.
  EXPECT_EQ(detail::holmAdjusted({0.01, 0.04, 0.03}), (std::vector<double>{0.03, 0.06, 0.06}));
  auto c = detail::checkImplications(s, {});
  EXPECT_EQ(c.status, CheckStatus::Warn);
  EXPECT_DOUBLE_EQ(*c.value, 0.03);
  EXPECT_NE(c.explanation.find("1 of 3"), std::string::npos) << c.explanation;
  // Every raw p below 0.05, none after Holm (3 x 0.02, 2 x 0.03, 0.04 -> 0.06 each).
  for (std::size_t k = 0; k < 3; ++k) s.implicationTests->results[k].pValue = 0.02 + 0.01 * static_cast<double>(k);
  EXPECT_EQ(detail::checkImplications(s, {}).status, CheckStatus::Pass);
}

TEST(Verdict, SensitivityWarnsWhenAMeasuredCovariateIsAsStrongAsNeeded) {
  StudyResult s = cleanStudy();
  s.estimation.covariateBenchmarks = {{"Z", 1.5, -0.5, 2.0}, {"W", 1.0, -1.0, 3.4}};
  auto c = detail::checkSensitivity(s, {});
  EXPECT_EQ(c.status, CheckStatus::Warn);  // 3.0 <= 3.4
  EXPECT_DOUBLE_EQ(*c.threshold, 3.4);
  EXPECT_NE(c.explanation.find("W, corresponds to 3.4"), std::string::npos) << c.explanation;
  s.estimation.covariateBenchmarks.pop_back();
  EXPECT_EQ(detail::checkSensitivity(s, {}).status, CheckStatus::Pass);
}

TEST(Verdict, ThresholdsAreOverriddenByName) {
  VerdictThresholds t;
  ASSERT_TRUE(setThreshold(t, "smd", 0.2).ok());
  EXPECT_EQ(t.smd, 0.2);
  auto unknown = setThreshold(t, "smdd", 0.2);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown threshold 'smdd' (expected one of extrapolation-warn"), std::string::npos);
  EXPECT_FALSE(setThreshold(t, "smd", -1).ok());
  StudyResult s = cleanStudy();
  s.estimation.balanceWeighted->maxAbsSmdAdjusted = 0.15;
  EXPECT_EQ(detail::checkBalance(s, t).status, CheckStatus::Pass);  // 0.15 <= 0.2
}

TEST(StudyAnswer, TheJsonCarriesTheSameAnswerAndVerdict) {
  auto data = data::readCsvString(simulation::simulateCsv({}, 7));
  ASSERT_TRUE(data.ok());
  auto r = runStudy(simulation::simulationSpec(), *data);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const auto doc = studyJson(*r, *data);
  ASSERT_TRUE(r->answer.has_value());
  EXPECT_EQ(doc["answer"]["method"], "aipw");
  EXPECT_EQ(doc["answer"]["estimate"].template get<double>(), r->answer->estimate);
  EXPECT_EQ(doc["answer"]["ci_low"].template get<double>(), r->answer->ciLow);
  EXPECT_EQ(doc["answer"]["sentence"], r->answer->sentence);
  EXPECT_EQ(doc["verdict"]["level"], toString(r->verdict.level));
  EXPECT_EQ(doc["verdict"]["checks"].size(), r->verdict.checks.size());
  EXPECT_EQ(doc["verdict"]["checks"][0]["name"], "identification");
  // The answer is the estimate the comparison's and the refuters' method is.
  EXPECT_EQ(r->estimation.primaryMethod, r->answer->method);
}

TEST(StudyAnswer, AConstantOutcomeOrAnOverflowingValueIsAnErrorNamingTheColumn) {
  std::string csv = simulation::simulateCsv({}, 8);
  std::string constant = "X,Y,Z1,Z2\n", huge = constant;
  std::size_t line = 0, start = csv.find('\n') + 1;
  while (start < csv.size()) {
    const std::size_t end = csv.find('\n', start);
    std::string row = csv.substr(start, end - start);
    const auto c1 = row.find(','), c2 = row.find(',', c1 + 1), c3 = row.find(',', c2 + 1);
    constant += row.substr(0, c1) + ",5" + row.substr(c2) + "\n";
    huge += ++line == 10 ? row.substr(0, c2) + ",1e308" + row.substr(c3) + "\n" : row + "\n";
    start = end + 1;
  }
  auto spec = simulation::simulationSpec();
  auto r = runStudy(spec, data::readCsvString(constant).value());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("outcome 'Y' is constant (every value is 5)"), std::string::npos) << r.error().message;
  r = runStudy(spec, data::readCsvString(huge).value());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'Z1' has a value too large to analyse (1e+308 in data row 10)"), std::string::npos)
      << r.error().message;
}
