#include "causeway/ui/canvas/GraphView.hpp"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "causeway/ui/canvas/CanvasStyle.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/NameEditor.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"
#include "causeway/ui/document/GraphEdits.hpp"

namespace causeway::ui {

namespace {

constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 6.0;

}  // namespace

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
  setObjectName(QStringLiteral("graphView"));
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
  setDragMode(QGraphicsView::RubberBandDrag);
  setRubberBandSelectionMode(Qt::IntersectsItemShape);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setResizeAnchor(QGraphicsView::AnchorViewCenter);
  setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
  // Every item sets the pen, brush and hints it uses, so the view need not save and restore
  // the painter around each of thousands of items.
  setOptimizationFlags(QGraphicsView::DontSavePainterState);
  setFocusPolicy(Qt::StrongFocus);
  viewport()->grabGesture(Qt::PinchGesture);
  viewport()->setAttribute(Qt::WA_AcceptTouchEvents);
  setWhatsThis(tr("The causal diagram. Double-click empty space to add a variable; Shift+drag from one variable "
                  "to another to draw an arrow (Ctrl+Shift for a bidirected edge); E, O, A, U, S set roles; "
                  "wheel or pinch to zoom; middle button or Space+drag to pan."));
  connect(scene_, &GraphScene::nameEditRequested, this, &GraphView::startNameEdit);
}

NameEditor* GraphView::nameEditor() const { return editor_.data(); }

void GraphView::setZoom(qreal factor, std::optional<QPointF> anchorViewportPos) {
  factor = std::clamp(factor, kMinZoom, kMaxZoom);
  const qreal current = zoom();
  if (std::abs(factor - current) < 1e-9) return;
  const QPointF anchor = anchorViewportPos.value_or(QPointF(viewport()->rect().center()));
  const QPointF sceneAnchor = mapToScene(anchor.toPoint());
  const ViewportAnchor old = transformationAnchor();
  setTransformationAnchor(QGraphicsView::NoAnchor);
  scale(factor / current, factor / current);
  // Keep the scene point under the anchor where it was.
  const QPointF moved = mapFromScene(sceneAnchor);
  const QPointF shift = moved - anchor;
  horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::lround(shift.x())));
  verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(shift.y())));
  setTransformationAnchor(old);
  placeEditor();
  Q_EMIT zoomChanged(zoom());
}

void GraphView::zoomIn() { setZoom(zoom() * 1.25); }
void GraphView::zoomOut() { setZoom(zoom() / 1.25); }
void GraphView::resetZoom() { setZoom(1.0); }

void GraphView::fitIfOffScreen() {
  const QRectF content = scene_->contentsRect();
  const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
  if (!content.isNull() && !visible.contains(content)) fitToContents();
}

void GraphView::fitToContents() {
  const QRectF content = scene_->contentsRect();
  if (content.isNull()) {
    resetTransform();
    centerOn(0, 0);
    Q_EMIT zoomChanged(zoom());
    return;
  }
  // The scene rect grows lazily (once per burst of changes): a fit right after a model replace
  // must not be clamped by the old, smaller one.
  const QRectF room = content.adjusted(-1200, -900, 1200, 900);
  if (!sceneRect().contains(room)) scene_->setSceneRect(sceneRect().united(room));
  fitInView(content.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
  // Small graphs should not be blown up to poster size.
  if (zoom() > 1.6) {
    const qreal f = 1.6 / zoom();
    scale(f, f);
  }
  if (zoom() < kMinZoom) {
    const qreal f = kMinZoom / zoom();
    scale(f, f);
  }
  centerOn(content.center());
  placeEditor();
  Q_EMIT zoomChanged(zoom());
}

bool GraphView::event(QEvent* event) {
  if (event->type() == QEvent::NativeGesture) {
    auto* native = static_cast<QNativeGestureEvent*>(event);
    if (native->gestureType() == Qt::ZoomNativeGesture) {
      setZoom(zoom() * (1.0 + native->value()), mapFromGlobal(native->globalPosition().toPoint()));
      return true;
    }
  }
  return QGraphicsView::event(event);
}

bool GraphView::viewportEvent(QEvent* event) {
  if (event->type() == QEvent::Gesture) {
    auto* gestures = static_cast<QGestureEvent*>(event);
    if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
      if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
        setZoom(zoom() * pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint().toPoint()));
      gestures->accept(pinch);
      return true;
    }
  }
  return QGraphicsView::viewportEvent(event);
}

void GraphView::wheelEvent(QWheelEvent* event) {
  const bool touchpadScroll = !event->pixelDelta().isNull() && !(event->modifiers() & Qt::ControlModifier);
  if (touchpadScroll || (event->modifiers() & Qt::ShiftModifier)) {
    QGraphicsView::wheelEvent(event);  // pan
    return;
  }
  const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
  if (delta == 0) return;
  setZoom(zoom() * std::pow(1.0015, delta), event->position());
  event->accept();
}

