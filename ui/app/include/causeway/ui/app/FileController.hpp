#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

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

  bool openFile(const QString& path);
  bool saveTo(const QString& path);
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
  bool interactive_ = true;
};

}  // namespace causeway::ui
