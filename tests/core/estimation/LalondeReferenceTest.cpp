// Every number here was printed by tests/data/estimation/lalonde_reference.R (R 4.2.2,
// MatchIt 4.5.1, sandwich 3.0-2) with 15 significant digits; the R expression is quoted next
// to each. Common setup in R:
//   d <- read.csv("resources/examples/lalonde.csv")
//   d$race <- factor(d$race, levels = c("black", "hispan", "white"))
//   f <- treat ~ age + educ + race + married + nodegree + re74 + re75
//   fit <- glm(f, data = d, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
//   e <- fitted(fit); X <- model.matrix(f, d)[, -1]; t <- d$treat; y <- d$re78
#include <gtest/gtest.h>

#include "LalondeData.hpp"
#include "causeway/estimation/Balance.hpp"
#include "causeway/estimation/EValue.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/LinearRegression.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/estimation/LogisticRegression.hpp"
#include "causeway/estimation/PropensityWeights.hpp"

namespace causeway::estimation {
namespace {

constexpr double kRelative = 1e-6;

void expectRelative(double actual, double expected, double tolerance = kRelative) {
  EXPECT_NEAR(actual, expected, tolerance * std::fabs(expected)) << "expected " << expected;
}

class EstimationLalonde : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    design_ = new data::Design(testing::loadLalonde());
    auto fit = fitLogistic(design_->covariates, design_->treatment, design_->covariateNames);
    ASSERT_TRUE(fit.ok());
    propensity_ = new Eigen::VectorXd(fit->fitted);
  }
  static void TearDownTestSuite() {
    delete design_;
    delete propensity_;
  }
  static const data::Design& design() { return *design_; }
  static const Eigen::VectorXd& propensity() { return *propensity_; }
  static EstimatorOptions options(Estimand estimand) {
    EstimatorOptions o;
    o.estimand = estimand;
    return o;
  }

 private:
  static data::Design* design_;
  static Eigen::VectorXd* propensity_;
};
data::Design* EstimationLalonde::design_ = nullptr;
Eigen::VectorXd* EstimationLalonde::propensity_ = nullptr;

// t.test(y[t == 1], y[t == 0]): estimate difference and $stderr
TEST_F(EstimationLalonde, NaiveDifferenceWithWelchSe) {
  const auto e = estimateDifferenceInMeans(design());
  ASSERT_TRUE(e.ok());
  expectRelative(e->estimate, -635.026212037422);
  expectRelative(e->se, 677.195372432914);
  EXPECT_EQ(e->nTreated, 185u);
  EXPECT_EQ(e->nControl, 429u);
}

