#pragma once

#include <QWidget>

#include "causeway/ui/estimation/EstimationJob.hpp"

class QLabel;
class QTableView;
class QListWidget;

namespace causeway::ui {

class EstimationSettingsPanel;
class EstimatesModel;
class RefutationsModel;

// The estimation dock: settings with Run / Cancel on top, then the sample and effective sample
// sizes, the estimates table (CIs, E-values), the refutation checks and the warnings.
class EstimationPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EstimationPanel(QWidget* parent = nullptr);

  [[nodiscard]] EstimationSettingsPanel* settingsPanel() const { return settings_; }
  [[nodiscard]] EstimatesModel* estimatesModel() const { return estimates_; }
  [[nodiscard]] RefutationsModel* refutationsModel() const { return refutations_; }
  [[nodiscard]] QTableView* estimatesView() const { return estimatesView_; }
  [[nodiscard]] QLabel* sampleLabel() const { return sample_; }

 public Q_SLOTS:
  void setOutcome(const causeway::ui::EstimationOutcome& outcome);
  void clearResults();

 private:
  EstimationSettingsPanel* settings_ = nullptr;
  QLabel* sample_ = nullptr;
  EstimatesModel* estimates_ = nullptr;
  QTableView* estimatesView_ = nullptr;
  QLabel* conventions_ = nullptr;
  RefutationsModel* refutations_ = nullptr;
  QTableView* refutationsView_ = nullptr;
  QListWidget* warnings_ = nullptr;
};

// "n = 614 (185 treated, 429 control) · ESS after ATT weights: 185 / 72.4".
[[nodiscard]] QString describeSample(const EstimationOutcome& outcome);

}  // namespace causeway::ui
