#pragma once

#include <QWidget>

#include "causeway/ui/estimation/EstimationJob.hpp"

class QLabel;
class QListWidget;
class QTabWidget;
class QTableView;

namespace causeway::ui {

class AnswerView;
class EstimationSettingsPanel;
class EstimatesModel;
class RefutationsModel;

// The estimation dock, results first: tabs for the answer and its verdict, the per-method
// estimates (CIs, E-values), the refutation checks, the warnings and the setup (estimand,
// methods, adjustment set, bootstrap), with Run / Cancel and progress always in view below.
// Each tab fills the dock, so nothing needs undocking to be read.
class EstimationPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EstimationPanel(QWidget* parent = nullptr);

  [[nodiscard]] EstimationSettingsPanel* settingsPanel() const { return settings_; }
  [[nodiscard]] EstimatesModel* estimatesModel() const { return estimates_; }
  [[nodiscard]] RefutationsModel* refutationsModel() const { return refutations_; }
  [[nodiscard]] QTableView* estimatesView() const { return estimatesView_; }
  [[nodiscard]] QLabel* sampleLabel() const { return sample_; }
  [[nodiscard]] AnswerView* answerView() const { return answer_; }
  [[nodiscard]] QTabWidget* tabs() const { return tabs_; }

 public Q_SLOTS:
  void setOutcome(const causeway::ui::EstimationOutcome& outcome);
  void clearResults();
  // Brings the answer tab to the front (after a run).
  void showResults();

 private:
  QTabWidget* tabs_ = nullptr;
  AnswerView* answer_ = nullptr;
  EstimationSettingsPanel* settings_ = nullptr;
  QLabel* sample_ = nullptr;
  EstimatesModel* estimates_ = nullptr;
  QTableView* estimatesView_ = nullptr;
  QLabel* conventions_ = nullptr;
  RefutationsModel* refutations_ = nullptr;
  QTableView* refutationsView_ = nullptr;
  QListWidget* warnings_ = nullptr;
  int warningsTab_ = 0;
};

// "n = 614 (185 treated, 429 control) · ESS after ATT weights: 185 / 72.4".
[[nodiscard]] QString describeSample(const EstimationOutcome& outcome);

}  // namespace causeway::ui
