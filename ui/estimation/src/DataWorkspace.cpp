#include "causeway/ui/estimation/DataWorkspace.hpp"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>

#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/data/ColumnMappingDialog.hpp"
#include "causeway/ui/data/ColumnMappingPanel.hpp"
#include "causeway/ui/data/ColumnSummaryPanel.hpp"
#include "causeway/ui/data/CsvDropFilter.hpp"
#include "causeway/ui/data/DataLoadController.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/data/RecentFilesMenu.hpp"
#include "causeway/ui/estimation/DiagnosticsPanel.hpp"
#include "causeway/ui/estimation/EstimationController.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"
#include "causeway/ui/estimation/ImplicationTestController.hpp"
#include "causeway/ui/estimation/ImplicationsPanel.hpp"
#include "causeway/ui/estimation/ReportExporter.hpp"

namespace causeway::ui {
namespace {

// Rows read from a database that is analysed in place: enough to look at the data, see each
// column's distribution and map the columns, without the memory of a table of millions.
constexpr std::size_t kShownSampleRows = 100'000;

QDockWidget* makeDock(const QString& title, const QString& name, QWidget* content, QMainWindow* window) {
  auto* dock = new QDockWidget(title, window);
  dock->setObjectName(name);  // for QMainWindow::saveState
  dock->setWidget(content);
  return dock;
}

}  // namespace

DataWorkspace::DataWorkspace(QMainWindow* window, GraphSnapshot graph)
    : QObject(window), window_(window), graphSource_(std::move(graph)), version_(QStringLiteral(CAUSEWAY_VERSION)) {
  loader_ = new DataLoadController(this);
  implicationRunner_ = new ImplicationTestController(this);
  estimator_ = new EstimationController(this);
  exporter_ = new ReportExporter(this);
  drops_ = new CsvDropFilter(this);
  drops_->watch(window_);
  createDocks();
  createActions();
  connectData();
  connectImplications();
  connectEstimation();
  graphChanged();
}

DataWorkspace::~DataWorkspace() { questionWatcher_.waitForFinished(); }

void DataWorkspace::connectData() {
  connect(drops_, &CsvDropFilter::fileDropped, this, &DataWorkspace::openData);
  connect(loader_, &DataLoadController::started, dataPanel_, &DataPanel::showLoading);
  connect(loader_, &DataLoadController::progressChanged, dataPanel_, &DataPanel::setProgress);
  connect(loader_, &DataLoadController::loaded, this, &DataWorkspace::onLoaded);
  connect(loader_, &DataLoadController::failed, this, [this](const QString& path, const QString& message) {
    dataPanel_->showFailed(path, message);
    Q_EMIT statusMessage(tr("Could not load %1: %2").arg(QFileInfo(path).fileName(), message), 8000);
  });
  connect(loader_, &DataLoadController::cancelled, dataPanel_, &DataPanel::showCancelled);
  connect(dataPanel_, &DataPanel::cancelRequested, loader_, &DataLoadController::cancel);
  connect(mappingPanel_, &ColumnMappingPanel::editRequested, this, &DataWorkspace::editMapping);
  connect(exporter_, &ReportExporter::exported, this, [this](const QString& path) {
    exportReport_->setEnabled(true);
    Q_EMIT statusMessage(tr("Report written to %1").arg(path), 6000);
    Q_EMIT reportExported(path);
  });
  connect(exporter_, &ReportExporter::failed, this, [this](const QString&, const QString& message) {
    exportReport_->setEnabled(true);
    Q_EMIT statusMessage(tr("Report export failed: %1").arg(message), 8000);
    Q_EMIT reportFailed(message);
  });
}

void DataWorkspace::connectImplications() {

  connect(implicationRunner_, &ImplicationTestController::started, implicationsPanel_, &ImplicationsPanel::showRunning);
  connect(implicationRunner_, &ImplicationTestController::progressChanged, implicationsPanel_,
          &ImplicationsPanel::setProgress);
  connect(implicationRunner_, &ImplicationTestController::finished, this,
          [this](const ImplicationResults& results, quint64 revision) {
            if (!state_.acceptImplications(results, revision)) return;  // stale
            implicationsPanel_->setResults(results);
            emitFailingPairs();
          });
  connect(implicationRunner_, &ImplicationTestController::failed, implicationsPanel_, &ImplicationsPanel::showMessage);
  connect(implicationRunner_, &ImplicationTestController::idle, implicationsPanel_, &ImplicationsPanel::showIdle);
  connect(implicationsPanel_, &ImplicationsPanel::cancelRequested, implicationRunner_, &ImplicationTestController::cancel);
  connect(implicationsPanel_, &ImplicationsPanel::optionsChanged, this, [this](const ImplicationTestOptions& options) {
    implicationRunner_->setOptions(options);
    if (!state_.implications()) return;
    flagFailures(*state_.implications(), options);
    emitFailingPairs();
  });
}

void DataWorkspace::emitFailingPairs() {
  QList<QPair<QString, QString>> pairs;
  if (state_.implications())
    for (const auto& [x, y] : state_.implications()->failingPairs())
      pairs.append({QString::fromStdString(x), QString::fromStdString(y)});
  Q_EMIT failingIndependenciesChanged(pairs);
}

void DataWorkspace::connectEstimation() {

  EstimationSettingsPanel* settings = estimationPanel_->settingsPanel();
  connect(settings, &EstimationSettingsPanel::runRequested, this, &DataWorkspace::runEstimation);
  connect(settings, &EstimationSettingsPanel::cancelRequested, this, &DataWorkspace::cancelEstimation);
  connect(settings, &EstimationSettingsPanel::inDatabaseSwitched, this, [this](bool on) {
    // Only a sample was read for an analysis in the database: the analysis in memory needs every row.
    const auto& data = state_.data();
    if (on || !data || !data->sampledFrom || !data->source) return;
    Q_EMIT statusMessage(tr("Reading every row of %1 for the analysis in memory…").arg(data->path), 5000);
    loader_->loadDatabase(*data->source);
  });
  connect(settings->adjustmentBox(), &QComboBox::currentIndexChanged, this, &DataWorkspace::updateReadiness);
  connect(estimator_, &EstimationController::started, this, [this] {
    estimationPanel_->settingsPanel()->showRunning(tr("Estimating…"));
    updateReadiness();
  });
  connect(estimator_, &EstimationController::progressChanged, settings, &EstimationSettingsPanel::setProgress);
  connect(estimator_, &EstimationController::finished, this, [this](const EstimationOutcome& outcome, quint64 revision) {
    if (!state_.acceptEstimation(outcome, revision)) {
      estimationPanel_->settingsPanel()->showIdle(tr("The graph, data or mapping changed during the run; its result "
                                                     "was dropped. Run again."));
      return;
    }
    estimationPanel_->setOutcome(outcome);
    diagnosticsPanel_->setOutcome(outcome);
    estimationPanel_->settingsPanel()->showIdle(
        outcome.inDatabaseResult
            ? tr("Done: computed in %1 by %2 aggregate queries; only sums left the database.")
                  .arg(QString::fromStdString(outcome.dataPath))
                  .arg(outcome.inDatabaseResult->database.queries.size())
            : tr("Done."));
    showResults();
    Q_EMIT estimationFinished();
  });
  connect(estimator_, &EstimationController::failed, this, [this](const QString& message) {
    estimationPanel_->settingsPanel()->showIdle(tr("Estimation failed: %1").arg(message));
    Q_EMIT statusMessage(tr("Estimation failed: %1").arg(message), 8000);
    Q_EMIT estimationFailed(message);
  });
  connect(estimator_, &EstimationController::cancelled, this, [this] {
    estimationPanel_->settingsPanel()->showIdle(tr("Cancelled."));
    Q_EMIT estimationCancelled();
  });
  connect(estimator_, &EstimationController::idle, this, &DataWorkspace::updateReadiness);

  connect(&questionWatcher_, &QFutureWatcherBase::finished, this, [this] {
    if (questionWatcher_.future().resultCount() == 0) return;
    const Result<AdjustmentQuestion>& result = questionWatcher_.future().result();
    AdjustmentQuestion question;
    if (result) question = result.value();
    else question.problem = result.error().message;
    if (!state_.setQuestion(std::move(question), questionRevision_)) return;  // the graph changed since
    estimationPanel_->settingsPanel()->setQuestion(state_.question());
    updateReadiness();
  });
}

void DataWorkspace::createDocks() {
  dataPanel_ = new DataPanel;
  columnsPanel_ = new ColumnSummaryPanel;
  mappingPanel_ = new ColumnMappingPanel;
  implicationsPanel_ = new ImplicationsPanel;
  estimationPanel_ = new EstimationPanel;
  diagnosticsPanel_ = new DiagnosticsPanel;
  QDockWidget* data = makeDock(tr("Data"), QStringLiteral("dataDock"), dataPanel_, window_);
  QDockWidget* columns = makeDock(tr("Columns"), QStringLiteral("columnsDock"), columnsPanel_, window_);
  QDockWidget* implications = makeDock(tr("Implied Independencies"), QStringLiteral("implicationsDock"), implicationsPanel_, window_);
  QDockWidget* mapping = makeDock(tr("Variables"), QStringLiteral("mappingDock"), mappingPanel_, window_);
  QDockWidget* estimation = makeDock(tr("Estimation"), QStringLiteral("estimationDock"), estimationPanel_, window_);
  QDockWidget* diagnostics = makeDock(tr("Diagnostics"), QStringLiteral("diagnosticsDock"), diagnosticsPanel_, window_);
  window_->addDockWidget(Qt::BottomDockWidgetArea, data);
  window_->tabifyDockWidget(data, columns);
  window_->tabifyDockWidget(data, implications);
  window_->addDockWidget(Qt::BottomDockWidgetArea, mapping);
  window_->splitDockWidget(data, mapping, Qt::Horizontal);
  window_->addDockWidget(Qt::RightDockWidgetArea, estimation);
  window_->addDockWidget(Qt::RightDockWidgetArea, diagnostics);
  window_->tabifyDockWidget(estimation, diagnostics);
  data->raise();
  estimation->raise();
  docks_ = {data, columns, implications, mapping, estimation, diagnostics};
  // Only the data dock shows before any data is loaded; the rest appear with the data.
  for (QDockWidget* dock : {columns, implications, mapping, estimation, diagnostics}) dock->hide();
}

void DataWorkspace::createActions() {
  openData_ = new QAction(tr("Open &Data…"), this);
  openData_->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
  openData_->setStatusTip(tr("Load a CSV file to check the graph against and estimate the effect"));
  connect(openData_, &QAction::triggered, this, &DataWorkspace::openDataDialog);
  recent_ = new RecentFilesMenu(tr("Recent Data &Files"));
  connect(recent_, &RecentFilesMenu::fileTriggered, this, &DataWorkspace::openData);
  connect(this, &QObject::destroyed, recent_, [menu = recent_] { delete menu; });
  editMapping_ = new QAction(tr("Map Nodes to &Columns…"), this);
  editMapping_->setEnabled(false);
  connect(editMapping_, &QAction::triggered, this, &DataWorkspace::editMapping);
  runEstimation_ = new QAction(tr("&Run Estimation"), this);
  runEstimation_->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
  runEstimation_->setEnabled(false);
  connect(runEstimation_, &QAction::triggered, this, &DataWorkspace::runEstimation);
  cancelEstimation_ = new QAction(tr("&Cancel Estimation"), this);
  cancelEstimation_->setEnabled(false);
  connect(cancelEstimation_, &QAction::triggered, this, &DataWorkspace::cancelEstimation);
  exportReport_ = new QAction(tr("&Export Report…"), this);
  exportReport_->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
  exportReport_->setStatusTip(tr("Write the model, data checks, diagnostics and estimates as HTML or PDF"));
  connect(exportReport_, &QAction::triggered, this, &DataWorkspace::exportReportDialog);
}

QMenu* DataWorkspace::recentDataMenu() const { return recent_; }

void DataWorkspace::populateMenus(QMenu* file, QMenu* analysis, QMenu* view, QAction* fileBefore) const {
  if (file) {
    file->insertAction(fileBefore, openData_);
    file->insertMenu(fileBefore, recent_);
    file->insertAction(fileBefore, exportReport_);
    if (fileBefore != nullptr) file->insertSeparator(fileBefore);
  }
  if (analysis) {
    analysis->addAction(editMapping_);
    analysis->addAction(runEstimation_);
    analysis->addAction(cancelEstimation_);
  }
  if (view)
    for (QDockWidget* dock : docks_) view->addAction(dock->toggleViewAction());
}

void DataWorkspace::setImplicationSource(ImplicationSource source) {
  implicationRunner_->setSource(std::move(source));
  inputsChanged();
}

void DataWorkspace::acceptDropsOn(QWidget* widget) { drops_->watch(widget); }

bool DataWorkspace::isEstimating() const { return estimator_->isRunning(); }

void DataWorkspace::openDataDialog() {
  const QString start = recent_->files().isEmpty() ? QString() : QFileInfo(recent_->files().front()).absolutePath();
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open Data"), start,
                                                    tr("Data files (*.csv *.tsv *.txt);;All files (*)"));
  if (!path.isEmpty()) openData(path);
}

