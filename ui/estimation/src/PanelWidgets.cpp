#include "PanelWidgets.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace causeway::ui::detail {

QLabel* noteLabel(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  QFont small = label->font();
  small.setPointSizeF(small.pointSizeF() * 0.88);
  label->setFont(small);
  label->setForegroundRole(QPalette::PlaceholderText);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  return label;
}

QWidget* scrollingNote(QLabel* label, int lines) {
  auto* scroll = new QScrollArea;
  scroll->setWidget(label);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMaximumHeight(label->fontMetrics().lineSpacing() * lines + 6);
  scroll->viewport()->setAutoFillBackground(false);
  label->setAutoFillBackground(false);
  return scroll;
}

QTableView* compactTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setObjectName(objectName);
  view->setModel(model);
  view->verticalHeader()->hide();
  view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  view->horizontalHeader()->setStretchLastSection(true);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setWordWrap(false);
  return view;
}

void fitTableHeight(QTableView* view, int minRows, int maxRows) {
  const int rows = std::clamp(view->model() ? view->model()->rowCount() : 0, minRows, maxRows);
  const int height = view->horizontalHeader()->sizeHint().height() + rows * view->verticalHeader()->defaultSectionSize() +
                     2 * view->frameWidth() + (view->horizontalScrollBar()->isVisible() ? view->horizontalScrollBar()->height() : 0) + 2;
  view->setMaximumHeight(height);
  view->setMinimumHeight(std::min(height, view->horizontalHeader()->sizeHint().height() +
                                              minRows * view->verticalHeader()->defaultSectionSize() + 4));
}

QString shortMethodName(estimation::Method method) {
  switch (method) {
    case estimation::Method::DifferenceInMeans: return QStringLiteral("Difference in means");
    case estimation::Method::RegressionAdjustment: return QStringLiteral("Regression");
    case estimation::Method::GComputation: return QStringLiteral("G-computation");
    case estimation::Method::Ipw: return QStringLiteral("IPW (Hájek)");
    case estimation::Method::Matching: return QStringLiteral("Matching");
    case estimation::Method::Aipw: return QStringLiteral("AIPW");
  }
  return {};
}

}  // namespace causeway::ui::detail
