#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include "causeway/database/DataSource.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/ui/data/LoadedData.hpp"
#include "causeway/ui/data/VariableMapping.hpp"
#include "causeway/ui/estimation/AdjustmentOptions.hpp"
#include "causeway/ui/estimation/EstimationJob.hpp"
#include "causeway/ui/estimation/ImplicationTesting.hpp"
#include "causeway/ui/estimation/WorkspaceReport.hpp"
#include "causeway/ui/estimation/WorkspaceState.hpp"

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace causeway::ui {

class ColumnMappingPanel;
class ColumnSummaryPanel;
class CsvDropFilter;
class DataLoadController;
class DataPanel;
class DiagnosticsPanel;
class EstimationController;
class EstimationPanel;
class ImplicationTestController;
class ImplicationsPanel;
class RecentFilesMenu;
class ReportExporter;

// The data and estimation side of the main window: it creates its dock
// widgets (Data, Columns, Variables, Implied Independencies, Estimation, Diagnostics) and
// actions (Open Data…, Recent Data Files, Edit Mapping…, Run / Cancel Estimation, Export
// Report…), accepts CSV files dropped on the window, and keeps everything in step with the
// graph it is given. What it knows lives in a widget-free WorkspaceState; this class builds the
// docks and actions and wires the background jobs to them. It knows the graph only through
// `graph` (a snapshot getter) and the graphChanged() slot, so it depends on no canvas or
// document class.
class DataWorkspace : public QObject {
  Q_OBJECT

 public:
  using GraphSnapshot = std::function<graph::CausalGraph()>;

  // Adds the docks to `window` (hidden until data is loaded, except Data) and installs the
  // drop filter on it. `window` owns the docks; the workspace is a child of the window.
  DataWorkspace(QMainWindow* window, GraphSnapshot graph);
  ~DataWorkspace() override;

  // ---- For the main window's menus --------------------------------------------------------
  [[nodiscard]] QAction* openDataAction() const { return openData_; }        // Ctrl+Shift+O
  [[nodiscard]] QMenu* recentDataMenu() const;                                 // Recent Data Files
  [[nodiscard]] QAction* editMappingAction() const { return editMapping_; }
  [[nodiscard]] QAction* runEstimationAction() const { return runEstimation_; }  // Ctrl+Shift+R
  [[nodiscard]] QAction* cancelEstimationAction() const { return cancelEstimation_; }
  [[nodiscard]] QAction* exportReportAction() const { return exportReport_; }  // Ctrl+Shift+E
  [[nodiscard]] const QList<QDockWidget*>& docks() const { return docks_; }
  // File: Open Data…, Recent Data Files, Export Report…; Analysis: Edit Mapping…, Run / Cancel
  // Estimation; View: one toggle per dock. Any menu may be null. The File entries go before
  // `fileBefore` when given (e.g. ahead of Quit), else at the end.
  void populateMenus(QMenu* file, QMenu* analysis, QMenu* view, QAction* fileBefore = nullptr) const;

  // ---- Hooks ----------------------------------------------------------------------------
  // Where testable implications come from (default: core identification).
  void setImplicationSource(ImplicationSource source);
  void setVersion(const QString& version) { version_ = version; }
  // Also accept drops on this widget (e.g. a canvas viewport that accepts drops itself).
  void acceptDropsOn(QWidget* widget);

  // ---- Scripted use and tests -------------------------------------------------------------
  void openData(const QString& path);
  // Reads a database table or query through the same loader (progress and cancel in the Data
  // panel); `inDatabase` turns on "Analyse in the database" for the runs on these data.
  void openDatabase(const database::SourceSpec& source, bool inDatabase);
  void runEstimation();
  void cancelEstimation();
  // Starts writing the report (.html or .pdf) in the background; reportExported() follows.
  void exportReportTo(const QString& path);
  [[nodiscard]] WorkspaceSnapshot snapshot() const;

  [[nodiscard]] const WorkspaceState& state() const { return state_; }
  [[nodiscard]] const std::optional<LoadedData>& data() const { return state_.data(); }
  [[nodiscard]] const VariableMapping& mapping() const { return state_.mapping(); }
  [[nodiscard]] const MappingChoices& mappingChoices() const { return state_.choices(); }
  void setMappingChoices(const MappingChoices& choices);
  [[nodiscard]] const std::optional<EstimationOutcome>& estimation() const { return state_.estimation(); }
  [[nodiscard]] const std::optional<ImplicationResults>& implications() const { return state_.implications(); }
  [[nodiscard]] bool isEstimating() const;
  // "Analyse in the database", as chosen when the database data were opened (kept by projects).
  [[nodiscard]] bool analyseInDatabase() const;
  void setAnalyseInDatabase(bool on);

  [[nodiscard]] DataPanel* dataPanel() const { return dataPanel_; }
  [[nodiscard]] ColumnSummaryPanel* columnsPanel() const { return columnsPanel_; }
  [[nodiscard]] ColumnMappingPanel* mappingPanel() const { return mappingPanel_; }
  [[nodiscard]] ImplicationsPanel* implicationsPanel() const { return implicationsPanel_; }
  [[nodiscard]] EstimationPanel* estimationPanel() const { return estimationPanel_; }
  [[nodiscard]] DiagnosticsPanel* diagnosticsPanel() const { return diagnosticsPanel_; }
  [[nodiscard]] DataLoadController* loader() const { return loader_; }

 public Q_SLOTS:
  // Connect the document's change signal here (GraphDocument::analysisInputChanged).
  void graphChanged();
  void openDataDialog();
  void editMapping();
  void exportReportDialog();

 Q_SIGNALS:
  // Node name -> column name, and the observed nodes without a column (for the canvas).
  void mappingChanged(const QHash<QString, QString>& nodeToColumn, const QStringList& unmappedNodes);
  // Node pairs whose implied independence the data reject (for dashed links on the canvas).
  void failingIndependenciesChanged(const QList<QPair<QString, QString>>& pairs);
  void dataLoaded(const QString& path);
  void estimationFinished();
  void estimationFailed(const QString& message);
  void estimationCancelled();
  void reportExported(const QString& path);
  void reportFailed(const QString& message);
  void statusMessage(const QString& text, int timeoutMs);

 private:
  void createDocks();
  void createActions();
  void connectData();
  void connectImplications();
  void connectEstimation();
  void emitFailingPairs();
  void onLoaded(const LoadedData& data);
  void finishLoading();
  void remap();
  void inputsChanged();
  void updateReadiness();
  void scheduleIdentification();
  void showResults();

  QMainWindow* window_;
  GraphSnapshot graphSource_;
  QString version_;
  WorkspaceState state_;

  DataLoadController* loader_ = nullptr;
  ImplicationTestController* implicationRunner_ = nullptr;
  EstimationController* estimator_ = nullptr;
  ReportExporter* exporter_ = nullptr;
  CsvDropFilter* drops_ = nullptr;
  QFutureWatcher<Result<AdjustmentQuestion>> questionWatcher_;
  quint64 questionRevision_ = 0;

  DataPanel* dataPanel_ = nullptr;
  ColumnSummaryPanel* columnsPanel_ = nullptr;
  ColumnMappingPanel* mappingPanel_ = nullptr;
  ImplicationsPanel* implicationsPanel_ = nullptr;
  EstimationPanel* estimationPanel_ = nullptr;
  DiagnosticsPanel* diagnosticsPanel_ = nullptr;
  QList<QDockWidget*> docks_;

  QAction* openData_ = nullptr;
  RecentFilesMenu* recent_ = nullptr;
  QAction* editMapping_ = nullptr;
  QAction* runEstimation_ = nullptr;
  QAction* cancelEstimation_ = nullptr;
  QAction* exportReport_ = nullptr;
};

}  // namespace causeway::ui