void DataWorkspace::openData(const QString& path) {
  for (QDockWidget* dock : docks_)
    if (dock->widget() == dataPanel_) {
      dock->show();
      dock->raise();
    }
  loader_->load(path);
}

void DataWorkspace::openDatabase(const database::SourceSpec& source, bool inDatabase) {
  for (QDockWidget* dock : docks_)
    if (dock->widget() == dataPanel_) {
      dock->show();
      dock->raise();
    }
  setAnalyseInDatabase(inDatabase);
  // Analysed in the database: a random sample is enough to show (the count and the draw run there).
  loader_->loadDatabase(source, inDatabase ? kShownSampleRows : 0);
}

bool DataWorkspace::analyseInDatabase() const { return estimationPanel_->settingsPanel()->inDatabaseChecked(); }
void DataWorkspace::setAnalyseInDatabase(bool on) { estimationPanel_->settingsPanel()->setInDatabase(on); }

void DataWorkspace::onLoaded(const LoadedData& loaded) {
  state_.setData(loaded);
  estimationPanel_->settingsPanel()->setDatabaseAvailable(loaded.source.has_value());
  if (!loaded.source) recent_->addFile(loaded.path);  // recent files are files
  // Showing millions of rows costs Qt's header views a pass over the rows; the rest of the
  // hand-over runs in later event-loop turns so the window never stalls for the sum of them.
  dataPanel_->showLoaded(loaded);
  const quint64 revision = state_.revision();
  QTimer::singleShot(0, this, [this, revision] {
    if (revision != state_.revision() || !state_.data()) return;
    columnsPanel_->setLoadedData(*state_.data());
    QTimer::singleShot(0, this, [this, revision] {
      if (revision != state_.revision() || !state_.data()) return;
      finishLoading();
    });
  });
}

