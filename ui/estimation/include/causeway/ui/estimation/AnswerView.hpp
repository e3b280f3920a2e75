#pragma once

#include <QWidget>

#include "causeway/study/Study.hpp"

class QLabel;

namespace causeway::ui {

// The study's answer first, in words: the headline sentence, the estimate with its interval,
// the verdict (supported / fragile / not supported) and each check behind it. All of it is the
// core's (StudyResult::answer and ::verdict), as the CLI prints and the report writes it.
class AnswerView : public QWidget {
  Q_OBJECT

 public:
  explicit AnswerView(QWidget* parent = nullptr);

  void setStudy(const study::StudyResult& result, const QString& sample);
  void clear(const QString& why);

  [[nodiscard]] QLabel* headlineLabel() const { return headline_; }
  // "Treated: X = 1 (707 units); control: X = 0 (2,293 units)." from the core's report.
  [[nodiscard]] QLabel* treatedLabel() const { return treated_; }
  [[nodiscard]] QLabel* verdictLabel() const { return verdict_; }
  [[nodiscard]] QLabel* checksLabel() const { return checks_; }

 private:
  QLabel* headline_ = nullptr;
  QLabel* treated_ = nullptr;
  QLabel* estimate_ = nullptr;
  QLabel* verdict_ = nullptr;
  QLabel* checks_ = nullptr;
  QLabel* sample_ = nullptr;
};

// "Supported", "Fragile", "Not supported".
[[nodiscard]] QString verdictWord(study::VerdictLevel level);

}  // namespace causeway::ui
