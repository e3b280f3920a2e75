#include "causeway/report/ImplicationSection.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "causeway/common/NumberFormat.hpp"

namespace causeway::report {

namespace {

constexpr double kAlpha = 0.05;

}  // namespace

std::optional<Section> implicationSection(const study::StudyResult& s) {
  const std::size_t correlations = s.implicationTests ? s.implicationTests->results.size() : 0;
  const std::size_t chiSquares = s.categoricalImplicationTests ? s.categoricalImplicationTests->results.size() : 0;
  if (correlations + chiSquares == 0 && s.implicationsSkipped == 0) return std::nullopt;

  Section section{"Does the data contradict the model?", {}};
  std::size_t rejected = 0;
  std::vector<Block> tables;
  if (correlations) {
    Table table{"Implied conditional independencies tested on the data: partial correlation (Fisher z), numeric variables",
                {"implication", "partial r", "95% CI", "p-value", ""}, {}, s.implicationTests->conventions};
    for (const auto& t : s.implicationTests->results) {
      const bool bad = t.pValue < kAlpha;
      rejected += bad ? 1 : 0;
      std::string ci = "[";  // appended, not `"[" + ...`: GCC 12 warns falsely (-Wrestrict) on that
      ci.append(format::fixed(t.ciLow)).append(", ").append(format::fixed(t.ciHigh)).append("]");
      table.rows.push_back({t.label, format::fixed(t.estimate), ci, format::pValue(t.pValue), bad ? "rejected at 5%" : ""});
    }
    tables.emplace_back(std::move(table));
  }
  if (chiSquares) {
    Table table{"Implied conditional independencies tested on the data: stratified chi-square, categorical variables",
                {"implication", "chi-square", "df", "p-value", "RMSEA", ""}, {}, s.categoricalImplicationTests->conventions};
    for (const auto& t : s.categoricalImplicationTests->results) {
      const bool bad = t.pValue < kAlpha;
      rejected += bad ? 1 : 0;
      table.rows.push_back({t.label, format::fixed(t.statistic), format::fixed(t.df, 0), format::pValue(t.pValue), format::fixed(t.rmsea),
                            bad ? "rejected at 5%" : ""});
    }
    tables.emplace_back(std::move(table));
  }
  const std::size_t tested = correlations + chiSquares;
  if (tested == 0)
    section.blocks.emplace_back(Paragraph{"None of the model's implied independencies could be tested on the data.",
                                          Paragraph::Style::Warning});
  else
    section.blocks.emplace_back(Paragraph{
        rejected == 0 ? "None of the model's " + std::to_string(tested) +
                            " tested implications is rejected by the data at the 5% level."
                      : std::to_string(rejected) + " of " + std::to_string(tested) +
                            " tested implications are rejected at the 5% level: the model may be missing edges "
                            "between those variables.",
        rejected == 0 ? Paragraph::Style::Normal : Paragraph::Style::Warning});
  for (auto& t : tables) section.blocks.push_back(std::move(t));
  // Categorical variables are tested now; what is left is unmeasured variables, a categorical
  // variable against a continuous one (neither test applies), or the cap on the list.
  if (s.implicationsSkipped)
    section.blocks.emplace_back(Paragraph{
        std::to_string(s.implicationsSkipped) +
            (s.implicationsSkipped == 1 ? " implication was" : " implications were") +
            " not tested, for one of these reasons: a variable has no column in the data; a categorical variable "
            "meets a continuous one (the partial-correlation test needs numeric x and y, the chi-square test "
            "categorical or 0/1 variables throughout); or the list was capped.",
        Paragraph::Style::Note});
  return section;
}

}  // namespace causeway::report
