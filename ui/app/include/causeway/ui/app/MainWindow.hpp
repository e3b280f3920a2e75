#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;

namespace causeway::ui {

class AppSettings;
class CrashRecovery;
class DataWorkspace;
class FileController;
class GraphDocument;
class GraphScene;
class GraphView;
class IdentificationPanel;
class IdentificationRunner;
class LayoutRunner;
class LegendPanel;
class MainActions;
class ModelTextPanel;
class ProjectDataLink;

// Wires the parts together: document, canvas, panels (as docks), background runners, actions and
// file handling. It holds no editing or analysis logic of its own.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  bool openFile(const QString& path);

  [[nodiscard]] GraphDocument& document() const { return *document_; }
  [[nodiscard]] GraphScene& scene() const { return *scene_; }
  [[nodiscard]] GraphView& view() const { return *view_; }
  [[nodiscard]] ModelTextPanel& modelText() const { return *modelText_; }
  [[nodiscard]] IdentificationPanel& identification() const { return *identification_; }
  [[nodiscard]] IdentificationRunner& identificationRunner() const { return *runner_; }
  [[nodiscard]] LayoutRunner& layoutRunner() const { return *layoutRunner_; }
  [[nodiscard]] FileController& files() const { return *files_; }
  [[nodiscard]] MainActions& actions() const { return *actions_; }
  [[nodiscard]] DataWorkspace& dataWorkspace() const { return *data_; }
  [[nodiscard]] CrashRecovery& recovery() const { return *recovery_; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& objectName, Qt::DockWidgetArea area);
  void connectActions();
  void connectAnalysis();
  void connectData();
  void addDatabaseEntry();
  void updateTitle();
  void updateCounts();
  void showMessage(const QString& message, int timeoutMs);
  void showShortcuts();
  void showAbout();

  GraphDocument* document_;
  GraphScene* scene_;
  GraphView* view_;
  ModelTextPanel* modelText_;
  IdentificationPanel* identification_;
  LegendPanel* legend_;
  IdentificationRunner* runner_;
  LayoutRunner* layoutRunner_;
  AppSettings* settings_;
  MainActions* actions_;
  FileController* files_;
  DataWorkspace* data_ = nullptr;
  ProjectDataLink* projectData_ = nullptr;
  CrashRecovery* recovery_ = nullptr;
  QLabel* counts_;
  QLabel* zoom_;
  bool analysisLayoutRestored_ = false;  // once per session, with the first data
  QLabel* analysisState_;
  QAction* openDatabase_ = nullptr;  // File > Open Data from Database…
};

}  // namespace causeway::ui