void DataWorkspace::finishLoading() {
  const LoadedData& loaded = *state_.data();
  for (QDockWidget* dock : docks_)
    if (dock->widget() != diagnosticsPanel_) dock->show();
  remap();
  inputsChanged();
  Q_EMIT statusMessage(tr("Loaded %1: %2 rows in %3 s")
                           .arg(QFileInfo(loaded.path).fileName())
                           .arg(loaded.dataset ? loaded.dataset->rowCount() : 0)
                           .arg(loaded.seconds, 0, 'f', 2),
                       6000);
  Q_EMIT dataLoaded(loaded.path);
}

void DataWorkspace::graphChanged() {
  // One snapshot per change, shared by every job: copying a large graph is the costly part.
  state_.setGraph(std::make_shared<const graph::CausalGraph>(graphSource_()));
  remap();
  scheduleIdentification();
  inputsChanged();
}

void DataWorkspace::remap() {
  if (auto reset = state_.remap()) Q_EMIT statusMessage(QString::fromStdString(*reset), 8000);
  const VariableMapping& mapping = state_.mapping();
  const bool hasData = state_.data().has_value();
  mappingPanel_->setMapping(mapping, hasData);
  editMapping_->setEnabled(hasData && !mapping.rows.empty());
  QHash<QString, QString> nodeToColumn;
  for (const auto& [node, column] : mapping.nodeToColumn())
    nodeToColumn.insert(QString::fromStdString(node), QString::fromStdString(column));
  QStringList unmapped;
  if (hasData)
    for (const auto& node : mapping.unmappedNodes()) unmapped << QString::fromStdString(node);
  Q_EMIT mappingChanged(nodeToColumn, unmapped);
}

