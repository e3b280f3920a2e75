#pragma once

#include <QWidget>

#include "causeway/study/StudySensitivity.hpp"

class QComboBox;
class QLabel;
class QTableWidget;

namespace causeway::ui {

class ContourPlotWidget;

// The Sensitivity view of a study (issue 13): the robustness value in words, the contour plot of
// the adjusted estimate or t-value with the benchmark bounds, the bounds table, Rosenbaum bounds
// when matching ran, and the negative controls with their calibration. Everything shown is the
// core's StudySensitivity, as the CLI prints and the report writes it.
//
// Docking (the workspace owns that): create one, add it as a dock or tab, and after each study
// run call setSensitivity(*result.sensitivity) when result.sensitivity is set, else clear(why).
class SensitivityView : public QWidget {
  Q_OBJECT

 public:
  explicit SensitivityView(QWidget* parent = nullptr);

  void setSensitivity(const study::StudySensitivity& sensitivity);
  void clear(const QString& why);

  [[nodiscard]] QLabel* sentenceLabel() const { return sentence_; }
  [[nodiscard]] QLabel* notesLabel() const { return notes_; }
  [[nodiscard]] ContourPlotWidget* plot() const { return plot_; }
  [[nodiscard]] QComboBox* plotChoice() const { return plotChoice_; }
  [[nodiscard]] QTableWidget* boundsTable() const { return bounds_; }
  [[nodiscard]] QTableWidget* rosenbaumTable() const { return rosenbaum_; }
  [[nodiscard]] QTableWidget* controlsTable() const { return controls_; }
  [[nodiscard]] QLabel* calibrationLabel() const { return calibration_; }

 private:
  void showPlot();

  study::StudySensitivity current_;
  QLabel* sentence_ = nullptr;
  QLabel* notes_ = nullptr;  // caveats of the bounds, below the plot they qualify
  QComboBox* plotChoice_ = nullptr;
  ContourPlotWidget* plot_ = nullptr;
  QTableWidget* bounds_ = nullptr;
  QLabel* rosenbaumLabel_ = nullptr;
  QTableWidget* rosenbaum_ = nullptr;
  QTableWidget* controls_ = nullptr;
  QLabel* calibration_ = nullptr;
};

}  // namespace causeway::ui
