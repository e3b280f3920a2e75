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
#include <QtConcurrent/QtConcurrentRun>

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

QDockWidget* makeDock(const QString& title, const QString& name, QWidget* content, QMainWindow* window) {
  auto* dock = new QDockWidget(title, window);
  dock->setObjectName(name);  // for QMainWindow::saveState
  dock->setWidget(content);
  return dock;
}

}  // namespace

DataWorkspace::DataWorkspace(QMainWindow* window, GraphSnapshot graph)
    : QObject(window), window_(window), graph_(std::move(graph)), version_(QStringLiteral(CAUSEWAY_VERSION)) {
  loader_ = new DataLoadController(this);
  implicationRunner_ = new ImplicationTestController(this);
  estimator_ = new EstimationController(this);
  exporter_ = new ReportExporter(this);
  drops_ = new CsvDropFilter(this);
  drops_->watch(window_);
  createDocks();
  createActions();

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

  connect(implicationRunner_, &ImplicationTestController::started, implicationsPanel_, &ImplicationsPanel::showRunning);
  connect(implicationRunner_, &ImplicationTestController::progressChanged, implicationsPanel_,
          &ImplicationsPanel::setProgress);
  connect(implicationRunner_, &ImplicationTestController::finished, this,
          [this](const ImplicationResults& results, quint64 revision) {
            if (revision != revision_) return;  // stale
            implications_ = results;
            implicationsPanel_->setResults(results);
            QList<QPair<QString, QString>> pairs;
            for (const auto& [x, y] : results.failingPairs()) pairs.append({QString::fromStdString(x), QString::fromStdString(y)});
            Q_EMIT failingIndependenciesChanged(pairs);
          });
  connect(implicationRunner_, &ImplicationTestController::failed, implicationsPanel_, &ImplicationsPanel::showMessage);
  connect(implicationRunner_, &ImplicationTestController::idle, implicationsPanel_, &ImplicationsPanel::showIdle);
  connect(implicationsPanel_, &ImplicationsPanel::cancelRequested, implicationRunner_, &ImplicationTestController::cancel);
  connect(implicationsPanel_, &ImplicationsPanel::optionsChanged, this, [this](const ImplicationTestOptions& options) {
    implicationRunner_->setOptions(options);
    if (!implications_) return;
    flagFailures(*implications_, options);
    QList<QPair<QString, QString>> pairs;
    for (const auto& [x, y] : implications_->failingPairs()) pairs.append({QString::fromStdString(x), QString::fromStdString(y)});
    Q_EMIT failingIndependenciesChanged(pairs);
  });

  EstimationSettingsPanel* settings = estimationPanel_->settingsPanel();
  connect(settings, &EstimationSettingsPanel::runRequested, this, &DataWorkspace::runEstimation);
  connect(settings, &EstimationSettingsPanel::cancelRequested, this, &DataWorkspace::cancelEstimation);
  connect(settings->adjustmentBox(), &QComboBox::currentIndexChanged, this, &DataWorkspace::updateReadiness);
  connect(estimator_, &EstimationController::started, this, [this] {
    estimationPanel_->settingsPanel()->showRunning(tr("Estimating…"));
    updateReadiness();
  });
  connect(estimator_, &EstimationController::progressChanged, settings, &EstimationSettingsPanel::setProgress);
  connect(estimator_, &EstimationController::finished, this, [this](const EstimationOutcome& outcome, quint64 revision) {
    if (revision != revision_) {
      estimationPanel_->settingsPanel()->showIdle(tr("The graph, data or mapping changed during the run; its result "
                                                     "was dropped. Run again."));
      return;
    }
    outcome_ = outcome;
    estimationPanel_->setOutcome(outcome);
    diagnosticsPanel_->setOutcome(outcome);
    for (QDockWidget* dock : docks_)
      if (dock->widget() == diagnosticsPanel_) dock->show();
    estimationPanel_->settingsPanel()->showIdle(tr("Done."));
    Q_EMIT estimationFinished();
  });
  connect(estimator_, &EstimationController::failed, this, [this](const QString& message) {
    estimationPanel_->settingsPanel()->showIdle(tr("Estimation failed: %1").arg(message));
    Q_EMIT statusMessage(tr("Estimation failed: %1").arg(message), 8000);
  });
  connect(estimator_, &EstimationController::cancelled, this, [this] {
    estimationPanel_->settingsPanel()->showIdle(tr("Cancelled."));
    Q_EMIT estimationCancelled();
  });
  connect(estimator_, &EstimationController::idle, this, &DataWorkspace::updateReadiness);

  connect(&questionWatcher_, &QFutureWatcherBase::finished, this, [this] {
    // The question depends on the graph only: data or mapping changes meanwhile do not make it stale.
    if (questionWatcher_.future().resultCount() == 0 || questionRevision_ != graphRevision_) return;
    question_ = questionWatcher_.future().result();
    estimationPanel_->settingsPanel()->setQuestion(question_);
    updateReadiness();
  });
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

  graphChanged();
}

