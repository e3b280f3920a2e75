#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"
#include "causeway/panel/RolloutAnswer.hpp"
#include "causeway/panel/RolloutSettings.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSvgWidget;
class QTabWidget;
class QToolButton;
class QTableWidget;

namespace causeway::ui {

namespace detail {
class CohortTrendChart;
}

// The Rollout analysis of panel telemetry (issue 14): column choices guessed from the data, a
// background run with progress and Cancel, then the headline in words in the verdict's colours
// (supported: the interval excludes zero and the pre-periods agree; fragile: one of the two
// fails; not supported: two or more of pre-trends, precision and control-group choice), the
// checks in words, and three charts: the outcome by cohort over time, the event study and the
// ATT(g, t) heat table. The numbers are core/panel's, as `causeway-cli rollout` prints them.
//
// Docking (the workspace owns that): create one, add it as a dock or tab, call setData() when a
// data file is loaded and setCovariates() with the diagram's adjustment set of the exposure's
// effect on the outcome (measured columns only). Nothing runs until Run is pressed. A project's
// "rollout" settings go in with setSettings() (kept until data arrive) and come back from
// settings(); hasSettings() says whether there is anything worth saving.
class RolloutView : public QWidget {
  Q_OBJECT

 public:
  explicit RolloutView(QWidget* parent = nullptr);
  ~RolloutView() override;

  void setData(std::shared_ptr<const data::Dataset> dataset);
  // `source` says where they come from, e.g. "the diagram's adjustment set {apac}".
  void setCovariates(const std::vector<std::string>& columns, const QString& source);

  void setSettings(const panel::RolloutSettings& settings);
  [[nodiscard]] panel::RolloutSettings settings() const;
  [[nodiscard]] bool hasSettings() const { return saved_.has_value() || ran_; }
  // Another project: forget its settings and results (cancelling a run), keep the data's guesses.
  void reset();

  void run();
  void cancel();
  [[nodiscard]] bool running() const;

  // For tests and the workspace.
  [[nodiscard]] QComboBox* unitChoice() const { return unit_; }
  [[nodiscard]] QComboBox* timeChoice() const { return time_; }
  [[nodiscard]] QComboBox* cohortChoice() const { return cohort_; }
  [[nodiscard]] QComboBox* outcomeChoice() const { return outcome_; }
  [[nodiscard]] QComboBox* controlChoice() const { return control_; }
  [[nodiscard]] QLineEdit* periodField() const { return period_; }
  [[nodiscard]] QLabel* headlineLabel() const { return headline_; }
  [[nodiscard]] QLabel* preTrendLabel() const { return preTrend_; }
  [[nodiscard]] QTableWidget* heatTable() const { return heat_; }
  [[nodiscard]] QSvgWidget* plot() const { return plot_; }
  [[nodiscard]] detail::CohortTrendChart* cohortChart() const { return cohortChart_; }
  [[nodiscard]] QTabWidget* charts() const { return charts_; }
  [[nodiscard]] QToolButton* optionsToggle() const { return optionsToggle_; }

 Q_SIGNALS:
  void finished(bool ok);

 private:
  struct Outcome {
    panel::Panel panel;
    panel::RolloutResult result;
    panel::RolloutAnswer answer;  // the core's sentence and verdict
  };
  void fillChoices();
  void applySaved();
  void showCovariates();
  void showOutcome(const Outcome& outcome);
  void showFailure(const QString& message);

  std::shared_ptr<const data::Dataset> data_;
  std::vector<std::string> covariates_;
  QString covariateSource_;
  std::optional<panel::RolloutSettings> saved_;  // from a project, applied once data arrive
  bool ran_ = false;
  QComboBox* unit_ = nullptr;
  QComboBox* time_ = nullptr;
  QComboBox* cohortKind_ = nullptr;  // "first treated period" or "treated now (0/1)"
  QComboBox* cohort_ = nullptr;
  QComboBox* outcome_ = nullptr;
  QComboBox* control_ = nullptr;
  QComboBox* method_ = nullptr;
  QLineEdit* period_ = nullptr;
  QLabel* covariateLabel_ = nullptr;
  QPushButton* runButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QToolButton* optionsToggle_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* headline_ = nullptr;
  QLabel* preTrend_ = nullptr;
  QTabWidget* charts_ = nullptr;
  detail::CohortTrendChart* cohortChart_ = nullptr;
  QSvgWidget* plot_ = nullptr;
  QLabel* twfe_ = nullptr;
  QTableWidget* heat_ = nullptr;
  CancelHandle cancel_;
  QFutureWatcher<Result<Outcome>> watcher_;
};

}  // namespace causeway::ui
