#include "causeway/ui/sensitivity/ContourPlotWidget.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace causeway::ui {

namespace {

const QColor kCritical(0xc0, 0x39, 0x2b);

QString number(double v) { return QString::number(v, 'g', 3); }

// Data -> widget coordinates inside `area`.
struct Frame {
  QRectF area;
  double x0, x1, y0, y1;
  QPointF operator()(double x, double y) const {
    return {area.left() + (x - x0) / (x1 - x0) * area.width(), area.bottom() - (y - y0) / (y1 - y0) * area.height()};
  }
};

// About five round ticks (1, 2 or 5 times a power of ten) across [lo, hi].
std::vector<double> roundTicks(double lo, double hi) {
  std::vector<double> ticks;
  if (!(hi > lo)) return ticks;
  const double raw = (hi - lo) / 5.0, power = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
  for (double t = std::ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) ticks.push_back(std::abs(t) < 1e-9 * step ? 0.0 : t);
  return ticks;
}

void drawAxes(QPainter& p, const Frame& f, const QString& title, const QString& xLabel, const QString& yLabel,
              const QColor& text, double widgetWidth) {
  p.setPen(text);
  p.drawText(QRectF(0, 4, widgetWidth, 18), Qt::AlignCenter, title);
  p.drawLine(f.area.bottomLeft(), f.area.bottomRight());
  p.drawLine(f.area.bottomLeft(), f.area.topLeft());
  for (double fx : roundTicks(f.x0, f.x1))
    p.drawText(QRectF(f(fx, f.y0).x() - 30, f.area.bottom() + 4, 60, 16), Qt::AlignCenter, number(fx));
  for (double fy : roundTicks(f.y0, f.y1))
    p.drawText(QRectF(0, f(f.x0, fy).y() - 8, f.area.left() - 6, 16), Qt::AlignRight | Qt::AlignVCenter, number(fy));
  p.drawText(QRectF(f.area.left(), f.area.bottom() + 22, f.area.width(), 18), Qt::AlignCenter, xLabel);
  p.save();
  p.translate(12, f.area.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-f.area.height() / 2, -9, f.area.height(), 18), Qt::AlignCenter, yLabel);
  p.restore();
}

QPainterPath pathOf(const estimation::Polyline& line, const Frame& f) {
  QPainterPath path(f(line.points.front().x, line.points.front().y));
  for (const auto& pt : line.points) path.lineTo(f(pt.x, pt.y));
  return path;
}

}  // namespace

ContourPlotWidget::ContourPlotWidget(QWidget* parent) : QWidget(parent) {
  setMinimumSize(280, 240);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void ContourPlotWidget::setPlot(estimation::ContourPlot plot, std::vector<estimation::BenchmarkPoint> benchmarks,
                                bool showT) {
  plot_ = std::move(plot);
  benchmarks_ = std::move(benchmarks);
  showT_ = showT;
  extreme_.clear();
  update();
}

void ContourPlotWidget::setExtreme(std::vector<estimation::ExtremeCurve> curves) {
  plot_ = {};
  benchmarks_.clear();
  extreme_ = std::move(curves);
  update();
}

void ContourPlotWidget::clear() {
  plot_ = {};
  benchmarks_.clear();
  extreme_.clear();
  update();
}

void ContourPlotWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF area(60, 26, width() - 80, height() - 76);
  if (!plot_.xs.empty() && !plot_.ys.empty()) paintContours(p, area);
  else if (!extreme_.empty()) paintExtreme(p, area);
  else {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect(), Qt::AlignCenter, tr("No sensitivity analysis"));
  }
}