DataWorkspace::~DataWorkspace() { questionWatcher_.waitForFinished(); }

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
  inputsChanged(graph_());
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

void DataWorkspace::onLoaded(const LoadedData& loaded) {
  data_ = loaded;
  ++revision_;
  recent_->addFile(loaded.path);
  // Showing millions of rows costs Qt's header views a pass over the rows; the rest of the
  // hand-over runs in later event-loop turns so the window never stalls for the sum of them.
  dataPanel_->showLoaded(loaded);
  const quint64 revision = revision_;
  QTimer::singleShot(0, this, [this, revision] {
    if (revision != revision_ || !data_) return;
    columnsPanel_->setLoadedData(*data_);
    QTimer::singleShot(0, this, [this, revision] {
      if (revision != revision_ || !data_) return;
      finishLoading();
    });
  });
}

void DataWorkspace::finishLoading() {
  const LoadedData& loaded = *data_;
  for (QDockWidget* dock : docks_)
    if (dock->widget() != diagnosticsPanel_) dock->show();
  const graph::CausalGraph g = graph_();
  remap(g);
  inputsChanged(g);
  Q_EMIT statusMessage(tr("Loaded %1: %2 rows in %3 s")
                           .arg(QFileInfo(loaded.path).fileName())
                           .arg(loaded.dataset ? loaded.dataset->rowCount() : 0)
                           .arg(loaded.seconds, 0, 'f', 2),
                       6000);
  Q_EMIT dataLoaded(loaded.path);
}

void DataWorkspace::graphChanged() {
  ++revision_;
  ++graphRevision_;
  // One snapshot per change: copying a large graph is the costly part of this slot.
  const graph::CausalGraph g = graph_();
  remap(g);
  scheduleIdentification(g);
  inputsChanged(g);
}

void DataWorkspace::remap(const graph::CausalGraph& g) {
  const data::Dataset* dataset = data_ ? data_->dataset.get() : nullptr;
  auto mapping = mapVariables(g, dataset, choices_);
  if (!mapping) {
    // A choice that no longer fits (two nodes on one column after a rename): drop the choices.
    Q_EMIT statusMessage(tr("Column choices reset: %1").arg(QString::fromStdString(mapping.error().message)), 8000);
    choices_ = {};
    mapping = mapVariables(g, dataset, choices_);
  }
  mapping_ = mapping ? std::move(mapping).value() : VariableMapping{};
  mappingPanel_->setMapping(mapping_, dataset != nullptr);
  editMapping_->setEnabled(dataset != nullptr && !mapping_.rows.empty());
  QHash<QString, QString> nodeToColumn;
  for (const auto& [node, column] : mapping_.nodeToColumn())
    nodeToColumn.insert(QString::fromStdString(node), QString::fromStdString(column));
  QStringList unmapped;
  if (dataset != nullptr)
    for (const auto& node : mapping_.unmappedNodes()) unmapped << QString::fromStdString(node);
  Q_EMIT mappingChanged(nodeToColumn, unmapped);
}

