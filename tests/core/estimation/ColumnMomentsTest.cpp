// One-pass moments and the partial correlations derived from them.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "causeway/estimation/ColumnMoments.hpp"
#include "causeway/estimation/LocalTests.hpp"

namespace causeway::estimation {
namespace {

TEST(ColumnMoments, BlockMergesEqualTheTwoPassFormula) {
  // Five rows, blocks of two rows: the pairwise merge runs three times.
  Eigen::MatrixXd x(5, 2);
  x << 1, 10, 2, 30, 4, 20, 7, 60, 11, 40;
  MomentAccumulator accumulator(2, 2);
  accumulator.addRow(std::vector<double>{1, 10});
  accumulator.addRows(x.bottomRows(4));
  const auto m = accumulator.finish();
  // By hand: means 5 and 32; deviations (-4,-3,-1,2,6) and (-22,-2,-12,28,8).
  EXPECT_EQ(m.n, 5u);
  EXPECT_NEAR(m.means(0), 5.0, 1e-12);
  EXPECT_NEAR(m.means(1), 32.0, 1e-12);
  EXPECT_NEAR(m.centred(0, 0), 16 + 9 + 1 + 4 + 36, 1e-9);
  EXPECT_NEAR(m.centred(1, 1), 484 + 4 + 144 + 784 + 64, 1e-9);
  EXPECT_NEAR(m.centred(0, 1), 88 + 6 + 12 + 56 + 48, 1e-9);
  EXPECT_NEAR(m.centred(1, 0), m.centred(0, 1), 0.0);
}

TEST(ColumnMoments, MergedPartsEqualTheTwoPassFormula) {
  // Rows split into uneven parts (one empty, one with a half-filled row buffer) accumulated
  // separately, as one per thread, then merged: the mean and centred cross-products written out.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> normal(3.0, 2.0);
  Eigen::MatrixXd x(1000, 3);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j) x(i, j) = normal(rng) * (j + 1) + 1e4 * j;
  const Eigen::Index cuts[] = {0, 0, 137, 600, 1000};
  MomentAccumulator total(3, 64);
  for (int part = 0; part + 1 < 5; ++part) {
    MomentAccumulator accumulator(3, 64);
    for (Eigen::Index i = cuts[part]; i < cuts[part + 1]; ++i)
      accumulator.addRow(std::vector<double>{x(i, 0), x(i, 1), x(i, 2)});
    total.addMoments(accumulator.finish());
  }
  total.addRow(std::vector<double>{x(0, 0), x(0, 1), x(0, 2)});  // a pending row, then another part
  MomentAccumulator last(3, 64);
  last.addRows(x.topRows(5));
  total.addMoments(last.finish());
  Eigen::MatrixXd all(1006, 3);
  all << x, x.topRows(1), x.topRows(5);
  const auto m = total.finish();
  const Eigen::RowVectorXd mean = all.colwise().mean();
  const Eigen::MatrixXd centred = all.rowwise() - mean;
  const Eigen::MatrixXd expected = centred.transpose() * centred;
  EXPECT_EQ(m.n, 1006u);
  for (Eigen::Index j = 0; j < 3; ++j) {
    EXPECT_NEAR(m.means(j), mean(j), 1e-10 * std::fabs(mean(j)));
    for (Eigen::Index k = 0; k < 3; ++k) EXPECT_NEAR(m.centred(j, k), expected(j, k), 1e-10 * std::sqrt(expected(j, j) * expected(k, k)));
  }
}

TEST(ColumnMoments, PartialCorrelationMatchesTheFormulaFromCorrelations) {
  // r_xy.z = (r_xy - r_xz r_yz) / sqrt((1 - r_xz^2)(1 - r_yz^2)), written out from the three
  // pairwise correlations computed here directly.
  Eigen::MatrixXd v(8, 3);
  v << 1, 2, 1, 2, 1, 3, 3, 5, 2, 4, 4, 6, 5, 7, 4, 6, 5, 8, 7, 9, 7, 8, 6, 9;
  auto corr = [&](int a, int b) {
    const Eigen::VectorXd da = v.col(a).array() - v.col(a).mean(), db = v.col(b).array() - v.col(b).mean();
    return da.dot(db) / std::sqrt(da.squaredNorm() * db.squaredNorm());
  };
  const double rxy = corr(0, 1), rxz = corr(0, 2), ryz = corr(1, 2);
  const double expected = (rxy - rxz * ryz) / std::sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
  NamedColumns data{v, {"x", "y", "z"}, {}};
  auto report = runLocalTests(data, {{"x", "y", {"z"}}, {"x", "y", {}}});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_NEAR(report->results[0].estimate, expected, 1e-12);
  EXPECT_NEAR(report->results[1].estimate, rxy, 1e-12);
}

TEST(ColumnMoments, AliasedConditioningColumnChangesNothingAndDeterminedXIsAnError) {
  Eigen::MatrixXd v(8, 4);
  v << 1, 2, 1, 2, 2, 1, 3, 6, 3, 5, 2, 4, 4, 6, 5, 10, 5, 7, 4, 8, 6, 5, 8, 16, 7, 9, 7, 14, 8, 8, 6, 12;
  // z2 = 2 z: conditioning on {z, z2} is conditioning on {z}.
  NamedColumns data{v, {"x", "y", "z", "z2"}, {}};
  auto report = runLocalTests(data, {{"x", "y", {"z"}}, {"x", "y", {"z", "z2"}}});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_NEAR(report->results[0].estimate, report->results[1].estimate, 1e-12);
  auto determined = runLocalTests(data, {{"z2", "x", {"z"}}});
  ASSERT_FALSE(determined);
  EXPECT_EQ(determined.error().code, ErrorCode::Collinearity);
  EXPECT_EQ(determined.error().context.variable, "z2");
}

}  // namespace
}  // namespace causeway::estimation
