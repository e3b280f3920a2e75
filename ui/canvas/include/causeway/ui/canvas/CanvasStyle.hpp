#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

#include "causeway/graph/Types.hpp"

namespace causeway::ui {

// How edges are drawn, from the identification results (a path the user clicked wins).
enum class EdgeEmphasis { None, Causal, Biasing, Highlighted };

// Whether a variable has a column in the loaded data (Unknown: no data loaded).
enum class NodeDataStatus { Unknown, Mapped, Missing, LatentUnmapped };

// How a node with given roles looks. Colours follow DAGitty (exposure green-yellow, outcome blue)
// and every role also has a shape or line cue, so the picture reads without colour too:
// exposure ▶ marker, outcome ◉ marker, adjusted square corners and a heavy border, latent a dashed
// border, selected a double border.
struct NodeAppearance {
  QColor fill;
  QColor border;
  QColor text;
  qreal borderWidth = 1.5;
  bool dashed = false;
  bool squareCorners = false;
  bool doubleBorder = false;
  bool italic = false;
  QString marker;  // drawn left of the name
};

// Colours and fonts of the canvas, derived from the application palette so light and dark themes
// both work; only the role fills are fixed (they carry meaning), with text colours that contrast.
class CanvasStyle {
 public:
  [[nodiscard]] static NodeAppearance node(graph::RoleSet roles, const QPalette& palette);
  [[nodiscard]] static QColor edgeColor(EdgeEmphasis emphasis, const QPalette& palette);
  [[nodiscard]] static qreal edgeWidth(EdgeEmphasis emphasis);
  [[nodiscard]] static QColor background(const QPalette& palette);
  [[nodiscard]] static QFont nodeFont();
  [[nodiscard]] static bool isDark(const QPalette& palette);
  // Badge of a variable that has no column in the data, and the dashed link of an implied
  // independence that the data reject.
  [[nodiscard]] static QColor missingDataColor(const QPalette& palette);
  [[nodiscard]] static QColor rejectedIndependenceColor(const QPalette& palette);

  static constexpr qreal kNodeHeight = 34.0;
  static constexpr qreal kMinNodeWidth = 56.0;
};

}  // namespace causeway::ui
