#include "causeway/ui/app/ProjectDataLink.hpp"

#include <QFileInfo>
#include <QSpinBox>

#include <algorithm>

#include "causeway/estimation/Estimand.hpp"
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
  EstimationSettingsPanel* panel = workspace_.estimationPanel()->settingsPanel();
  if (auto estimand = estimation::parseEstimand(analysis.estimand)) panel->selectEstimand(*estimand);
  if (analysis.methods.size() == 1) panel->selectMethod(QString::fromStdString(analysis.methods.front()));
  else if (analysis.methods.size() > 1) panel->selectMethod(QStringLiteral("all"));
  // The panel's bootstrap default (200) is for interactive use; a project's 0 means "analytic only".
  panel->bootstrapBox()->setValue(analysis.bootstrap);
  panel->seedBox()->setValue(static_cast<int>(std::min<std::uint64_t>(analysis.seed, panel->seedBox()->maximum())));
  if (analysis.adjustmentSet) panel->setCustomAdjustment(*analysis.adjustmentSet);
}

void ProjectDataLink::collect(project::Project& project, QString& dataPath) const {
  const auto& data = workspace_.data();
  if (!data) return;  // nothing loaded: keep what the project had
  dataPath = QFileInfo(data->path).absoluteFilePath();
  project.columnOverrides = workspace_.mappingChoices().overrides;
  const EstimationSettings settings = workspace_.estimationPanel()->settingsPanel()->settings();
  project.analysis.estimand = estimation::toString(settings.estimand);
  project.analysis.methods.clear();
  for (estimation::Method m : settings.methods) project.analysis.methods.emplace_back(estimation::toString(m));
  project.analysis.bootstrap = settings.bootstrapReplicates;
  project.analysis.seed = settings.seed;
  // Only a set the user picked by hand is saved; otherwise the project follows the model.
  if (settings.adjustmentLabel.starts_with("custom")) project.analysis.adjustmentSet = settings.adjustment;
  else project.analysis.adjustmentSet.reset();
}

}  // namespace causeway::ui
