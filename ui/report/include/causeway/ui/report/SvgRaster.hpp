#pragma once

#include <QByteArray>
#include <QImage>
#include <QSizeF>

namespace causeway::ui {

// The aspect-correct size of an SVG drawn `width` wide: uses the SVG's own viewBox, or
// `fallback` when the SVG is unreadable or has no size.
[[nodiscard]] QSizeF svgDisplaySize(const QByteArray& svg, double width, QSizeF fallback);

// Draws an SVG document into an opaque white image of `pixels`. Returns a null image when the
// SVG cannot be parsed. Needs a QGuiApplication (text in the SVG needs the font database).
[[nodiscard]] QImage rasterizeSvg(const QByteArray& svg, QSize pixels);

}  // namespace causeway::ui
