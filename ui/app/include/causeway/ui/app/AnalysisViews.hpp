#pragma once

#include <QObject>
#include <QString>

#include <optional>

#include "causeway/ui/analysis/IdentificationResult.hpp"

class QDockWidget;
class QMainWindow;
class QMenu;

namespace causeway::ui {

class DataWorkspace;
class FileController;
class GraphDocument;
class ProjectDataLink;
class RolloutView;
class SensitivityView;

// The Rollout (issue 14) and Sensitivity (issue 13) views as docks of the main window, tabbed with
// the Estimation panel and hidden until asked for. Sensitivity follows every estimation run;
// Rollout gets the loaded data, the diagram's adjustment set as covariates, and a project's
// "rollout" settings (applied on open, written back on save). Dock state is restored with the
// window's (the docks have fixed object names).
class AnalysisViews : public QObject {
  Q_OBJECT

 public:
  AnalysisViews(QMainWindow& window, DataWorkspace& workspace, const GraphDocument& document, FileController& files,
                ProjectDataLink& projectData);

  // Analysis: "Rollout Analysis…" and "Sensitivity" (show and raise); View: one toggle per dock.
  void populateMenus(QMenu* analysis, QMenu* view) const;

  [[nodiscard]] RolloutView* rollout() const { return rollout_; }
  [[nodiscard]] SensitivityView* sensitivity() const { return sensitivity_; }
  [[nodiscard]] QDockWidget* rolloutDock() const { return rolloutDock_; }
  [[nodiscard]] QDockWidget* sensitivityDock() const { return sensitivityDock_; }

 public Q_SLOTS:
  void identificationChanged(const IdentificationResult& result);

 Q_SIGNALS:
  void statusMessage(const QString& message, int timeoutMs);

 private:
  void updateCovariates();
  void estimationFinished();
  void projectOpened();

  QMainWindow& window_;
  DataWorkspace& workspace_;
  const GraphDocument& document_;
  FileController& files_;
  std::optional<IdentificationResult> identification_;
  RolloutView* rollout_ = nullptr;
  SensitivityView* sensitivity_ = nullptr;
  QDockWidget* rolloutDock_ = nullptr;
  QDockWidget* sensitivityDock_ = nullptr;
};

}  // namespace causeway::ui
