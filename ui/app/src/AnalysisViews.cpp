#include "causeway/ui/app/AnalysisViews.hpp"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

#include <nlohmann/json.hpp>

#include "causeway/panel/RolloutSettings.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/ProjectDataLink.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/rollout/RolloutView.hpp"
#include "causeway/ui/sensitivity/SensitivityView.hpp"

namespace causeway::ui {

namespace {

QDockWidget* makeDock(QMainWindow& window, QWidget* view, const QString& title, const QString& objectName) {
  auto* dock = new QDockWidget(title, &window);
  dock->setObjectName(objectName);
  dock->setWidget(view);
  dock->toggleViewAction()->setStatusTip(QObject::tr("Show or hide the %1 panel").arg(title));
  window.addDockWidget(Qt::RightDockWidgetArea, dock);
  // Beside the Estimation panel when there is one, so the right-hand column keeps its width.
  if (auto* estimation = window.findChild<QDockWidget*>(QStringLiteral("estimationDock"))) window.tabifyDockWidget(estimation, dock);
  dock->hide();
  return dock;
}

}  // namespace

AnalysisViews::AnalysisViews(QMainWindow& window, DataWorkspace& workspace, const GraphDocument& document,
                             FileController& files, ProjectDataLink& projectData)
    : QObject(&window), window_(window), workspace_(workspace), document_(document), files_(files) {
  rollout_ = new RolloutView(&window);
  rollout_->setObjectName(QStringLiteral("rolloutView"));
  sensitivity_ = new SensitivityView(&window);
  sensitivity_->setObjectName(QStringLiteral("sensitivityView"));
  sensitivity_->clear(tr("Run the estimation (Analysis > Run Estimation) to see how strong an unmeasured confounder "
                         "would have to be to change the answer."));
  rolloutDock_ = makeDock(window, rollout_, tr("Rollout Analysis"), QStringLiteral("rolloutDock"));
  sensitivityDock_ = makeDock(window, sensitivity_, tr("Sensitivity"), QStringLiteral("sensitivityDock"));

  connect(&workspace_, &DataWorkspace::dataLoaded, this, [this] {
    rollout_->setData(workspace_.data() ? workspace_.data()->dataset : nullptr);
    updateCovariates();
  });
  connect(&workspace_, &DataWorkspace::mappingChanged, this, &AnalysisViews::updateCovariates);
  connect(&workspace_, &DataWorkspace::estimationFinished, this, &AnalysisViews::estimationFinished);
  connect(&workspace_, &DataWorkspace::estimationFailed, this,
          [this](const QString& message) { sensitivity_->clear(tr("The estimation failed: %1").arg(message)); });
  connect(&files_, &FileController::loaded, this, &AnalysisViews::projectOpened);
  // The project's data side is collected first, then the rollout settings join it.
  files_.setSaveHook([this, &projectData](project::Project& project, QString& dataPath) {
    projectData.collect(project, dataPath);
    if (rollout_->hasSettings()) project.rolloutJson = panel::rolloutSettingsJson(rollout_->settings()).dump();
  });
}

void AnalysisViews::populateMenus(QMenu* analysis, QMenu* view) const {
  if (analysis) {
    analysis->addSeparator();
    for (auto [dock, label] : {std::pair{rolloutDock_, tr("Rollout Analysis\u2026")}, std::pair{sensitivityDock_, tr("Sensitivity")}}) {
      QAction* action = analysis->addAction(label);
      action->setStatusTip(tr("Show the %1 panel").arg(dock->windowTitle()));
      connect(action, &QAction::triggered, dock, [dock] {
        dock->show();
        dock->raise();
      });
    }
  }
  if (view) view->addActions({rolloutDock_->toggleViewAction(), sensitivityDock_->toggleViewAction()});
}

void AnalysisViews::identificationChanged(const IdentificationResult& result) {
  identification_ = result;
  updateCovariates();
}

void AnalysisViews::updateCovariates() {
  // As `causeway-cli rollout --model`: the first minimal set whose variables all have columns.
  if (!identification_ || !identification_->ok || !identification_->hasQuestion) {
    rollout_->setCovariates({}, QString());
    return;
  }
  const auto& sets =
      identification_->setsIgnoringAdjusted.empty() ? identification_->adjustmentSets : identification_->setsIgnoringAdjusted;
  const graph::CausalGraph& graph = document_.graph();
  for (const NodeGroup& set : sets) {
    std::vector<std::string> columns;
    for (graph::NodeId id : set.ids) {
      if (!graph.contains(id)) break;  // the diagram changed since: the next result will do
      if (auto column = workspace_.mapping().columnFor(graph.name(id))) columns.push_back(*column);
      else break;
    }
    if (columns.size() != set.ids.size()) continue;
    rollout_->setCovariates(columns, columns.empty() ? tr("the diagram needs no adjustment")
                                                     : tr("the diagram's adjustment set %1").arg(set.text));
    return;
  }
  rollout_->setCovariates({}, QString());
}

void AnalysisViews::estimationFinished() {
  const auto& outcome = workspace_.estimation();
  if (outcome && outcome->study && outcome->study->sensitivity) sensitivity_->setSensitivity(*outcome->study->sensitivity);
  else sensitivity_->clear(tr("The last run did not include a sensitivity analysis."));
}

void AnalysisViews::projectOpened() {
  // Nothing of the previous project's rollout may leak into this one (or into its next save).
  rollout_->reset();
  const std::string& text = files_.project().rolloutJson;
  if (text.empty()) return;
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  auto settings = panel::rolloutSettingsFromJson(json, "rollout");
  if (!settings) {
    Q_EMIT statusMessage(tr("The project's rollout settings were not applied: %1")
                             .arg(QString::fromStdString(settings.error().describe())),
                         10000);
    return;
  }
  rollout_->setSettings(*settings);
}

}  // namespace causeway::ui
