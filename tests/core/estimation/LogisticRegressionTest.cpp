#include "causeway/estimation/LogisticRegression.hpp"

#include <gtest/gtest.h>

#include <random>

#include "LalondeData.hpp"

namespace causeway::estimation {
namespace {

void expectRelative(double actual, double expected, double tolerance = 1e-6) {
  EXPECT_NEAR(actual, expected, tolerance * std::fabs(expected)) << "expected " << expected;
}

// R 4.2.2:
//   d <- read.csv("resources/examples/lalonde.csv")
//   d$race <- factor(d$race, levels = c("black", "hispan", "white"))
//   fit <- glm(treat ~ age + educ + race + married + nodegree + re74 + re75, data = d,
//              family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
//   print(summary(fit)$coefficients, digits = 15); deviance(fit); AIC(fit)
// (tests/data/estimation/lalonde_reference.R, section 1)
TEST(EstimationLogisticRegression, ReproducesRGlmOnLalonde) {
  const data::Design d = testing::loadLalonde();
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  const double coef[] = {-1.66328159773276, 0.0157770710175507, 0.161306877374261, -2.08173412000129,
                         -3.06536774097135, -0.832113275350088, 0.707296881383784, -7.17766864384505e-05,
                         5.34464470713428e-05};
  const double se[] = {0.970886396784275, 0.0135770504781946, 0.0651264412587361, 0.367214679445001,
                       0.286526191280847, 0.290329152325787, 0.337668268376307, 2.87480393627521e-05,
                       4.63488409584124e-05};
  const double z[] = {-1.713157793993, 1.16203965234491, 2.47682622075751, -5.66898393917033, -10.6983858169069,
                      -2.8661030719242, 2.09465012743085, -2.49675066646282, 1.15313448979876};
  const double p[] = {0.0866835139595616, 0.245219358581157, 0.0132556425530178, 1.43646829825842e-08,
                      1.03566601870528e-26, 0.00415558920583979, 0.0362021056639853, 0.0125337049613867,
                      0.248855187150981};
  ASSERT_EQ(fit->coefficients.size(), 9u);
  EXPECT_EQ(fit->coefficients[0].name, "(Intercept)");
  EXPECT_EQ(fit->coefficients[3].name, "racehispan");
  for (std::size_t j = 0; j < 9; ++j) {
    SCOPED_TRACE(fit->coefficients[j].name);
    expectRelative(fit->coefficients[j].estimate, coef[j]);
    expectRelative(fit->coefficients[j].standardError, se[j]);
    expectRelative(fit->coefficients[j].z, z[j]);
    expectRelative(fit->coefficients[j].pValue, p[j], 1e-5);
  }
  expectRelative(fit->deviance, 487.843931310498, 1e-10);
  expectRelative(fit->nullDeviance, 751.492080045472, 1e-10);
  expectRelative(fit->aic, 505.843931310498, 1e-10);
  EXPECT_EQ(fit->fittedAtBounds, 0u);
}

TEST(EstimationLogisticRegression, SameAnswerWithOneOrTwoThreads) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  const Eigen::Index n = 40000;
  Eigen::MatrixXd x(n, 3);
  Eigen::VectorXd t(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (int j = 0; j < 3; ++j) x(i, j) = normal(rng);
    t(i) = std::uniform_real_distribution<double>()(rng) < 1 / (1 + std::exp(-(0.5 * x(i, 0) - x(i, 1)))) ? 1 : 0;
  }
  LogisticOptions one;
  one.threads = 1;
  LogisticOptions two;
  two.threads = 2;
  const auto a = fitLogistic(x, t, {"a", "b", "c"}, one);
  const auto b = fitLogistic(x, t, {"a", "b", "c"}, two);
  ASSERT_TRUE(a.ok() && b.ok());
  for (Eigen::Index j = 0; j < 4; ++j) EXPECT_EQ(a->beta(j), b->beta(j));
}

TEST(EstimationLogisticRegression, LargeFitsReachTheMaximumFromTheirSubsampleStart) {
  // Above 262,144 rows the iterations start from a subsample fit; the score must still vanish.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  const Eigen::Index n = 300000;
  Eigen::MatrixXd x(n, 3);
  Eigen::VectorXd t(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i, 0) = 10.0 + 3.0 * normal(rng);
    x(i, 1) = uniform(rng) < 0.2 ? 1.0 : 0.0;
    x(i, 2) = 1000.0 * normal(rng);
    const double eta = -2.0 + 0.15 * x(i, 0) + 0.7 * x(i, 1) - 0.0004 * x(i, 2);
    t(i) = uniform(rng) < 1.0 / (1.0 + std::exp(-eta)) ? 1.0 : 0.0;
  }
  const auto fit = fitLogistic(x, t, {"a", "b", "c"});
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  EXPECT_LE(fit->iterations, 4);
  Eigen::MatrixXd xt(n, 4);
  xt.col(0).setOnes();
  xt.rightCols(3) = x;
  const Eigen::VectorXd score = xt.transpose() * (t - fit->fitted);
  const Eigen::VectorXd scale = xt.cwiseAbs().colwise().sum().transpose();
  for (Eigen::Index j = 0; j < 4; ++j) EXPECT_LT(std::fabs(score(j)) / scale(j), 1e-9) << j;
  EXPECT_NEAR(fit->beta(1), 0.15, 0.01);
}

TEST(EstimationLogisticRegression, CompleteSeparationNamesTheCovariate) {
  data::Design d = testing::loadLalonde();
  d.covariates.col(1) = d.treatment * 3.0 + Eigen::VectorXd::Constant(d.size(), 8.0);  // educ := f(treat)
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Separation);
  EXPECT_EQ(fit.error().context.variable, "educ");
  EXPECT_NE(fit.error().message.find("complete separation"), std::string::npos) << fit.error().message;
}

