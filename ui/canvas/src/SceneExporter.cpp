#include "causeway/ui/canvas/SceneExporter.hpp"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <functional>

#include "causeway/ui/canvas/CanvasStyle.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/LegendPainter.hpp"

namespace causeway::ui {

namespace {

constexpr qreal kMargin = 24.0;

struct Frame {
  QRectF source;  // scene area of the drawing
  QSizeF size;    // whole picture, legend included
  QPointF legendAt;
};

Frame frameFor(GraphScene& scene, bool legend) {
  Frame f;
  f.source = scene.contentsRect();
  if (f.source.isNull()) f.source = QRectF(0, 0, 200, 120);
  f.source.adjust(-kMargin, -kMargin, kMargin, kMargin);
  f.size = f.source.size();
  if (legend) {
    const QSizeF box = LegendPainter::size(QGuiApplication::font());
    f.legendAt = QPointF(f.size.width(), kMargin);
    f.size = QSizeF(f.size.width() + box.width() + kMargin, std::max(f.size.height(), box.height() + 2 * kMargin));
  }
  return f;
}

// Paints without selection marks, restoring the selection afterwards.
void paint(GraphScene& scene, QPainter& painter, const Frame& frame, bool legend) {
  const auto selected = scene.selectedItems();
  scene.clearSelection();
  const QPalette palette = scene.palette();
  painter.fillRect(QRectF(QPointF(0, 0), frame.size), CanvasStyle::background(palette));
  scene.render(&painter, QRectF(QPointF(0, 0), frame.source.size()), frame.source, Qt::KeepAspectRatio);
  if (legend) LegendPainter::paint(painter, frame.legendAt, palette, QGuiApplication::font());
  for (QGraphicsItem* item : selected) item->setSelected(true);
}

}  // namespace

Result<void> SceneExporter::exportPng(GraphScene& scene, const QString& path, double scale, bool legend) {
  const Frame frame = frameFor(scene, legend);
  QImage image((frame.size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
  if (image.isNull()) return makeError(ErrorCode::InvalidArgument, "the picture is too large to export");
  image.fill(Qt::transparent);
  {
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    paint(scene, painter, frame, legend);
  }
  if (!image.save(path, "PNG"))
    return makeError(ErrorCode::IoError, "cannot write '" + path.toStdString() + "'", {path.toStdString(), 0, 0, {}});
  return Ok{};
}

Result<void> SceneExporter::exportSvg(GraphScene& scene, const QString& path, bool legend) {
  const Frame frame = frameFor(scene, legend);
  QSvgGenerator generator;
  generator.setFileName(path);
  generator.setSize(frame.size.toSize());
  generator.setViewBox(QRectF(QPointF(0, 0), frame.size));
  generator.setTitle(QFileInfo(path).completeBaseName());
  generator.setDescription(QStringLiteral("Causal diagram drawn with Causeway"));
  QPainter painter;
  if (!painter.begin(&generator))
    return makeError(ErrorCode::IoError, "cannot write '" + path.toStdString() + "'", {path.toStdString(), 0, 0, {}});
  paint(scene, painter, frame, legend);
  painter.end();
  if (!QFileInfo::exists(path))
    return makeError(ErrorCode::IoError, "cannot write '" + path.toStdString() + "'", {path.toStdString(), 0, 0, {}});
  return Ok{};
}

}  // namespace causeway::ui