// Unweighted SMDs by hand: m1, m0 = colMeans by group; s1, s0 = apply(., 2, sd)
//   smd.att = (m1 - m0) / s1 ; smd.ate = (m1 - m0) / sqrt((s1^2 + s0^2) / 2)
//   cobalt binary = "std": binary columns use sqrt(p (1 - p)) instead of sd
//   varratio = s1^2 / s0^2 ; ks = max |ECDF1 - ECDF0| over the distinct values
TEST_F(EstimationLalonde, UnweightedBalanceAsCobalt) {
  const data::Design& d = design();
  const auto att = computeBalance(d.covariates, d.covariateNames, d.treatment, Estimand::ATT);
  const auto ate = computeBalance(d.covariates, d.covariateNames, d.treatment, Estimand::ATE);
  ASSERT_TRUE(att.ok() && ate.ok());
  const double mean1[] = {25.8162162162162, 10.3459459459459, 0.0594594594594595, 0.0972972972972973,
                          0.189189189189189, 0.708108108108108, 2095.57368864865, 1532.05531378378};
  const double mean0[] = {28.030303030303, 10.2354312354312, 0.142191142191142, 0.655011655011655,
                          0.512820512820513, 0.596736596736597, 5619.23650638695, 2466.48444312354};
  const double smdAtt[] = {-0.309445261997982, 0.0549646613888354, -0.34889574002044, -1.87677458053795,
                           -0.824072977922724, 0.244307253431841, -0.721083809071869, -0.290262911185457};
  const double smdAte[] = {-0.2419036229261, 0.0447550851108709, -0.276939596506294, -1.40573828715574,
                           -0.719491962472904, 0.23504820466515, -0.59575159100495, -0.287002108742533};
  const double cobaltAtt[] = {-0.309445261997982, 0.0549646613888354, -0.349842541598422, -1.88186760097513,
                              -0.826309272340716, 0.244970232272019, -0.721083809071869, -0.290262911185457};
  const double cobaltAte[] = {-0.2419036229261, 0.0447550851108709, -0.277397614748544, -1.40798823077657,
                              -0.720755399603216, 0.235490623723091, -0.59575159100495, -0.287002108742533};
  const double varRatio[] = {0.439995463435061, 0.495893371429209, 0.459913110063797, 0.389881340624448,
                             0.615888147352678, 0.861569858097919, 0.518128480856177, 0.95629304538895};
  const double ks[] = {0.157726957726958, 0.111371511371511, 0.0827316827316827, 0.557714357714358,
                       0.323631323631324, 0.111371511371511, 0.447035847035847, 0.287645687645688};
  ASSERT_EQ(att->rows.size(), 8u);
  for (std::size_t j = 0; j < 8; ++j) {
    SCOPED_TRACE(att->rows[j].name);
    const auto& a = att->rows[j].unadjusted;
    expectRelative(a.meanTreated, mean1[j]);
    expectRelative(a.meanControl, mean0[j]);
    expectRelative(a.smd, smdAtt[j]);
    expectRelative(ate->rows[j].unadjusted.smd, smdAte[j]);
    expectRelative(a.smdCobaltStd, cobaltAtt[j]);
    expectRelative(ate->rows[j].unadjusted.smdCobaltStd, cobaltAte[j]);
    expectRelative(a.varianceRatio, varRatio[j]);
    expectRelative(a.ks, ks[j]);
    expectRelative(a.rawDifference, mean1[j] - mean0[j]);
    EXPECT_FALSE(att->rows[j].adjusted.has_value());
  }
  EXPECT_TRUE(att->rows[2].binary);
  EXPECT_FALSE(att->rows[0].binary);
  EXPECT_NE(att->conventions.find("treated-group SD"), std::string::npos);
}

// w.att <- ifelse(t == 1, 1, e / (1 - e)); wm/wv weighted mean / variance
//   sum(w (x - m)^2) / (sum(w) - sum(w^2) / sum(w)); SD denominators from the unweighted treated.
TEST_F(EstimationLalonde, AttWeightedBalanceAndEss) {
  const data::Design& d = design();
  const auto w = computeWeights(d.treatment, propensity(), {});
  ASSERT_TRUE(w.ok());
  const auto table = computeBalance(d.covariates, d.covariateNames, d.treatment, Estimand::ATT, &w->weights, "ATT weights");
  ASSERT_TRUE(table.ok());
  const double wmean0[] = {24.9658449800886, 10.4030802875503, 0.0592922817361241, 0.0952281703389176,
                           0.170580169822662, 0.689687159632907, 2106.04481890295, 1496.54123204455};
  const double wsmd[] = {0.118849608012134, -0.0284158527433438, 0.00070502126358526, 0.00696285621067279,
                         0.0473847519873115, 0.0404086401644805, -0.002142816404297, 0.011031784466087};
  const double wvr[] = {0.457753609203269, 0.663648281573787, 0.997990924717788, 1.01466340037433,
                        1.07917996969955, 0.961281751347933, 1.32062728362419, 1.39382492922933};
  const double wks[] = {0.307803903613545, 0.035850236787075, 0.000167177723335299, 0.00206912695837969,
                        0.018609019366527, 0.0184209484752008, 0.228481001760239, 0.13261693379694};
  for (std::size_t j = 0; j < 8; ++j) {
    SCOPED_TRACE(table->rows[j].name);
    ASSERT_TRUE(table->rows[j].adjusted.has_value());
    const auto& a = *table->rows[j].adjusted;
    expectRelative(a.meanControl, wmean0[j]);
    expectRelative(a.smd, wsmd[j], 1e-5);  // small SMDs: differences of nearly equal means
    expectRelative(a.varianceRatio, wvr[j]);
    expectRelative(a.ks, wks[j], 1e-5);
  }
  // sum(w[t == 0])^2 / sum(w[t == 0]^2)
  expectRelative(table->essControl, 99.8153859157942);
  expectRelative(table->essTreated, 185.0);
  // ATE weights: ate.ess1 / ate.ess0
  WeightOptions ate;
  ate.estimand = Estimand::ATE;
  const auto wa = computeWeights(d.treatment, propensity(), ate);
  const auto ta = computeBalance(d.covariates, d.covariateNames, d.treatment, Estimand::ATE, &wa->weights);
  expectRelative(ta->essTreated, 58.3266607397467);
  expectRelative(ta->essControl, 329.007759063266);
}

