#pragma once

#include <QWidget>

#include "causeway/ui/estimation/AdjustmentOptions.hpp"
#include "causeway/ui/estimation/EstimationSettings.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace causeway::ui {

// Estimand, method, adjustment set (automatic, from identification, or Custom…), bootstrap
// replicates and seed, with Run / Cancel and a progress bar. Starts from study/Defaults.hpp;
// a project's settings replace them (setAnalysis), and settings() gives them back unchanged.
class EstimationSettingsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EstimationSettingsPanel(QWidget* parent = nullptr);

  [[nodiscard]] EstimationSettings settings() const;
  [[nodiscard]] const AdjustmentQuestion& question() const { return question_; }

  [[nodiscard]] QComboBox* estimandBox() const { return estimand_; }
  [[nodiscard]] QComboBox* methodBox() const { return method_; }
  [[nodiscard]] QComboBox* adjustmentBox() const { return adjustment_; }
  [[nodiscard]] QSpinBox* bootstrapBox() const { return replicates_; }
  [[nodiscard]] QSpinBox* seedBox() const { return seed_; }
  [[nodiscard]] QComboBox* treatedValueBox() const { return treatedValue_; }
  [[nodiscard]] QComboBox* matchingOrderBox() const { return matchingOrder_; }
  [[nodiscard]] QPushButton* runButton() const { return run_; }
  [[nodiscard]] QPushButton* cancelButton() const { return cancel_; }
  [[nodiscard]] QProgressBar* progressBar() const { return progress_; }
  [[nodiscard]] QLabel* statusLabel() const { return status_; }  // readiness, progress text, last outcome
  // Run / Cancel, progress and status; the estimation panel re-parents it below its tabs.
  [[nodiscard]] QWidget* runBar() const { return runBar_; }

  // Picks a method ("ipw", "all", ...) and an estimand by name; for tests and scripted runs.
  bool selectMethod(const QString& key);
  // A project's method list: one method, all of them, or this exact list (added as an item).
  void selectMethods(const std::vector<std::string>& names);
  // Shows a project's analysis settings; those without a widget (trim) are kept as read and
  // returned by settings().
  void setAnalysis(const project::AnalysisSettings& analysis);
  bool selectEstimand(estimation::Estimand estimand);
  // The exposure column's values offered as the treated value (empty: no data); keeps the text.
  void setTreatedChoices(const std::vector<std::string>& values);
  // Sets a custom adjustment set without the dialog.
  void setCustomAdjustment(const std::vector<std::string>& nodes);
  // "Analyse in the database": offered only for data read from a database (`available`).
  void setDatabaseAvailable(bool available);
  void setInDatabase(bool on);
  [[nodiscard]] bool inDatabaseChecked() const;  // the switch, whether or not it is available
  [[nodiscard]] bool runsInDatabase() const;     // checked and available
  [[nodiscard]] QCheckBox* inDatabaseBox() const { return inDatabase_; }

 public Q_SLOTS:
  void setQuestion(const causeway::ui::AdjustmentQuestion& question);
  // Whether data is loaded and every variable needed is mapped (else Run is disabled, with why).
  void setReadiness(bool ready, const QString& why);
  void showRunning(const QString& what);
  void setProgress(int permille);
  void showIdle(const QString& message);

 Q_SIGNALS:
  void runRequested(const causeway::ui::EstimationSettings& settings);
  // The user switched "Analyse in the database" (not emitted by setInDatabase).
  void inDatabaseSwitched(bool on);
  void cancelRequested();

 private:
  void chooseCustom();
  void updateRunEnabled();

  AdjustmentQuestion question_;
  project::AnalysisSettings kept_ = EstimationSettings::defaultAnalysis();
  std::vector<std::string> custom_;
  bool hasCustom_ = false;
  bool ready_ = false;
  bool running_ = false;
  QLabel* title_ = nullptr;
  QComboBox* estimand_ = nullptr;
  QComboBox* method_ = nullptr;
  QComboBox* adjustment_ = nullptr;
  QSpinBox* replicates_ = nullptr;
  QSpinBox* seed_ = nullptr;
  QComboBox* treatedValue_ = nullptr;
  QComboBox* matchingOrder_ = nullptr;
  QCheckBox* inDatabase_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QWidget* runBar_ = nullptr;
};

}  // namespace causeway::ui