void GraphView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !spacePanning_) {
    spacePanning_ = true;
    setDragMode(QGraphicsView::ScrollHandDrag);
    setInteractive(false);
    event->accept();
    return;
  }
  const bool fine = event->modifiers() & Qt::ShiftModifier;
  const qreal step = fine ? 1.0 : 10.0;
  QPointF delta;
  switch (event->key()) {
    case Qt::Key_Left: delta = {-step, 0}; break;
    case Qt::Key_Right: delta = {step, 0}; break;
    case Qt::Key_Up: delta = {0, -step}; break;
    case Qt::Key_Down: delta = {0, step}; break;
    case Qt::Key_Escape:
      scene_->clearSelection();
      scene_->setTool(GraphScene::Tool::Select);
      event->accept();
      return;
    default: break;
  }
  if (!delta.isNull() && !scene_->selectedNodes().empty()) {
    scene_->nudgeSelection(delta);
    event->accept();
    return;
  }
  QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && spacePanning_) {
    spacePanning_ = false;
    setDragMode(QGraphicsView::RubberBandDrag);
    setInteractive(true);
    event->accept();
    return;
  }
  QGraphicsView::keyReleaseEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton) {
    // Pan with the middle button: hand-drag mode fed a left press.
    middlePanning_ = true;
    setDragMode(QGraphicsView::ScrollHandDrag);
    setInteractive(false);
    QMouseEvent press(QEvent::MouseButtonPress, event->position(), event->globalPosition(), Qt::LeftButton,
                      Qt::LeftButton, event->modifiers());
    QGraphicsView::mousePressEvent(&press);
    return;
  }
  QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton && middlePanning_) {
    QMouseEvent release(QEvent::MouseButtonRelease, event->position(), event->globalPosition(), Qt::LeftButton,
                        Qt::NoButton, event->modifiers());
    QGraphicsView::mouseReleaseEvent(&release);
    middlePanning_ = false;
    setDragMode(QGraphicsView::RubberBandDrag);
    setInteractive(true);
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::drawBackground(QPainter* painter, const QRectF& rect) {
  painter->fillRect(rect, CanvasStyle::background(palette()));
  if (zoom() < 0.5) return;
  // A faint dot grid helps place nodes; it follows the palette so dark themes stay dark.
  QColor dot = palette().color(QPalette::Text);
  dot.setAlphaF(0.13);
  constexpr qreal kGrid = 40.0;
  const qreal left = std::floor(rect.left() / kGrid) * kGrid;
  const qreal top = std::floor(rect.top() / kGrid) * kGrid;
  QVector<QPointF> points;
  for (qreal x = left; x < rect.right(); x += kGrid)
    for (qreal y = top; y < rect.bottom(); y += kGrid) points.append(QPointF(x, y));
  painter->setPen(QPen(dot, 2.0 / zoom()));
  painter->drawPoints(points.data(), static_cast<int>(points.size()));
}

void GraphView::scrollContentsBy(int dx, int dy) {
  QGraphicsView::scrollContentsBy(dx, dy);
  placeEditor();
}

void GraphView::startNameEdit(std::optional<graph::NodeId> id, QPointF scenePos) {
  closeEditor();
  editing_ = id;
  editPos_ = scenePos;
  editor_ = new NameEditor(viewport());
  QFont font = CanvasStyle::nodeFont();
  editor_->setFont(font);
  if (id && scene_->document().graph().contains(*id)) {
    editor_->setText(QString::fromStdString(scene_->document().graph().name(*id)));
    editor_->selectAll();
  }
  connect(editor_, &NameEditor::committed, this, &GraphView::commitName);
  connect(editor_, &NameEditor::cancelled, this, &GraphView::closeEditor);
  placeEditor();
  editor_->show();
  editor_->setFocus(Qt::OtherFocusReason);
  Q_EMIT statusMessage(id ? tr("Rename: type the new name and press Enter")
                          : tr("New variable: type its name and press Enter (Escape cancels)"),
                       0);
}

void GraphView::placeEditor() {
  NameEditor* editor = editor_.data();
  if (editor == nullptr) return;
  const QPoint centre = mapFromScene(editPos_);
  const int width = std::max(150, QFontMetrics(editor->font()).horizontalAdvance(editor->text()) + 40);
  const int height = editor->sizeHint().height();
  editor->setGeometry(centre.x() - width / 2, centre.y() - height / 2, width, height);
}

void GraphView::commitName(const QString& text) {
  if (!editor_) return;
  GraphDocument& document = scene_->document();
  const bool interactive = editor_->hasFocus();
  if (text.trimmed().isEmpty()) {
    closeEditor();
    return;
  }
  if (editing_) {
    auto renamed = edits::renameNode(document, *editing_, text);
    if (!renamed) {
      Q_EMIT statusMessage(tr("Not renamed: %1").arg(QString::fromStdString(renamed.error().message)), 6000);
      if (interactive) {
        editor_->reject();
        return;
      }
    }
    closeEditor();
    return;
  }
  auto added = edits::addNode(document, text, editPos_);
  if (!added) {
    Q_EMIT statusMessage(tr("Not added: %1").arg(QString::fromStdString(added.error().message)), 6000);
    if (interactive) {
      editor_->reject();
      return;
    }
    closeEditor();
    return;
  }
  closeEditor();
  scene_->selectNodes({*added});
  Q_EMIT statusMessage(tr("Added %1. Shift+drag from it to another variable to draw an arrow.").arg(text.trimmed()),
                       5000);
}

void GraphView::closeEditor() {
  if (!editor_) return;
  NameEditor* editor = editor_;
  editor_ = nullptr;
  editing_.reset();
  editor->disconnect(this);
  editor->hide();
  editor->deleteLater();
  setFocus(Qt::OtherFocusReason);
}

}  // namespace causeway::ui
