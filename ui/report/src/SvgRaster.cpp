#include "causeway/ui/report/SvgRaster.hpp"

#include <QPainter>
#include <QSvgRenderer>

namespace causeway::ui {

QSizeF svgDisplaySize(const QByteArray& svg, double width, QSizeF fallback) {
  QSvgRenderer renderer(svg);
  QSizeF natural = renderer.isValid() ? renderer.viewBoxF().size() : QSizeF();
  if (natural.isEmpty() && renderer.isValid()) natural = renderer.defaultSize();
  if (natural.isEmpty()) natural = fallback;
  if (natural.isEmpty() || width <= 0) return fallback;
  return {width, width * natural.height() / natural.width()};
}

QImage rasterizeSvg(const QByteArray& svg, QSize pixels) {
  QSvgRenderer renderer(svg);
  if (!renderer.isValid() || pixels.isEmpty()) return {};
  renderer.setAspectRatioMode(Qt::KeepAspectRatio);
  QImage image(pixels, QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
  renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
  painter.end();
  return image;
}

}  // namespace causeway::ui
