#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include "causeway/common/Result.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/ui/project/ExampleLibrary.hpp"

class QMenu;
class QWidget;

namespace causeway::ui {

class AppSettings;
class GraphDocument;
class GraphScene;
class GraphView;
class ModelTextPanel;

// Opening, saving and exporting, the unsaved-changes prompt, recent files and examples.
class FileController : public QObject {
  Q_OBJECT

 public:
  FileController(GraphDocument& document, GraphView& view, ModelTextPanel& text, AppSettings& settings,
                 QWidget* window);

  [[nodiscard]] const QString& currentPath() const { return path_; }
  // "m-bias.dag", or "Untitled".
  [[nodiscard]] QString displayName() const;
  // The open project's cap on listed sets (its "view.identification.maxSets"), if it has one.
  [[nodiscard]] std::optional<int> maxSets() const { return maxSets_; }

  // Asks to save unsaved changes; false means the user cancelled. Tests can replace the question.
  bool maybeSave();
  void setSavePrompt(std::function<int()> prompt) { prompt_ = std::move(prompt); }
  // Without a user at the screen (screenshots, scripts): failures are only reported by signal.
  void setInteractive(bool interactive) { interactive_ = interactive; }

  // The open project's data file (absolute; empty when none) and the project as read.
  [[nodiscard]] const QString& dataPath() const { return dataPath_; }
  [[nodiscard]] const project::Project& project() const { return project_; }
  // Called before a project is written, to fill in what other parts own (data file, mapping,
  // analysis settings).
  using SaveHook = std::function<void(project::Project& project, QString& dataPath)>;
  void setSaveHook(SaveHook hook) { saveHook_ = std::move(hook); }

  bool openFile(const QString& path);
  bool saveTo(const QString& path);
  // Crash recovery: writes what saving a project would, leaving path and unsaved state alone;
  // and opens such a snapshot as an unsaved document named after `originalPath` (may be empty).
  [[nodiscard]] Result<void> saveSnapshot(const QString& path) const;
  bool openRecovered(const QString& snapshotPath, const QString& originalPath);
  void populateRecentMenu(QMenu* menu);
  void populateExamplesMenu(QMenu* menu);

 public Q_SLOTS:
  void newDocument();
  void open();
  bool save();
  bool saveAs();
  void exportPng();
  void exportSvg();
  void openExample(const causeway::ui::Example& example);

 Q_SIGNALS:
  void loaded();  // a new model is in the document
  void pathChanged();
  void statusMessage(const QString& message, int timeoutMs);
  void failed(const QString& message);

 private:
  void setPath(const QString& path);
  void fail(const QString& title, const QString& message);
  void resetProject();

  GraphDocument& document_;
  GraphView& view_;
  ModelTextPanel& text_;
  AppSettings& settings_;
  QWidget* window_;
  QString path_;
  project::Project project_;  // the open project: what the GUI does not edit is saved back as read
  QString dataPath_;          // absolute
  std::optional<int> maxSets_;
  QMenu* recentMenu_ = nullptr;
  std::function<int()> prompt_;
  SaveHook saveHook_;
  bool interactive_ = true;
};

}  // namespace causeway::ui