// est <- weighted.mean(y[t == 1], w[t == 1]) - weighted.mean(y[t == 0], w[t == 0])
// SE with the weights taken as known: sqrt(vcovHC(lm(y ~ t, weights = w), type = "HC0")[2, 2])
// SE accounting for the propensity model (default): ipw.<estimand>.se.M, the stacked-equation
// sandwich with A from numDeriv::jacobian (section 3b of the R script)
TEST_F(EstimationLalonde, IpwForEveryEstimand) {
  struct Case {
    Estimand estimand;
    double estimate, hc0, hc1, mEstimation;
  };
  const Case cases[] = {{Estimand::ATT, 1214.07122329292, 824.051712118592, 825.397103564815, 798.154627834558},
                        {Estimand::ATE, 224.676309103941, 909.477674042136, 910.962536539466, 876.19319112171},
                        {Estimand::ATC, -186.915899841107, 1164.70054761129, 1166.6021007919, 1130.98219685426},
                        {Estimand::ATO, 1242.20063593992, 775.097300882209, 776.362766705846, 738.749040149179}};
  for (const auto& c : cases) {
    SCOPED_TRACE(toString(c.estimand));
    EstimatorOptions o = options(c.estimand);
    const auto e = estimateIpw(design(), propensity(), o);
    ASSERT_TRUE(e.ok()) << e.error().message;
    expectRelative(e->estimate, c.estimate);
    expectRelative(e->se, c.mEstimation, 1e-5);  // numerical derivatives in the reference
    o.ipwAccountForPropensityModel = false;
    expectRelative(estimateIpw(design(), propensity(), o)->se, c.hc0);
    o.weightingCovariance = CovarianceType::HC1;
    expectRelative(estimateIpw(design(), propensity(), o)->se, c.hc1);
  }
}

TEST_F(EstimationLalonde, IpwThroughEstimateEffectFitsThePropensityModel) {
  const auto e = estimateEffect(design(), Method::Ipw, options(Estimand::ATT));
  ASSERT_TRUE(e.ok());
  expectRelative(e->estimate, 1214.07122329292);
  // evalue.att.point: ev(exp(0.91 * est / sd(y)))
  expectRelative(e->eValue, 1.58923998030707);
  EXPECT_EQ(e->eValueCi, 1.0);  // the CI includes 0
  EXPECT_NE(e->conventions.find("M-estimation"), std::string::npos);
}

