#pragma once

#include <QGraphicsView>
#include <QPointer>

#include <optional>

#include "causeway/graph/Types.hpp"

namespace causeway::ui {

class GraphScene;
class NameEditor;

// The canvas widget: wheel and pinch zoom around the cursor, pan (middle button, Space+drag,
// Shift+wheel or touchpad scroll), fit to view, arrow keys nudge the selection, and the
// in-place name editor the scene asks for.
class GraphView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);

  [[nodiscard]] GraphScene* graphScene() const { return scene_; }
  [[nodiscard]] qreal zoom() const { return transform().m11(); }
  // The open in-place name editor, or null.
  [[nodiscard]] NameEditor* nameEditor() const;

 public Q_SLOTS:
  void zoomIn();
  void zoomOut();
  void resetZoom();
  void fitToContents();
  // Fits when part of the diagram lies outside the visible area (after a model replace, a
  // pasted model that lands off-screen is brought into view; typing a node on screen is not).
  void fitIfOffScreen();
  void setZoom(qreal factor, std::optional<QPointF> anchorViewportPos = std::nullopt);
  void startNameEdit(std::optional<causeway::graph::NodeId> id, QPointF scenePos);

 Q_SIGNALS:
  void statusMessage(const QString& message, int timeoutMs);
  void zoomChanged(qreal zoom);

 protected:
  bool event(QEvent* event) override;
  bool viewportEvent(QEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  void scrollContentsBy(int dx, int dy) override;

 private:
  void closeEditor();
  void commitName(const QString& text);
  void placeEditor();

  GraphScene* scene_;
  QPointer<NameEditor> editor_;
  std::optional<graph::NodeId> editing_;
  QPointF editPos_;
  bool spacePanning_ = false;
  bool middlePanning_ = false;
};

}  // namespace causeway::ui