TEST(EstimationLogisticRegression, QuasiSeparationByADummyOnlyTheTreatedHave) {
  data::Design d = testing::loadLalonde();
  for (Eigen::Index i = 0; i < d.size(); ++i) d.covariates(i, 3) = (d.treatment(i) == 1 && i % 3 == 0) ? 1 : 0;
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Separation);
  EXPECT_EQ(fit.error().context.variable, "racewhite");
  EXPECT_NE(fit.error().message.find("quasi-complete"), std::string::npos) << fit.error().message;
}

TEST(EstimationLogisticRegression, MultivariateSeparationIsDetectedDuringTheFit) {
  // Neither covariate alone separates, but a + b > 0 exactly when treated.
  std::mt19937_64 rng(3);
  std::normal_distribution<double> normal;
  const Eigen::Index n = 300;
  Eigen::MatrixXd x(n, 3);
  Eigen::VectorXd t(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i, 0) = normal(rng);
    x(i, 1) = normal(rng);
    x(i, 2) = normal(rng);
    t(i) = x(i, 0) + x(i, 1) > 0 ? 1 : 0;
  }
  const auto fit = fitLogistic(x, t, {"a", "b", "noise"});
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Separation);
  EXPECT_NE(fit.error().message.find("'a'"), std::string::npos) << fit.error().message;
  EXPECT_NE(fit.error().message.find("'b'"), std::string::npos) << fit.error().message;
}

TEST(EstimationLogisticRegression, PenaltyGivesAFiniteFitUnderSeparation) {
  data::Design d = testing::loadLalonde();
  d.covariates.col(1) = d.treatment * 3.0 + Eigen::VectorXd::Constant(d.size(), 8.0);
  LogisticOptions options;
  options.l2Penalty = 1.0;
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames, options);
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  EXPECT_TRUE(fit->beta.allFinite());
  EXPECT_GT(fit->beta(2), 0.0);
  EXPECT_NE(fit->conventions.find("L2 penalty"), std::string::npos);
  // The fit is the penalised maximum: its score equations, written out here on the standardized
  // covariates z = (x - mean) / sd, hold: sum(y - p) = 0 for the intercept and
  // sum_i z_ij (y_i - p_i) = lambda * b_j * sd_j (the standardized coefficient) for each covariate.
  const Eigen::Index n = d.size();
  const Eigen::VectorXd eta = (d.covariates * fit->beta.tail(fit->beta.size() - 1)).array() + fit->beta(0);
  const Eigen::VectorXd p = (1.0 / (1.0 + (-eta.array()).exp())).matrix();
  const Eigen::VectorXd residual = d.treatment - p;
  EXPECT_NEAR(residual.sum(), 0.0, 1e-6);
  for (Eigen::Index j = 0; j < d.covariates.cols(); ++j) {
    const Eigen::VectorXd x = d.covariates.col(j);
    const double mean = x.mean();
    const double sd = std::sqrt((x.array() - mean).square().sum() / static_cast<double>(n - 1));
    const double score = ((x.array() - mean) / sd * residual.array()).sum();
    EXPECT_NEAR(score, options.l2Penalty * fit->beta(j + 1) * sd, 1e-5) << d.covariateNames[static_cast<std::size_t>(j)];
  }
}

TEST(EstimationLogisticRegression, ConstantColumnIsNamed) {
  data::Design d = testing::loadLalonde();
  d.covariates.col(5).setConstant(1.0);
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Collinearity);
  EXPECT_EQ(fit.error().context.variable, "nodegree");
  EXPECT_NE(fit.error().message.find("constant"), std::string::npos);
}

TEST(EstimationLogisticRegression, CollinearColumnsAreNamed) {
  data::Design d = testing::loadLalonde();
  d.covariates.col(7) = d.covariates.col(6) * 2.0 + d.covariates.col(0) + Eigen::VectorXd::Constant(d.size(), 5.0);
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Collinearity);
  EXPECT_EQ(fit.error().context.variable, "re75");
  EXPECT_NE(fit.error().message.find("'re75' is a linear combination of 'age', 're74'"), std::string::npos)
      << fit.error().message;
}

TEST(EstimationLogisticRegression, ReportsNonConvergence) {
  const data::Design d = testing::loadLalonde();
  LogisticOptions options;
  options.maxIterations = 2;
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames, options);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::NotConverged);
}

TEST(EstimationLogisticRegression, RejectsBadInputs) {
  const data::Design d = testing::loadLalonde();
  Eigen::VectorXd allTreated = Eigen::VectorXd::Ones(d.size());
  EXPECT_EQ(fitLogistic(d.covariates, allTreated, d.covariateNames).error().code, ErrorCode::EmptyGroup);
  Eigen::VectorXd coded = d.treatment * 2.0;
  EXPECT_EQ(fitLogistic(d.covariates, coded, d.covariateNames).error().code, ErrorCode::NonBinaryTreatment);
  Eigen::MatrixXd missing = d.covariates;
  missing(4, 2) = std::numeric_limits<double>::quiet_NaN();
  const auto fit = fitLogistic(missing, d.treatment, d.covariateNames);
  EXPECT_EQ(fit.error().code, ErrorCode::MissingData);
  EXPECT_EQ(fit.error().context.variable, "racehispan");
}

TEST(EstimationLogisticRegression, Cancels) {
  const data::Design d = testing::loadLalonde();
  std::stop_source stop;
  stop.request_stop();
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames, {}, Progress(stop.get_token()));
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.error().code, ErrorCode::Cancelled);
}

}  // namespace
}  // namespace causeway::estimation