void ContourPlotWidget::paintContours(QPainter& p, const QRectF& area) {
  const Frame f{area, 0.0, plot_.xs.back(), 0.0, plot_.ys.back()};
  const QColor text = palette().color(QPalette::Text);
  drawAxes(p, f, QString::fromStdString(plot_.quantity), tr("partial R² of confounder with treatment"),
           tr("partial R² with outcome"), text, width());
  p.save();
  p.setClipRect(area.adjusted(-1, -1, 1, 1));
  for (const auto& level : plot_.levels) {
    QPen pen(level.critical ? kCritical : palette().color(QPalette::Mid), level.critical ? 2.0 : 1.0);
    if (level.critical) pen.setStyle(Qt::DashLine);
    p.setPen(pen);
    const estimation::Polyline* longest = nullptr;
    for (const auto& line : level.lines) {
      if (line.points.empty()) continue;
      p.drawPath(pathOf(line, f));
      if (!longest || line.points.size() > longest->points.size()) longest = &line;
    }
    if (longest) {
      const auto& mid = longest->points[longest->points.size() / 2];
      p.drawText(f(mid.x, mid.y) + QPointF(3, -3), number(level.level));
    }
  }
  p.restore();
  p.setPen(text);
  p.setBrush(text);
  p.drawRect(QRectF(f(0, 0) - QPointF(4, 4), QSizeF(8, 8)));
  p.drawText(f(0, 0) + QPointF(8, -6), tr("unadjusted (%1)").arg(number(plot_.values.empty() ? 0.0 : plot_.values.front())));
  p.setPen(kCritical);
  p.setBrush(kCritical);
  // Labels go above their point, or below it near the top (clear of the title), and move down
  // past any label already placed: benchmarks k = 1, 2, 3 often sit close together.
  std::vector<QRectF> placed;
  const QFontMetricsF fm(font());
  for (const auto& b : benchmarks_) {
    const QPointF c = f(std::min(b.r2dz, f.x1), std::min(b.r2yz, f.y1));
    const QPointF diamond[] = {c + QPointF(0, -5), c + QPointF(5, 0), c + QPointF(0, 5), c + QPointF(-5, 0)};
    p.drawPolygon(diamond, 4);
    const QString label = QString::fromStdString(b.label) + QStringLiteral(" (%1)").arg(number(showT_ ? b.t : b.estimate));
    const double w = fm.horizontalAdvance(label) + 4;
    const bool right = c.x() + 7 + w > area.right();  // keep the label inside the widget
    QRectF box(right ? c.x() - 7 - w : c.x() + 7, c.y() - 20 < area.top() ? c.y() + 6 : c.y() - 20, w, 16);
    for (bool moved = true; moved;) {
      moved = false;
      for (const QRectF& other : placed)
        if (box.intersects(other)) {
          box.moveTop(other.bottom() + 1);
          moved = true;
        }
    }
    placed.push_back(box);
    p.drawText(box, (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, label);
  }
}

void ContourPlotWidget::paintExtreme(QPainter& p, const QRectF& area) {
  double x1 = 0.0, lo = 0.0, hi = 0.0;
  for (const auto& c : extreme_)
    for (const auto& pt : c.points) {
      x1 = std::max(x1, pt.x);
      if (std::isfinite(pt.y)) {
        lo = std::min(lo, pt.y);
        hi = std::max(hi, pt.y);
      }
    }
  if (!(x1 > 0.0) || !(hi > lo)) return;
  const Frame f{area.adjusted(0, 0, -70, 0), 0.0, x1, lo, hi};
  const QColor text = palette().color(QPalette::Text);
  drawAxes(p, f, tr("extreme scenarios"), tr("partial R² of confounder with treatment"), tr("adjusted estimate"), text,
           width());
  p.setPen(QPen(kCritical, 1.2, Qt::DashLine));
  p.drawLine(f(0, 0), f(x1, 0));
  const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
  std::size_t k = 0;
  for (const auto& c : extreme_) {
    estimation::Polyline line;
    for (const auto& pt : c.points)
      if (std::isfinite(pt.y)) line.points.push_back(pt);
    if (line.points.empty()) continue;
    p.setPen(QPen(text, 1.5, styles[k++ % 3]));
    p.drawPath(pathOf(line, f));
    p.drawText(f(line.points.back().x, line.points.back().y) + QPointF(6, 4),
               tr("R²Y~Z = %1%").arg(std::lround(100.0 * c.r2yz)));
  }
}

}  // namespace causeway::ui