// ols <- lm(y ~ t + X); sqrt(vcovHC(ols, type = "HC0" ... "HC3")[2, 2])
TEST_F(EstimationLalonde, RegressionAdjustmentWithEverySandwich) {
  const double se[] = {734.520542358259, 740.576049132939, 742.18167731472, 749.986758863156};
  const CovarianceType types[] = {CovarianceType::HC0, CovarianceType::HC1, CovarianceType::HC2, CovarianceType::HC3};
  for (int k = 0; k < 4; ++k) {
    EstimatorOptions o;
    o.regressionCovariance = types[k];
    const auto e = estimateRegressionAdjustment(design(), o);
    ASSERT_TRUE(e.ok());
    expectRelative(e->estimate, 1548.24380199959);
    expectRelative(e->se, se[k]);
  }
}

// fit1 <- lm(y ~ X, subset = t == 1); fit0 <- lm(y ~ X, subset = t == 0)
// gcomp.ate = mean(mu1 - mu0); gcomp.att / gcomp.atc over the treated / controls
// SE: Lin (2013) regression lm(y ~ t * Xc), Xc centred at the target mean, HC2 variance of the
// t coefficient, plus var(mu1 - mu0 over the target) / n_target
TEST_F(EstimationLalonde, GComputation) {
  const auto ate = estimateGComputation(design(), options(Estimand::ATE));
  const auto att = estimateGComputation(design(), options(Estimand::ATT));
  const auto atc = estimateGComputation(design(), options(Estimand::ATC));
  ASSERT_TRUE(ate.ok() && att.ok() && atc.ok());
  expectRelative(ate->estimate, 1074.9085413954);
  expectRelative(att->estimate, 1647.58325244023);
  expectRelative(atc->estimate, 827.950915420364);
  expectRelative(ate->se, 1216.11083068789);
  expectRelative(att->se, 825.923705197235);
  EXPECT_EQ(estimateGComputation(design(), options(Estimand::ATO)).error().code, ErrorCode::InvalidArgument);
}

// phi <- mu1 - mu0 + t (y - mu1) / e - (1 - t)(y - mu0) / (1 - e); mean(phi), sd(phi) / sqrt(n)
// ATT: w1 <- t / mean(t); r <- (1 - t) e / (1 - e); w0 <- r / mean(r)
//      tau1 <- mean(w1 (y - mu0)); tau0 <- mean(w0 (y - mu0))
//      phi.att <- w1 (y - mu0 - tau1) - w0 (y - mu0 - tau0); SE sd(phi.att) / sqrt(n)
TEST_F(EstimationLalonde, Aipw) {
  const auto ate = estimateAipw(design(), propensity(), options(Estimand::ATE));
  const auto att = estimateAipw(design(), propensity(), options(Estimand::ATT));
  ASSERT_TRUE(ate.ok() && att.ok());
  expectRelative(ate->estimate, 469.639973586302);
  expectRelative(ate->se, 926.155079933718);
  expectRelative(att->estimate, 1231.04431291887);
  expectRelative(att->se, 807.066966402852);
}

TEST_F(EstimationLalonde, AipwForTheControlsMirrorsTheTreated) {
  // ATC with the groups swapped equals minus the ATT of the swapped problem.
  data::Design swapped = design();
  swapped.treatment = (1.0 - swapped.treatment.array()).matrix();
  const Eigen::VectorXd flipped = (1.0 - propensity().array()).matrix();
  const auto atc = estimateAipw(design(), propensity(), options(Estimand::ATC));
  const auto att = estimateAipw(swapped, flipped, options(Estimand::ATT));
  ASSERT_TRUE(atc.ok() && att.ok());
  EXPECT_NEAR(atc->estimate, -att->estimate, 1e-8);
  EXPECT_NEAR(atc->se, att->se, 1e-8);
}