void DataWorkspace::scheduleIdentification() {
  questionRevision_ = state_.graphRevision();
  questionWatcher_.setFuture(runJob<Result<AdjustmentQuestion>>(
      CancelHandle{}, [g = state_.graph()](const Progress&) -> Result<AdjustmentQuestion> { return adjustmentQuestion(*g); }));
}

void DataWorkspace::inputsChanged() {
  if (state_.data())
    implicationRunner_->setInputs(state_.graph(), state_.data()->dataset, state_.mapping().nodeToColumn(), state_.revision());
  if (state_.estimation() && !estimator_->isRunning())
    estimationPanel_->settingsPanel()->showIdle(tr("The graph, data or mapping changed since the estimate shown; run "
                                                   "again to update it."));
  updateReadiness();
}

void DataWorkspace::updateReadiness() {
  const Readiness readiness = state_.readiness(estimationPanel_->settingsPanel()->settings().analysis.adjustmentSet);
  estimationPanel_->settingsPanel()->setReadiness(readiness.ready, QString::fromStdString(readiness.why));
  estimationPanel_->settingsPanel()->setTreatedChoices(state_.exposureValues());
  runEstimation_->setEnabled(readiness.ready && !estimator_->isRunning());
  cancelEstimation_->setEnabled(estimator_->isRunning());
}

