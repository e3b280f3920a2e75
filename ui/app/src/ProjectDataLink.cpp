#include "causeway/ui/app/ProjectDataLink.hpp"

#include <QFileInfo>

#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

namespace causeway::ui {

ProjectDataLink::ProjectDataLink(FileController& files, DataWorkspace& workspace, QObject* parent)
    : QObject(parent), files_(files), workspace_(workspace) {
  connect(&files_, &FileController::loaded, this, &ProjectDataLink::projectOpened);
  files_.setSaveHook([this](project::Project& project, QString& dataPath) { collect(project, dataPath); });
}

void ProjectDataLink::projectOpened() {
  // A plain model file has no data of its own: whatever data is loaded stays, so one dataset
  // can be checked against several models.
  const QString dataPath = files_.dataPath();
  if (dataPath.isEmpty()) return;
  const project::Project& project = files_.project();
  MappingChoices choices;
  choices.overrides = project.columnOverrides;
  workspace_.setMappingChoices(choices);
  applyAnalysisSettings(project.analysis);
  if (!QFileInfo::exists(dataPath)) {
    Q_EMIT statusMessage(tr("The project's data file %1 is missing: open it with File > Open Data").arg(dataPath), 10000);
    return;
  }
  workspace_.openData(dataPath);
}

void ProjectDataLink::applyAnalysisSettings(const project::AnalysisSettings& analysis) {
  // As read: the run turns them into the study `causeway-cli estimate PROJECT` runs.
  workspace_.estimationPanel()->settingsPanel()->setAnalysis(analysis);
}

void ProjectDataLink::collect(project::Project& project, QString& dataPath) const {
  const auto& data = workspace_.data();
  if (!data) return;  // nothing loaded: keep what the project had
  dataPath = QFileInfo(data->path).absoluteFilePath();
  project.columnOverrides = workspace_.mappingChoices().overrides;
  // Everything the panel shows (treated value and matching order included), plus the trim it keeps unseen.
  project.analysis = workspace_.estimationPanel()->settingsPanel()->settings().analysis;
}

}  // namespace causeway::ui