// lt <- function(x, y, Z) partial correlation of lm residuals, Fisher z with n - |Z| - 3
//   lt.educ.re74|age, lt.married.re75|age,educ,race, lt.age.educ
TEST_F(EstimationLalonde, LocalTestsAsDagitty) {
  const std::vector<ImpliedIndependence> tests{
      {"educ", "re74", {"age"}}, {"married", "re75", {"age", "educ", "race"}}, {"age", "educ", {}}};
  const auto report = runLocalTests(design(), tests);
  ASSERT_TRUE(report.ok()) << report.error().message;
  const double expected[3][4] = {{0.190777136771431, 1.83957756524469e-06, 0.113298359059552, 0.265949699408923},
                                 {0.313102535133858, 1.43921233499914e-15, 0.239674722299919, 0.382968680248029},
                                 {-0.125621930805821, 0.00179831161105616, -0.202732677633454, -0.0469628398552446}};
  for (int k = 0; k < 3; ++k) {
    const auto& r = report->results[static_cast<std::size_t>(k)];
    SCOPED_TRACE(r.label);
    expectRelative(r.estimate, expected[k][0]);
    expectRelative(r.pValue, expected[k][1], 1e-5);
    expectRelative(r.ciLow, expected[k][2]);
    expectRelative(r.ciHigh, expected[k][3]);
  }
  EXPECT_EQ(report->results[1].conditioningColumns, 4u);  // age, educ, racehispan, racewhite
  EXPECT_EQ(report->results[1].label, "married _||_ re75 | age, educ, race");
}

TEST_F(EstimationLalonde, LocalTestErrorsNameTheVariable) {
  auto unknown = runLocalTests(design(), {{"educ", "income", {}}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::UnknownNode);
  EXPECT_EQ(unknown.error().context.variable, "income");
  auto categorical = runLocalTests(design(), {{"race", "re78", {"age"}}});
  ASSERT_FALSE(categorical.ok());
  EXPECT_EQ(categorical.error().context.variable, "race");
}

TEST(EstimationEValue, FormulaAndCiRules) {
  // VanderWeele & Ding (2017): RR = 3.9 -> E = 3.9 + sqrt(3.9 * 2.9) = 7.26
  EXPECT_NEAR(eValueOfRiskRatio(3.9), 3.9 + std::sqrt(3.9 * 2.9), 1e-12);
  EXPECT_NEAR(eValueOfRiskRatio(0.5), 2 + std::sqrt(2.0), 1e-12);
  // The CI's E-value is that of the limit nearer 1, or 1 when the CI covers 1; written out by hand
  // (E = RR + sqrt(RR (RR - 1)), RR < 1 inverted), not with the library's own function.
  EXPECT_EQ(eValueForRiskRatio(1.5, 0.9, 2.0).ci, 1.0);
  EXPECT_NEAR(eValueForRiskRatio(1.5, 1.2, 2.0).ci, 1.2 + std::sqrt(1.2 * 0.2), 1e-12);           // 1.68990
  EXPECT_NEAR(eValueForRiskRatio(0.5, 0.3, 0.8).ci, 1.25 + std::sqrt(1.25 * 0.25), 1e-12);        // 1.80902
  const EValue d = eValueForDifference(1.0, 0.5, 1.5, 2.0);  // d = 0.5 -> RR = exp(0.455)
  EXPECT_NEAR(d.riskRatio, std::exp(0.455), 1e-12);
  // Lower limit d = 0.25 -> RR = exp(0.2275) = 1.255457; E = 1.255457 + sqrt(1.255457 * 0.255457).
  EXPECT_NEAR(d.ci, 1.8217753215836383, 1e-12);
}

TEST(EstimationLinearRegression, CollinearAndConstantColumnsAreNamed) {
  const data::Design d = testing::loadLalonde();
  Eigen::MatrixXd x = d.covariates;
  x.col(1) = 2.0 * x.col(0);
  auto fit = fitLinear(x, d.outcome, d.covariateNames);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Collinearity);
  EXPECT_EQ(fit.error().context.variable, "educ");
  LinearOptions o;
  o.dropAliased = true;
  fit = fitLinear(x, d.outcome, d.covariateNames, nullptr, o);
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->aliased[2]);
  EXPECT_EQ(fit->beta(2), 0.0);
  EXPECT_TRUE(std::isnan(fit->standardErrors(2)));
}

}  // namespace
}  // namespace causeway::estimation
