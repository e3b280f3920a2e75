#include <gtest/gtest.h>

#include "causeway/report/AnswerSection.hpp"

using namespace causeway;
using namespace causeway::report;

TEST(AnswerSection, OpensWithTheSentenceThenTheVerdictAndItsChecklist) {
  study::StudyResult s;
  s.answer = study::Answer{estimation::Method::Aipw, estimation::Estimand::ATE, 0.92, 0.03, 0.86, 0.99,
                           "Augmented IPW (doubly robust): both models fitted",
                           "ConfigRollout raised ErrorRate by 0.92 (95% CI 0.86 to 0.99), on average over all units."};
  s.verdict.level = study::VerdictLevel::Fragile;
  s.verdict.summary = "no check failed, but balance raised warnings";
  s.verdict.checks = {{"balance", study::CheckStatus::Warn, 0.123456, 0.1, "The groups still differ."},
                      {"refutations", study::CheckStatus::NotRun, std::nullopt, std::nullopt, "Not run."}};
  const Section section = answerSection(s);
  ASSERT_GE(section.blocks.size(), 4u);
  EXPECT_EQ(std::get<Paragraph>(section.blocks[0]).text, s.answer->sentence);
  EXPECT_EQ(std::get<Paragraph>(section.blocks[2]).text,
            "Verdict: fragile \u2014 no check failed, but balance raised warnings.");
  const auto& table = std::get<Table>(section.blocks[3]);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0], (std::vector<std::string>{"balance", "warn", "0.123", "0.1", "The groups still differ."}));
  EXPECT_EQ(table.rows[1], (std::vector<std::string>{"refutations", "not-run", "", "", "Not run."}));
}

TEST(AnswerSection, EachConventionIsStatedOnceAsANumberedNote) {
  ReportDocument doc;
  doc.sections.push_back({"A", {Table{"t1", {}, {}, "SMD uses the pooled SD"}, Table{"t2", {}, {}, "Alpha\nShared tail"}}});
  doc.sections.push_back({"B", {Table{"t3", {}, {}, "SMD uses the pooled SD"}, Table{"t4", {}, {}, ""}}});
  numberConventions(doc);
  EXPECT_EQ(std::get<Table>(doc.sections[0].blocks[0]).conventions, "see note [1].");
  EXPECT_EQ(std::get<Table>(doc.sections[0].blocks[1]).conventions, "see notes [2], [3].");
  EXPECT_EQ(std::get<Table>(doc.sections[1].blocks[0]).conventions, "see note [1].");
  EXPECT_EQ(std::get<Table>(doc.sections[1].blocks[1]).conventions, "");
  ASSERT_EQ(doc.sections.size(), 3u);
  EXPECT_EQ(doc.sections[2].title, "Notes");
  EXPECT_EQ(std::get<BulletList>(doc.sections[2].blocks[0]).items,
            (std::vector<std::string>{"[1] SMD uses the pooled SD", "[2] Alpha", "[3] Shared tail"}));
}
