#include "causeway/ui/project/ModelFiles.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/DotSyntax.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/ui/document/GraphEdits.hpp"

namespace causeway::ui {

namespace {

Error ioError(const QString& what, const QString& path, const QString& why) {
  return makeError(ErrorCode::IoError, (what + QStringLiteral(" '") + path + QStringLiteral("': ") + why).toStdString(),
                   {path.toStdString(), 0, 0, {}});
}

Result<QByteArray> readBytes(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return ioError(QStringLiteral("cannot open"), path, file.errorString());
  return file.readAll();
}

// Atomic: QSaveFile writes a temporary file and renames it over the target once complete.
Result<void> writeBytes(const QString& path, const QByteArray& bytes) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return ioError(QStringLiteral("cannot write"), path, file.errorString());
  if (file.write(bytes) != bytes.size() || !file.commit())
    return ioError(QStringLiteral("cannot write"), path, file.errorString());
  return Ok{};
}

}  // namespace

FileKind fileKindOf(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("causeway")) return FileKind::Project;
  if (suffix == QLatin1String("dot") || suffix == QLatin1String("gv")) return FileKind::Dot;
  return FileKind::Dagitty;
}

CanvasState parseCanvasState(const std::string& viewJson) {
  CanvasState state;
  const QJsonObject view = QJsonDocument::fromJson(QByteArray::fromStdString(viewJson)).object();
  const double scale = view.value(QStringLiteral("coordinateScale")).toDouble(0.0);
  if (scale > 0.0) state.coordinateScale = scale;
  for (const QJsonValue& v : view.value(QStringLiteral("pinned")).toArray())
    if (v.isString()) state.pinned << v.toString();
  const int maxSets = view.value(QStringLiteral("identification")).toObject().value(QStringLiteral("maxSets")).toInt(0);
  if (maxSets > 0) state.maxSets = maxSets;
  return state;
}

std::string mergeCanvasState(const std::string& viewJson, const CanvasState& state) {
  QJsonObject view = QJsonDocument::fromJson(QByteArray::fromStdString(viewJson)).object();
  if (state.coordinateScale) view.insert(QStringLiteral("coordinateScale"), *state.coordinateScale);
  QStringList pinned = state.pinned;
  pinned.sort();
  view.insert(QStringLiteral("pinned"), QJsonArray::fromStringList(pinned));
  if (state.maxSets) {
    QJsonObject identification = view.value(QStringLiteral("identification")).toObject();
    identification.insert(QStringLiteral("maxSets"), *state.maxSets);
    view.insert(QStringLiteral("identification"), identification);
  }
  return QJsonDocument(view).toJson(QJsonDocument::Compact).toStdString();
}

Result<OpenedModel> readModelText(const QByteArray& text, const QString& sourceName) {
  auto parsed = graph::parseModel(text.toStdString(), sourceName.toStdString());
  if (!parsed) return parsed.error();
  OpenedModel opened;
  opened.graph = std::move(parsed).value();
  const QByteArray start = text.trimmed().left(16).toLower();
  opened.kind = start.startsWith("digraph") || start.startsWith("strict") ? FileKind::Dot : FileKind::Dagitty;
  return opened;
}

Result<OpenedModel> readModelFile(const QString& path) {
  auto bytes = readBytes(path);
  if (!bytes) return bytes.error();
  if (fileKindOf(path) != FileKind::Project) {
    auto opened = readModelText(*bytes, path);
    if (opened) opened->kind = fileKindOf(path);
    return opened;
  }
  auto project = project::parseProject(bytes->toStdString(), path.toStdString());
  if (!project) return project.error();
  auto parsed = graph::parseModel(project->modelText, path.toStdString() + " (model.text)");
  if (!parsed) return parsed.error();
  OpenedModel opened;
  opened.kind = FileKind::Project;
  opened.graph = std::move(parsed).value();
  opened.canvas = parseCanvasState(project->viewStateJson);
  if (!project->dataPath.empty())
    opened.dataPath = QDir::cleanPath(QFileInfo(path).absoluteDir().absoluteFilePath(QString::fromStdString(project->dataPath)));
  opened.project = std::move(project).value();
  return opened;
}

void loadIntoDocument(GraphDocument& document, const OpenedModel& opened) {
  edits::loadModel(document, opened.graph, opened.canvas.coordinateScale, opened.canvas.pinned);
}

project::Project projectFromDocument(const GraphDocument& document, const QString& path, const project::Project& base,
                                     const QString& dataPath, std::optional<int> maxSets) {
  project::Project p = base;
  p.modelText = graph::writeDagitty(document.graph());
  CanvasState state;
  state.coordinateScale = document.coordinateScale();
  for (graph::NodeId id : document.pinnedNodes())
    if (document.graph().contains(id)) state.pinned << QString::fromStdString(document.graph().name(id));
  state.maxSets = maxSets;
  p.viewStateJson = mergeCanvasState(base.viewStateJson, state);
  // Re-based on the (possibly new) project folder.
  p.dataPath = dataPath.isEmpty() ? std::string() : QFileInfo(path).absoluteDir().relativeFilePath(dataPath).toStdString();
  return p;
}

Result<void> saveDocument(const GraphDocument& document, const QString& path, const project::Project& base,
                          const QString& dataPath, std::optional<int> maxSets) {
  switch (fileKindOf(path)) {
    case FileKind::Project:
      return writeBytes(path, QByteArray::fromStdString(project::serializeProject(
                                  projectFromDocument(document, path, base, dataPath, maxSets))));
    case FileKind::Dot: return writeBytes(path, QByteArray::fromStdString(graph::writeDot(document.graph())));
    case FileKind::Dagitty: return writeBytes(path, QByteArray::fromStdString(graph::writeDagitty(document.graph())));
  }
  return Ok{};
}

QString openFileFilter() {
  return QObject::tr("Causal models (*.causeway *.dag *.txt *.dot *.gv);;Causeway projects (*.causeway);;"
                     "DAGitty models (*.dag *.txt);;Graphviz DOT (*.dot *.gv);;All files (*)");
}

QString saveFileFilter() {
  return QObject::tr("Causeway project (*.causeway);;DAGitty model (*.dag);;Graphviz DOT (*.dot)");
}

}  // namespace causeway::ui
