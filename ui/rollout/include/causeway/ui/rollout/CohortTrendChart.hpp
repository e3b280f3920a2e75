#pragma once

#include <QWidget>

#include <vector>

#include "causeway/ui/rollout/CohortTrends.hpp"

namespace causeway::ui::detail {

// The outcome over time by cohort (issue 14): each cohort's mean per period as a line with its
// 95% interval shaded, and a dashed vertical line in the cohort's colour at its rollout. Painted
// from the palette so that it reads in the dark theme too.
class CohortTrendChart : public QWidget {
 public:
  explicit CohortTrendChart(QWidget* parent = nullptr);
  void setTrends(std::vector<CohortTrend> trends, std::vector<QString> periodLabels, QString outcome);
  [[nodiscard]] const std::vector<CohortTrend>& trends() const { return trends_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<CohortTrend> trends_;
  std::vector<QString> periodLabels_;
  QString outcome_;
};

}  // namespace causeway::ui::detail
