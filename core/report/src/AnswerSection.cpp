#include "causeway/report/AnswerSection.hpp"

#include <algorithm>
#include <sstream>

#include "causeway/common/NumberFormat.hpp"

namespace causeway::report {

namespace {

std::string optionalNumber(const std::optional<double>& v) { return v ? format::significant(*v, 3) : ""; }
// Thresholds as written in the docs (0.1, 1.96, 0.05); computed ones to 3 digits.
std::string thresholdText(const std::optional<double>& v) {
  if (!v) return "";
  std::ostringstream s;
  s.precision(3);
  s << *v;
  return s.str();
}

// Notes in order of first citation; identical texts share a number.
struct Notes {
  std::vector<std::string> items;
  std::string cite(const std::string& text) {
    auto it = std::find(items.begin(), items.end(), text);
    if (it == items.end()) it = items.insert(items.end(), text);
    return "[" + std::to_string(it - items.begin() + 1) + "]";
  }
};

}  // namespace

Section answerSection(const study::StudyResult& s) {
  Section section{"Answer", {}};
  if (s.answer) {
    section.blocks.emplace_back(Paragraph{s.answer->sentence});
    section.blocks.emplace_back(Paragraph{"Method: " + s.answer->rule + ".", Paragraph::Style::Note});
  } else {
    section.blocks.emplace_back(
        Paragraph{"No answer: no method gave an estimate that can stand for the study.", Paragraph::Style::Warning});
  }
  std::string level = study::toString(s.verdict.level);
  std::replace(level.begin(), level.end(), '-', ' ');
  section.blocks.emplace_back(Paragraph{"Verdict: " + level + " \u2014 " + s.verdict.summary + ".",
                                        s.verdict.level == study::VerdictLevel::Supported ? Paragraph::Style::Normal
                                                                                          : Paragraph::Style::Warning});
  Table checks{"The checks behind the verdict (README, \"The answer and the verdict\")",
               {"check", "status", "value", "threshold", "what it means"},
               {},
               ""};
  for (const auto& c : s.verdict.checks)
    checks.rows.push_back({c.name, study::toString(c.status), optionalNumber(c.value), thresholdText(c.threshold),
                           c.explanation});
  section.blocks.emplace_back(std::move(checks));
  return section;
}

void numberConventions(ReportDocument& doc) {
  Notes notes;
  for (auto& section : doc.sections)
    for (auto& block : section.blocks) {
      auto* table = std::get_if<Table>(&block);
      if (!table || table->conventions.empty()) continue;
      // Pieces separated by '\n' are cited one by one (the estimates table's per-method texts).
      std::string cited;
      std::size_t begin = 0;
      while (begin <= table->conventions.size()) {
        const std::size_t end = std::min(table->conventions.find('\n', begin), table->conventions.size());
        const std::string piece = table->conventions.substr(begin, end - begin);
        if (!piece.empty()) cited += (cited.empty() ? "" : ", ") + notes.cite(piece);
        begin = end + 1;
      }
      table->conventions = "see note" + std::string(cited.find(',') == std::string::npos ? " " : "s ") +
                           cited + ".";
    }
  if (notes.items.empty()) return;
  Section section{"Notes", {}};
  BulletList list;
  for (std::size_t k = 0; k < notes.items.size(); ++k)
    list.items.push_back("[" + std::to_string(k + 1) + "] " + notes.items[k]);
  section.blocks.emplace_back(std::move(list));
  doc.sections.push_back(std::move(section));
}

}  // namespace causeway::report
