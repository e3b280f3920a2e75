#include "causeway/report/ImplicationSection.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "causeway/report/HtmlRenderer.hpp"

namespace causeway::report {
namespace {

namespace est = causeway::estimation;

// x and y categorical, from the 2 x 2 table [[10, 20], [30, 40]]: Pearson X2 = 4/12 + 4/18 +
// 4/28 + 4/42 = 0.793651 on 1 df, p = erfc(sqrt(X2 / 2)) = 0.372998 (by hand and Python).
est::ChiSquareTestsReport chiSquareOfKnownTable() {
  est::CategoricalColumns data{{"x", "y"}, {{}, {}}};
  const int counts[2][2] = {{10, 20}, {30, 40}};
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b)
      for (int k = 0; k < counts[a][b]; ++k) {
        data.codes[0].push_back(a);
        data.codes[1].push_back(b);
      }
  return est::runChiSquareLocalTests(data, {{"x", "y", {}}}).value();
}

est::LocalTestsReport oneRejectedCorrelation() {
  est::LocalTestResult t;
  t.test = {"a", "b", {"c"}};
  t.label = "a _||_ b | c";
  t.estimate = 0.25;
  t.pValue = 0.001;
  t.ciLow = 0.1;
  t.ciHigh = 0.4;
  t.n = 200;
  return {{t}, "partial correlation conventions"};
}

std::vector<const Table*> tablesOf(const Section& s) {
  std::vector<const Table*> out;
  for (const auto& b : s.blocks)
    if (const auto* t = std::get_if<Table>(&b)) out.push_back(t);
  return out;
}

std::string paragraphs(const Section& s) {
  std::string out;
  for (const auto& b : s.blocks)
    if (const auto* p = std::get_if<Paragraph>(&b)) out += p->text + "\n";
  return out;
}

TEST(ImplicationSection, ListsChiSquareTestsBesidePartialCorrelations) {
  study::StudyResult s;
  s.implicationTests = oneRejectedCorrelation();
  s.categoricalImplicationTests = chiSquareOfKnownTable();
  s.implicationsSkipped = 2;
  const auto section = implicationSection(s);
  ASSERT_TRUE(section.has_value());
  const auto tables = tablesOf(*section);
  ASSERT_EQ(tables.size(), 2U);
  EXPECT_NE(tables[0]->caption.find("partial correlation"), std::string::npos);
  ASSERT_EQ(tables[1]->rows.size(), 1U);
  EXPECT_NE(tables[1]->caption.find("chi-square"), std::string::npos);
  EXPECT_EQ(tables[1]->header, (std::vector<std::string>{"implication", "chi-square", "df", "p-value", "RMSEA", ""}));
  EXPECT_EQ(tables[1]->rows[0], (std::vector<std::string>{"x _||_ y", "0.794", "1", "0.373", "0.000", ""}));
  EXPECT_EQ(tables[1]->conventions, s.categoricalImplicationTests->conventions);

  const std::string text = paragraphs(*section);
  EXPECT_NE(text.find("1 of 2 tested implications are rejected"), std::string::npos) << text;
  EXPECT_NE(text.find("2 implications were not tested"), std::string::npos) << text;
  // Categorical variables are tested now: the note must not say they were skipped for that.
  EXPECT_EQ(text.find("unmeasured or categorical"), std::string::npos) << text;
  EXPECT_NE(text.find("a categorical variable meets a continuous one"), std::string::npos) << text;

  // The HTML (and the PDF, from the same document) carries the chi-square row.
  ReportDocument doc;
  doc.sections.push_back(*section);
  const std::string html = renderHtml(doc);
  EXPECT_NE(html.find("0.373"), std::string::npos);
  EXPECT_NE(html.find("x _||_ y"), std::string::npos);
}

TEST(ImplicationSection, OnlyChiSquareTestsStillMakeTheSection) {
  study::StudyResult s;
  s.categoricalImplicationTests = chiSquareOfKnownTable();
  const auto section = implicationSection(s);
  ASSERT_TRUE(section.has_value());
  ASSERT_EQ(tablesOf(*section).size(), 1U);
  EXPECT_NE(paragraphs(*section).find("None of the model's 1 tested implications is rejected"), std::string::npos)
      << paragraphs(*section);
}

TEST(ImplicationSection, NothingTestedNothingSkippedMeansNoSection) {
  EXPECT_FALSE(implicationSection(study::StudyResult{}).has_value());
  study::StudyResult skippedOnly;
  skippedOnly.implicationsSkipped = 1;
  const auto section = implicationSection(skippedOnly);
  ASSERT_TRUE(section.has_value());
  EXPECT_TRUE(tablesOf(*section).empty());
  EXPECT_NE(paragraphs(*section).find("1 implication was not tested"), std::string::npos);
}

}  // namespace
}  // namespace causeway::report