void DataWorkspace::editMapping() {
  if (!state_.data()) return;
  ColumnMappingDialog dialog(state_.mapping(), state_.data()->dataset->columnNames(), state_.choices(), window_);
  if (dialog.exec() == QDialog::Accepted) setMappingChoices(dialog.choices());
}

void DataWorkspace::setMappingChoices(const MappingChoices& choices) {
  state_.setMappingChoices(choices);
  remap();
  inputsChanged();
}

void DataWorkspace::runEstimation() {
  updateReadiness();
  if (!runEstimation_->isEnabled()) return;
  const EstimationSettingsPanel* panel = estimationPanel_->settingsPanel();
  if (panel->runsInDatabase() && state_.data() && state_.data()->source) {
    EstimationInputs memory = state_.estimationInputs(panel->settings());
    estimator_->runInDatabase({*state_.data()->source, memory.graph, memory.columnOverrides, memory.unmeasuredNodes,
                               memory.settings, memory.dataset},
                              state_.revision());
    return;
  }
  if (state_.data() && state_.data()->sampledFrom) {  // never an answer from the sample shown by mistake
    estimationPanel_->settingsPanel()->showIdle(
        tr("Only a random sample of the rows is loaded: analyse in the database, or wait for every row to be "
           "read (turning \"Analyse in the database\" off reads them)."));
    return;
  }
  estimator_->run(state_.estimationInputs(panel->settings()), state_.revision());
}

void DataWorkspace::cancelEstimation() { estimator_->cancel(); }

void DataWorkspace::showResults() {
  // A finished run comes to the front: the answer and its verdict lead the Estimation panel.
  for (QDockWidget* dock : docks_)
    if (dock->widget() == estimationPanel_ || dock->widget() == diagnosticsPanel_) dock->show();
  for (QDockWidget* dock : docks_)
    if (dock->widget() == estimationPanel_) dock->raise();
  estimationPanel_->showResults();
  const auto& study = state_.estimation()->study;
  const QString headline = study && study->answer ? QString::fromStdString(study->answer->sentence)
                                                  : tr("no estimate stands for the study (see the warnings)");
  Q_EMIT statusMessage(tr("Estimation finished: %1").arg(headline), 10000);
}

WorkspaceSnapshot DataWorkspace::snapshot() const {
  return state_.snapshot(version_.toStdString(), QDateTime::currentDateTime().toString(Qt::ISODate).toStdString());
}

void DataWorkspace::exportReportTo(const QString& path) {
  exportReport_->setEnabled(false);
  exporter_->exportReport(snapshot(), path);
}

void DataWorkspace::exportReportDialog() {
  QString selected;
  const QString base = state_.data() ? QFileInfo(state_.data()->path).completeBaseName() + QStringLiteral("-report") : QStringLiteral("report");
  QString path = QFileDialog::getSaveFileName(window_, tr("Export Report"), base + QStringLiteral(".html"),
                                              tr("HTML report (*.html);;PDF report (*.pdf)"), &selected);
  if (path.isEmpty()) return;
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf"))
    path += selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf") : QStringLiteral(".html");
  exportReportTo(path);
}

}  // namespace causeway::ui
