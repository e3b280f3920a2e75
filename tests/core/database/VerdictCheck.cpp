#include "VerdictCheck.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "TestTables.hpp"
#include "causeway/graph/ModelFile.hpp"

namespace causeway::testing {

study::StudyResult lalondeInMemory(estimation::Estimand estimand, const std::vector<estimation::Method>& methods) {
  auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  EXPECT_TRUE(graph);
  study::StudySpec spec;
  spec.graph = std::move(graph).value();
  spec.compareAdjustmentSets = false;
  spec.sensitivity.reset();
  spec.request.estimand = estimand;
  if (!methods.empty()) spec.request.methods = methods;
  auto result = study::runStudy(spec, lalondeFromCsv());
  EXPECT_TRUE(result) << result.error().describe();
  return std::move(result).value();
}

void expectVerdictMatchesInMemory(const study::InDatabaseStudyResult& result, const study::StudyResult& memory) {
  ASSERT_TRUE(memory.answer);
  ASSERT_TRUE(result.answer);
  EXPECT_EQ(result.answer->method, memory.answer->method);
  EXPECT_EQ(result.answer->estimand, memory.answer->estimand);
  for (auto [mine, theirs] : {std::pair{result.answer->estimate, memory.answer->estimate},
                              std::pair{result.answer->ciLow, memory.answer->ciLow},
                              std::pair{result.answer->ciHigh, memory.answer->ciHigh}})
    EXPECT_NEAR(mine, theirs, 1e-8 * std::abs(theirs));
  EXPECT_EQ(result.verdict.level, memory.verdict.level) << result.verdict.summary << " / " << memory.verdict.summary;
  ASSERT_EQ(result.verdict.checks.size(), memory.verdict.checks.size());
  for (std::size_t i = 0; i < memory.verdict.checks.size(); ++i) {
    const auto& mine = result.verdict.checks[i];
    const auto& theirs = memory.verdict.checks[i];
    ASSERT_EQ(mine.name, theirs.name);
    if (mine.name == "refutations") {
      EXPECT_EQ(mine.status, study::CheckStatus::NotRun);
      EXPECT_NE(mine.explanation.find("Not run in the database"), std::string::npos) << mine.explanation;
      continue;
    }
    // A benchmark above the floor can only raise the in-memory threshold: the statuses agree when
    // the in-memory study has none above it or the E-value is below the floor anyway.
    const bool benchmarked = mine.name == "sensitivity" && theirs.threshold != study::VerdictThresholds{}.eValueFloor &&
                             mine.value && *mine.value > study::VerdictThresholds{}.eValueFloor;
    if (!benchmarked) {
      EXPECT_EQ(mine.status, theirs.status) << mine.name << ": " << mine.explanation << " / " << theirs.explanation;
    }
    ASSERT_EQ(mine.value.has_value(), theirs.value.has_value()) << mine.name;
    if (mine.value) {
      EXPECT_NEAR(*mine.value, *theirs.value, 1e-8 * std::abs(*theirs.value)) << mine.name;
    }
    if (mine.name == "sensitivity" && mine.status != study::CheckStatus::NotRun) {
      EXPECT_EQ(mine.threshold, study::VerdictThresholds{}.eValueFloor);
      EXPECT_NE(mine.explanation.find("not run in the database"), std::string::npos) << mine.explanation;
    } else {
      EXPECT_EQ(mine.threshold, theirs.threshold) << mine.name;
    }
  }
}

}  // namespace causeway::testing
