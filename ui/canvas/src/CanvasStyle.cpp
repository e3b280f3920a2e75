#include "causeway/ui/canvas/CanvasStyle.hpp"

#include <QGuiApplication>

namespace causeway::ui {

using graph::Role;

bool CanvasStyle::isDark(const QPalette& palette) {
  return palette.color(QPalette::Base).lightness() < 128;
}

QColor CanvasStyle::background(const QPalette& palette) { return palette.color(QPalette::Base); }

QColor CanvasStyle::missingDataColor(const QPalette& palette) {
  return isDark(palette) ? QColor(0xff, 0xa7, 0x26) : QColor(0xd9, 0x6c, 0x00);  // amber: a warning, not an error
}

QColor CanvasStyle::rejectedIndependenceColor(const QPalette& palette) {
  return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QFont CanvasStyle::nodeFont() {
  QFont font = QGuiApplication::font();
  font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() + 1.0 : 11.0);
  return font;
}

NodeAppearance CanvasStyle::node(graph::RoleSet roles, const QPalette& palette) {
  NodeAppearance a;
  const bool dark = isDark(palette);
  a.fill = palette.color(QPalette::Base);
  a.border = palette.color(QPalette::Text);
  a.text = palette.color(QPalette::Text);
  // Light fills carry near-black text in either theme.
  const QColor ink(0x1b, 0x1b, 0x1b);
  if (roles.has(Role::Exposure)) {
    a.fill = QColor(0xbe, 0xd4, 0x03);  // DAGitty's exposure
    a.border = QColor(0x5a, 0x66, 0x00);
    a.text = ink;
    a.borderWidth = 2.0;
    a.marker = QStringLiteral("\u25B6");
  } else if (roles.has(Role::Outcome)) {
    a.fill = QColor(0x4f, 0xb8, 0xe8);  // DAGitty's outcome blue, lightened for contrast
    a.border = QColor(0x00, 0x5b, 0x85);
    a.text = ink;
    a.borderWidth = 2.0;
    a.marker = QStringLiteral("\u25C9");
  } else if (roles.has(Role::NegativeControlOutcome) || roles.has(Role::NegativeControlExposure)) {
    // Negative controls: a violet of their own, and hollow forms of the outcome and exposure
    // markers, so they never read as the question's own exposure or outcome.
    a.fill = dark ? QColor(0x6a, 0x4c, 0x93) : QColor(0xdc, 0xcf, 0xf2);
    a.border = dark ? QColor(0xc9, 0xb3, 0xf0) : QColor(0x5b, 0x3a, 0x8c);
    a.text = dark ? palette.color(QPalette::Text) : ink;
    a.borderWidth = 2.0;
    a.marker = roles.has(Role::NegativeControlOutcome) ? QStringLiteral("\u25CE") : QStringLiteral("\u25B7");
  }
  if (roles.has(Role::Adjusted)) {
    if (!roles.has(Role::Exposure) && !roles.has(Role::Outcome)) {
      a.fill = dark ? QColor(0x5c, 0x5c, 0x5c) : QColor(0xe6, 0xe6, 0xe6);
      a.text = palette.color(QPalette::Text);
    }
    a.border = palette.color(QPalette::Text);
    a.borderWidth = 3.0;
    a.squareCorners = true;
  }
  if (roles.has(Role::Latent)) {
    a.fill = dark ? QColor(0x3a, 0x3a, 0x3a) : QColor(0xf4, 0xf4, 0xf4);
    a.border = dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x70, 0x70, 0x70);
    a.text = palette.color(QPalette::Text);
    a.dashed = true;
    a.italic = true;
  }
  if (roles.has(Role::Selected)) a.doubleBorder = true;
  return a;
}

QColor CanvasStyle::edgeColor(EdgeEmphasis emphasis, const QPalette& palette) {
  const bool dark = isDark(palette);
  switch (emphasis) {
    case EdgeEmphasis::Causal: return dark ? QColor(0x5c, 0xd6, 0x6e) : QColor(0x1e, 0x8f, 0x3a);
    case EdgeEmphasis::Biasing: return dark ? QColor(0xff, 0x6b, 0x8b) : QColor(0xc8, 0x1d, 0x4a);
    case EdgeEmphasis::Highlighted: return palette.color(QPalette::Highlight);
    case EdgeEmphasis::None: break;
  }
  QColor c = palette.color(QPalette::Text);
  c.setAlphaF(0.75);
  return c;
}

qreal CanvasStyle::edgeWidth(EdgeEmphasis emphasis) {
  switch (emphasis) {
    case EdgeEmphasis::Causal: return 2.6;
    case EdgeEmphasis::Biasing: return 2.6;
    case EdgeEmphasis::Highlighted: return 4.0;
    case EdgeEmphasis::None: break;
  }
  return 1.5;
}

}  // namespace causeway::ui
