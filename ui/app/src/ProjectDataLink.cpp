#include "causeway/ui/app/ProjectDataLink.hpp"

#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>

#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/data/DataLoadController.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

namespace causeway::ui {

ProjectDataLink::ProjectDataLink(FileController& files, DataWorkspace& workspace, QObject* parent)
    : QObject(parent), files_(files), workspace_(workspace) {
  connect(&files_, &FileController::loaded, this, &ProjectDataLink::projectOpened);
  connect(workspace_.loader(), &DataLoadController::failed, this,
          [this](const QString&, const QString& message) { loadFailed(message); });
  connect(workspace_.loader(), &DataLoadController::loaded, this, [this] { pending_.reset(); });
  files_.setSaveHook([this](project::Project& project, QString& dataPath) { collect(project, dataPath); });
}

void ProjectDataLink::projectOpened() {
  // A plain model file has no data of its own: whatever data is loaded stays, so one dataset
  // can be checked against several models.
  const project::Project& project = files_.project();
  if (project.database) {
    openDatabaseSource(project);
    return;
  }
  const QString dataPath = files_.dataPath();
  if (dataPath.isEmpty()) return;
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

void ProjectDataLink::openDatabaseSource(const project::Project& project) {
  MappingChoices choices;
  choices.overrides = project.columnOverrides;
  workspace_.setMappingChoices(choices);
  applyAnalysisSettings(project.analysis);
  const auto source = project.resolveDatabase(files_.currentPath().toStdString());
  pending_ = database::SourceSpec{};
  pending_->kind = source->kind == "sqlite" ? database::SourceKind::Sqlite : database::SourceKind::Postgres;
  pending_->location = source->location;
  pending_->table = source->table;
  pending_->query = source->query;
  askedPassword_ = false;
  workspace_.openDatabase(*pending_, source->inDatabase);
}

void ProjectDataLink::loadFailed(const QString& message) {
  // The project never holds a password: ask for one only when the server says it needs one.
  if (!pending_ || askedPassword_ || pending_->kind != database::SourceKind::Postgres ||
      !(message.contains(QLatin1String("no password supplied")) ||
        message.contains(QLatin1String("password authentication failed")))) {
    pending_.reset();
    return;
  }
  askedPassword_ = true;
  bool ok = false;
  const QString password = QInputDialog::getText(
      workspace_.dataPanel(), tr("Password Needed"),
      tr("The server asks for a password:\n%1\n(used for this connection only, never saved)")
          .arg(QString::fromStdString(database::displayLocation(*pending_))),
      QLineEdit::Password, QString(), &ok);
  if (!ok || password.isEmpty()) {
    pending_.reset();
    return;
  }
  pending_->password = password.toStdString();
  workspace_.openDatabase(*pending_, workspace_.analyseInDatabase());
}

void ProjectDataLink::applyAnalysisSettings(const project::AnalysisSettings& analysis) {
  // As read: the run turns them into the study `causeway-cli estimate PROJECT` runs.
  workspace_.estimationPanel()->settingsPanel()->setAnalysis(analysis);
}

void ProjectDataLink::collect(project::Project& project, QString& dataPath) const {
  const auto& data = workspace_.data();
  if (!data) return;  // nothing loaded: keep what the project had
  if (data->source) {
    // Where the rows came from, without the password (displayLocation drops any).
    const database::SourceSpec& source = *data->source;
    project.database = project::DatabaseSource{database::toString(source.kind), database::displayLocation(source),
                                               source.table, source.query, workspace_.analyseInDatabase()};
    dataPath.clear();
  } else {
    project.database.reset();
    dataPath = QFileInfo(data->path).absoluteFilePath();
  }
  project.columnOverrides = workspace_.mappingChoices().overrides;
  // Everything the panel shows (treated value and matching order included), plus the trim it keeps unseen.
  project.analysis = workspace_.estimationPanel()->settingsPanel()->settings().analysis;
}

}  // namespace causeway::ui
