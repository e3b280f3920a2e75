#include "causeway/ui/app/FileController.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>

#include "causeway/ui/app/AppSettings.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/GraphView.hpp"
#include "causeway/ui/canvas/SceneExporter.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/panels/ModelTextPanel.hpp"
#include "causeway/ui/project/ModelFiles.hpp"

namespace causeway::ui {

FileController::FileController(GraphDocument& document, GraphView& view, ModelTextPanel& text, AppSettings& settings,
                               QWidget* window)
    : QObject(window), document_(document), view_(view), text_(text), settings_(settings), window_(window) {}

QString FileController::displayName() const {
  return path_.isEmpty() ? tr("Untitled") : QFileInfo(path_).fileName();
}

void FileController::setPath(const QString& path) {
  path_ = path;
  Q_EMIT pathChanged();
}

void FileController::fail(const QString& title, const QString& message) {
  Q_EMIT statusMessage(message, 8000);
  Q_EMIT failed(message);
  if (interactive_ && window_ != nullptr && window_->isVisible()) QMessageBox::warning(window_, title, message);
}

bool FileController::maybeSave() {
  text_.applyNow();
  if (document_.undoStack()->isClean()) return true;
  const int answer = prompt_ ? prompt_()
                             : QMessageBox::question(window_, tr("Unsaved changes"),
                                                     tr("Save the changes to %1 before closing it?").arg(displayName()),
                                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                     QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void FileController::newDocument() {
  if (!maybeSave()) return;
  edits::loadModel(document_, graph::CausalGraph());
  resetProject();
  setPath({});
  Q_EMIT loaded();
  view_.resetZoom();
  view_.centerOn(0, 0);
}

void FileController::open() {
  if (!maybeSave()) return;
  const QString path =
      QFileDialog::getOpenFileName(window_, tr("Open a causal model"), settings_.lastDirectory(), openFileFilter());
  if (!path.isEmpty()) openFile(path);
}

bool FileController::openFile(const QString& path) {
  auto opened = readModelFile(path);
  if (!opened) {
    fail(tr("Cannot open"), tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(),
                                                          QString::fromStdString(opened.error().describe())));
    settings_.recentFiles().remove(path);
    return false;
  }
  loadIntoDocument(document_, *opened);
  project_ = opened->project;
  dataPath_ = opened->dataPath;
  maxSets_ = opened->canvas.maxSets;
  setPath(QFileInfo(path).absoluteFilePath());
  settings_.recentFiles().add(path);
  settings_.setLastDirectory(QFileInfo(path).absolutePath());
  Q_EMIT loaded();
  // The view is not part of a project: it opens fitted to the window.
  view_.fitToContents();
  Q_EMIT statusMessage(tr("Opened %1: %2 variables, %3 edges")
                           .arg(QFileInfo(path).fileName())
                           .arg(document_.graph().nodeCount())
                           .arg(document_.graph().edgeCount()),
                       5000);
  return true;
}

bool FileController::openRecovered(const QString& snapshotPath, const QString& originalPath) {
  auto opened = readModelFile(snapshotPath);
  if (!opened) {
    fail(tr("Cannot recover"), tr("Cannot read the recovery file %1: %2")
                                   .arg(snapshotPath, QString::fromStdString(opened.error().describe())));
    return false;
  }
  loadIntoDocument(document_, *opened);
  project_ = opened->project;
  dataPath_ = opened->dataPath;
  maxSets_ = opened->canvas.maxSets;
  setPath(originalPath.isEmpty() ? QString() : QFileInfo(originalPath).absoluteFilePath());
  // Unsaved until the user saves it; undo cannot make it "clean" again.
  document_.undoStack()->resetClean();
  Q_EMIT loaded();
  view_.fitToContents();
  Q_EMIT statusMessage(tr("Recovered unsaved changes to %1: save them to keep them").arg(displayName()), 0);
  return true;
}

Result<void> FileController::saveSnapshot(const QString& path) const {
  project::Project toSave = project_;
  QString dataPath = dataPath_;
  if (saveHook_) saveHook_(toSave, dataPath);
  return saveDocument(document_, path, toSave, dataPath, maxSets_);
}

void FileController::openExample(const Example& example) {
  if (!maybeSave()) return;
  auto opened = readModelText(ExampleLibrary::read(example), example.resourcePath);
  if (!opened) {
    fail(tr("Cannot open example"), QString::fromStdString(opened.error().describe()));
    return;
  }
  loadIntoDocument(document_, *opened);
  resetProject();
  setPath({});  // an example is a template: saving asks where
  Q_EMIT loaded();
  view_.fitToContents();
  Q_EMIT statusMessage(tr("Example: %1").arg(example.title), 5000);
}

bool FileController::save() {
  if (path_.isEmpty()) return saveAs();
  return saveTo(path_);
}

bool FileController::saveAs() {
  QString suggested = path_.isEmpty() ? settings_.lastDirectory() + QStringLiteral("/untitled.causeway") : path_;
  if (!path_.isEmpty() && fileKindOf(path_) != FileKind::Project)
    suggested = QFileInfo(path_).absolutePath() + QLatin1Char('/') + QFileInfo(path_).completeBaseName() +
                QStringLiteral(".causeway");
  QString path = QFileDialog::getSaveFileName(window_, tr("Save diagram"), suggested, saveFileFilter());
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".causeway");
  return saveTo(path);
}

void FileController::resetProject() {
  project_ = project::Project{};
  dataPath_.clear();
  maxSets_.reset();
}

bool FileController::saveTo(const QString& path) {
  text_.applyNow();
  project::Project toSave = project_;
  QString dataPath = dataPath_;
  if (saveHook_) saveHook_(toSave, dataPath);
  auto saved = saveDocument(document_, path, toSave, dataPath, maxSets_);
  if (saved && fileKindOf(path) == FileKind::Project) {
    project_ = std::move(toSave);
    dataPath_ = dataPath;
  }
  if (!saved) {
    fail(tr("Cannot save"), tr("%1\n\nThe changes are not saved and are still open: try File > Save As.")
                                .arg(QString::fromStdString(saved.error().describe())));
    return false;
  }
  // Only a project keeps everything; other formats are exports of the model.
  if (fileKindOf(path) == FileKind::Project || path_.isEmpty() || path == path_) {
    document_.undoStack()->setClean();
    setPath(QFileInfo(path).absoluteFilePath());
  }
  settings_.recentFiles().add(path);
  settings_.setLastDirectory(QFileInfo(path).absolutePath());
  Q_EMIT statusMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
  return true;
}

void FileController::exportPng() {
  const QString base = path_.isEmpty() ? settings_.lastDirectory() + QStringLiteral("/diagram")
                                       : QFileInfo(path_).absolutePath() + QLatin1Char('/') +
                                             QFileInfo(path_).completeBaseName();
  QString path = QFileDialog::getSaveFileName(window_, tr("Export PNG"), base + QStringLiteral(".png"),
                                              tr("PNG pictures (*.png)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".png");
  auto done = SceneExporter::exportPng(*view_.graphScene(), path, 2.0);
  if (!done) fail(tr("Cannot export"), QString::fromStdString(done.error().describe()));
  else Q_EMIT statusMessage(tr("Exported %1 (2\u00d7 resolution, legend included)").arg(QFileInfo(path).fileName()), 5000);
}

void FileController::exportSvg() {
  const QString base = path_.isEmpty() ? settings_.lastDirectory() + QStringLiteral("/diagram")
                                       : QFileInfo(path_).absolutePath() + QLatin1Char('/') +
                                             QFileInfo(path_).completeBaseName();
  QString path = QFileDialog::getSaveFileName(window_, tr("Export SVG"), base + QStringLiteral(".svg"),
                                              tr("SVG pictures (*.svg)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".svg");
  auto done = SceneExporter::exportSvg(*view_.graphScene(), path);
  if (!done) fail(tr("Cannot export"), QString::fromStdString(done.error().describe()));
  else Q_EMIT statusMessage(tr("Exported %1 (legend included)").arg(QFileInfo(path).fileName()), 5000);
}

void FileController::populateRecentMenu(QMenu* menu) {
  menu->clear();
  const QStringList files = settings_.recentFiles().files();
  for (const QString& file : files) {
    QAction* action = menu->addAction(QFileInfo(file).fileName());
    action->setToolTip(file);
    connect(action, &QAction::triggered, this, [this, file] {
      if (maybeSave()) openFile(file);
    });
  }
  if (files.isEmpty()) menu->addAction(tr("No recent files"))->setEnabled(false);
  else {
    menu->addSeparator();
    connect(menu->addAction(tr("Clear List")), &QAction::triggered, this, [this] { settings_.recentFiles().clear(); });
  }
}

void FileController::populateExamplesMenu(QMenu* menu) {
  menu->clear();
  for (const Example& example : ExampleLibrary::examples()) {
    QAction* action = menu->addAction(example.title);
    action->setToolTip(example.description);
    action->setStatusTip(example.description);
    connect(action, &QAction::triggered, this, [this, example] { openExample(example); });
  }
}

}  // namespace causeway::ui
