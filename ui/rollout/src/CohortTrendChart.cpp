#include "causeway/ui/rollout/CohortTrendChart.hpp"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace causeway::ui::detail {

namespace {

// Colour-blind-safe (Okabe–Ito) hues, readable on light and dark backgrounds; the never-treated
// are drawn in the palette's text colour.
const QColor kCohortColours[] = {QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0xCC, 0x79, 0xA7),
                                 QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2)};

// "2026-12-04T06:00:00" -> "06:00" for the legend; other labels as they are.
QString shortLabel(const QString& label) {
  QString text = label.contains(QLatin1Char('T')) ? label.section(QLatin1Char('T'), 1) : label;
  if (text.count(QLatin1Char(':')) == 2 && text.endsWith(QStringLiteral(":00"))) text.chop(3);
  return text;
}

}  // namespace

CohortTrendChart::CohortTrendChart(QWidget* parent) : QWidget(parent) { setMinimumHeight(160); }

void CohortTrendChart::setTrends(std::vector<CohortTrend> trends, std::vector<QString> periodLabels, QString outcome) {
  trends_ = std::move(trends);
  periodLabels_ = std::move(periodLabels);
  outcome_ = std::move(outcome);
  update();
}

void CohortTrendChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor text = palette().color(QPalette::WindowText);
  const int periods = static_cast<int>(periodLabels_.size());
  if (trends_.empty() || periods < 2) {
    p.setPen(text);
    p.drawText(rect(), Qt::AlignCenter, tr("The outcome by cohort appears after a run."));
    return;
  }
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& trend : trends_)
    for (int t = 0; t < periods; ++t) {
      for (double v : {trend.low[t], trend.high[t], trend.mean[t]})
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  if (!std::isfinite(lo)) return;
  if (hi - lo < 1e-12) hi = lo + 1.0;

  const QFontMetrics fm(font());
  const double margin = fm.horizontalAdvance(QStringLiteral("-00.00")) + 12;
  // The legend's entries (laid out first: the plot starts below them).
  struct Entry {
    QPointF at;
    QString label;
    QColor colour;
  };
  std::vector<Entry> legend;
  double left = margin, top = 4;
  for (std::size_t c = 0; c < trends_.size(); ++c) {
    const auto& trend = trends_[c];
    const QColor colour = trend.rolloutPeriod == -1 ? text : kCohortColours[c % std::size(kCohortColours)];
    const QString label = trend.rolloutPeriod == -1
                              ? tr("never treated (%1)").arg(trend.units)
                              : tr("rollout %1 (%2)").arg(shortLabel(periodLabels_[trend.rolloutPeriod])).arg(trend.units);
    const double w = 18 + fm.horizontalAdvance(label) + 16;
    if (left + w > width() && left > margin) {
      left = margin;
      top += fm.height() + 2;
    }
    legend.push_back({QPointF(left, top), label, colour});
    left += w;
  }
  const double plotTop = top + fm.height() + 8;
  const QRectF plot(margin, plotTop, width() - margin - 12, height() - plotTop - 2 * fm.height() - 12);
  auto x = [&](double t) { return plot.left() + plot.width() * t / (periods - 1); };
  auto y = [&](double v) { return plot.bottom() - plot.height() * (v - lo) / (hi - lo); };

  // Axes, y ticks and the first, middle and last period labels (timestamps are long).
  QColor grid = text;
  grid.setAlpha(60);
  p.setPen(grid);
  for (int k = 0; k <= 4; ++k) {
    const double v = lo + (hi - lo) * k / 4.0;
    p.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)));
    p.save();
    p.setPen(text);
    p.drawText(QRectF(0, y(v) - fm.height() / 2.0, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(v, 'f', 2));
    p.restore();
  }
  p.setPen(text);
  for (int t : {0, periods / 2, periods - 1}) {
    const Qt::Alignment align = t == 0 ? Qt::AlignLeft : (t == periods - 1 ? Qt::AlignRight : Qt::AlignHCenter);
    const double w = fm.horizontalAdvance(periodLabels_[t]) + 4;
    const double labelLeft = t == 0 ? x(t) : (t == periods - 1 ? x(t) - w : x(t) - w / 2);
    p.drawText(QRectF(labelLeft, plot.bottom() + 4, w, fm.height()), align, periodLabels_[t]);
  }

  // Bands first, then lines and rollout markers, so no band hides a line.
  for (std::size_t c = 0; c < trends_.size(); ++c) {
    const auto& trend = trends_[c];
    QColor colour = trend.rolloutPeriod == -1 ? text : kCohortColours[c % std::size(kCohortColours)];
    QPainterPath band;
    bool open = false;
    for (int t = 0; t < periods; ++t) {
      if (!std::isfinite(trend.high[t])) continue;
      open ? band.lineTo(x(t), y(trend.high[t])) : band.moveTo(x(t), y(trend.high[t]));
      open = true;
    }
    for (int t = periods - 1; t >= 0; --t)
      if (std::isfinite(trend.low[t])) band.lineTo(x(t), y(trend.low[t]));
    colour.setAlpha(50);
    p.fillPath(band, colour);
  }
  for (std::size_t c = 0; c < trends_.size(); ++c) {
    const auto& trend = trends_[c];
    const QColor colour = trend.rolloutPeriod == -1 ? text : kCohortColours[c % std::size(kCohortColours)];
    QPainterPath line;
    bool open = false;
    for (int t = 0; t < periods; ++t) {
      if (!std::isfinite(trend.mean[t])) { open = false; continue; }
      open ? line.lineTo(x(t), y(trend.mean[t])) : line.moveTo(x(t), y(trend.mean[t]));
      open = true;
    }
    p.setPen(QPen(colour, 1.4));
    p.drawPath(line);
    if (trend.rolloutPeriod >= 0) {
      p.setPen(QPen(colour, 1.4, Qt::DashLine));
      p.drawLine(QPointF(x(trend.rolloutPeriod), plot.top()), QPointF(x(trend.rolloutPeriod), plot.bottom()));
    }
  }

  for (const Entry& e : legend) {
    p.fillRect(QRectF(e.at.x(), e.at.y() + fm.height() / 2.0 - 2, 14, 4), e.colour);
    p.setPen(text);
    p.drawText(QPointF(e.at.x() + 18, e.at.y() + fm.ascent()), e.label);
  }
  p.drawText(QRectF(plot.left(), height() - fm.height() - 2, plot.width(), fm.height()), Qt::AlignHCenter,
             tr("mean %1 per period with 95% interval; dashed: each cohort's rollout").arg(outcome_));
}

}  // namespace causeway::ui::detail