void DataWorkspace::scheduleIdentification(const graph::CausalGraph& g) {
  questionRevision_ = graphRevision_;
  questionWatcher_.setFuture(QtConcurrent::run([g] { return adjustmentQuestion(g); }));
}

void DataWorkspace::inputsChanged(const graph::CausalGraph& g) {
  if (data_) {
    implicationRunner_->setInputs(g, data_->dataset, mapping_.nodeToColumn(), revision_);
  }
  if (outcome_ && !estimator_->isRunning())
    estimationPanel_->settingsPanel()->showIdle(tr("The graph, data or mapping changed since the estimate shown; run "
                                                   "again to update it."));
  updateReadiness();
}

void DataWorkspace::updateReadiness() {
  QString why;
  bool ready = data_.has_value();
  if (!ready) {
    why = tr("Load data to estimate the effect.");
  } else if (!question_.ok()) {
    why = QString::fromStdString(question_.problem);
    ready = false;
  } else {
    QStringList missing;
    std::vector<std::string> needed{question_.exposure, question_.outcome};
    const auto adjustment = estimationPanel_->settingsPanel()->settings().adjustment;
    needed.insert(needed.end(), adjustment.begin(), adjustment.end());
    for (const auto& node : needed)
      if (!mapping_.columnFor(node)) missing << QString::fromStdString(node);
    if (!missing.isEmpty()) {
      ready = false;
      why = tr("No data column for %1: map it (Variables ▸ Edit Mapping…) or choose another adjustment set.")
                .arg(missing.join(QStringLiteral(", ")));
    }
  }
  estimationPanel_->settingsPanel()->setReadiness(ready, why);
  runEstimation_->setEnabled(ready && !estimator_->isRunning());
  cancelEstimation_->setEnabled(estimator_->isRunning());
}

void DataWorkspace::editMapping() {
  if (!data_) return;
  ColumnMappingDialog dialog(mapping_, data_->dataset->columnNames(), choices_, window_);
  if (dialog.exec() == QDialog::Accepted) setMappingChoices(dialog.choices());
}

void DataWorkspace::setMappingChoices(const MappingChoices& choices) {
  choices_ = choices;
  ++revision_;
  const graph::CausalGraph g = graph_();
  remap(g);
  inputsChanged(g);
}

void DataWorkspace::runEstimation() {
  updateReadiness();
  if (!runEstimation_->isEnabled()) return;
  EstimationInputs inputs;
  inputs.dataset = data_->dataset;
  inputs.nodeToColumn = mapping_.nodeToColumn();
  inputs.settings = estimationPanel_->settingsPanel()->settings();
  inputs.alternatives = question_.options;
  estimator_->run(std::move(inputs), revision_);
}

void DataWorkspace::cancelEstimation() { estimator_->cancel(); }

WorkspaceSnapshot DataWorkspace::snapshot() const {
  WorkspaceSnapshot s;
  s.graph = graph_();
  if (data_ && data_->dataset) {
    s.dataset = data_->dataset;
    s.dataPath = data_->path.toStdString();
  }
  s.mapping = mapping_;
  s.implications = implications_;
  s.estimation = outcome_;
  s.generated = QDateTime::currentDateTime().toString(Qt::ISODate).toStdString();
  s.version = version_.toStdString();
  return s;
}

void DataWorkspace::exportReportTo(const QString& path) {
  exportReport_->setEnabled(false);
  exporter_->exportReport(snapshot(), path);
}

void DataWorkspace::exportReportDialog() {
  QString selected;
  const QString base = data_ ? QFileInfo(data_->path).completeBaseName() + QStringLiteral("-report") : QStringLiteral("report");
  QString path = QFileDialog::getSaveFileName(window_, tr("Export Report"), base + QStringLiteral(".html"),
                                              tr("HTML report (*.html);;PDF report (*.pdf)"), &selected);
  if (path.isEmpty()) return;
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf"))
    path += selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf") : QStringLiteral(".html");
  exportReportTo(path);
}

}  // namespace causeway::ui
