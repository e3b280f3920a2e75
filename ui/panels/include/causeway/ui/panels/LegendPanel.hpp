#pragma once

#include <QWidget>

namespace causeway::ui {

// The canvas legend as a dockable widget (drawn by LegendPainter, like the exported pictures).
class LegendPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LegendPanel(QWidget* parent = nullptr);
  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override { return sizeHint(); }

 protected:
  void paintEvent(QPaintEvent* event) override;
};

}  // namespace causeway::ui
