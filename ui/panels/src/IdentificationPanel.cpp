#include "causeway/ui/panels/IdentificationPanel.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "AdjustmentWording.hpp"
#include "causeway/ui/canvas/CanvasStyle.hpp"

namespace causeway::ui {

namespace {

// Long lists are cut for display (the tree would cost the GUI thread tens of milliseconds).
constexpr std::size_t kShownPerSection = 200;
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kIndexRole = Qt::UserRole + 2;

// QTreeView asks for row heights without a width (QTreeView::indexRowSizeHint sets it to -1),
// which the style reads as "no width limit", so wrapped rows would stay one line high: give the
// width the row really has, the column less its indentation.
class WrappingDelegate : public QStyledItemDelegate {
 public:
  explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), view_(view) {}
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    int depth = view_->rootIsDecorated() ? 1 : 0;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) ++depth;
    QStyleOptionViewItem sized = option;
    sized.rect = QRect(0, 0, std::max(40, view_->header()->sectionSize(index.column()) - depth * view_->indentation()), 1);
    return QStyledItemDelegate::sizeHint(sized, index);
  }

 private:
  QTreeView* view_;
};

std::vector<graph::NodeId> sorted(std::vector<graph::NodeId> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

IdentificationPanel::IdentificationPanel(QWidget* parent)
    : QWidget(parent),
      effect_(new QComboBox(this)),
      summary_(new QLabel(this)),
      status_(new QLabel(this)),
      tree_(new QTreeWidget(this)) {
  setObjectName(QStringLiteral("identificationPanel"));
  effect_->setObjectName(QStringLiteral("identificationEffect"));
  effect_->addItem(tr("Total effect"), static_cast<int>(identification::Effect::Total));
  effect_->addItem(tr("Direct effect (X \u2192 Y alone)"), static_cast<int>(identification::Effect::Direct));
  effect_->setToolTip(tr("The total effect of the exposure on the outcome, or its direct effect along the X \u2192 Y "
                         "edge alone (Pearl's single-door criterion)"));
  connect(effect_, &QComboBox::activated, this, [this](int index) {
    Q_EMIT effectRequested(static_cast<identification::Effect>(effect_->itemData(index).toInt()));
  });
  summary_->setObjectName(QStringLiteral("identificationSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_->setToolTip(tr("What the diagram implies for estimating the effect of the exposure on the outcome"));
  QFont bigger = summary_->font();
  bigger.setPointSizeF(bigger.pointSizeF() * 1.08);
  summary_->setFont(bigger);
  status_->setObjectName(QStringLiteral("identificationStatus"));
  status_->setForegroundRole(QPalette::PlaceholderText);
  tree_->setObjectName(QStringLiteral("identificationTree"));
  tree_->setHeaderHidden(true);
  tree_->setColumnCount(1);
  tree_->setExpandsOnDoubleClick(true);
  // Long paths and sentences wrap to the panel's width (at 1280 px a path row would be cut off
  // or need sideways scrolling); rows then differ in height.
  tree_->setUniformRowHeights(false);
  tree_->setWordWrap(true);
  tree_->setTextElideMode(Qt::ElideNone);
  tree_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  tree_->header()->setSectionResizeMode(QHeaderView::Stretch);
  tree_->header()->setStretchLastSection(true);
  tree_->setItemDelegate(new WrappingDelegate(tree_));
  // Row heights depend on the width: lay the rows out again when the panel is resized.
  connect(tree_->header(), &QHeaderView::sectionResized, tree_, [this] { tree_->doItemsLayout(); });
  tree_->setToolTip(tr("Click a set to adjust for it; click a path to highlight it on the canvas"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  auto* question = new QHBoxLayout;
  question->addWidget(new QLabel(tr("Question:"), this));
  question->addWidget(effect_, 1);
  layout->addLayout(question);
  layout->addWidget(summary_);
  layout->addWidget(status_);
  layout->addWidget(tree_, 1);
  connect(tree_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item, int) { onItemClicked(item); });
  connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) { onItemClicked(item); });
  summary_->setText(tr("Mark an exposure (E) and an outcome (O) to see adjustment sets."));
}

QString IdentificationPanel::summaryText() const { return summary_->text(); }

void IdentificationPanel::setBusy(bool busy) {
  if (busy) status_->setText(tr("Updating\u2026"));
  else if (result_) status_->setText(tr("Up to date (%1 ms)").arg(result_->elapsedMs));
}

QTreeWidgetItem* IdentificationPanel::section(const QString& title, const QString& tip) {
  auto* item = new QTreeWidgetItem(tree_, {title});
  QFont bold = item->font(0);
  bold.setBold(true);
  item->setFont(0, bold);
  item->setToolTip(0, tip);
  item->setFlags(Qt::ItemIsEnabled);
  item->setExpanded(true);
  return item;
}

QTreeWidgetItem* IdentificationPanel::addSetItem(QTreeWidgetItem* parent, const NodeGroup& set, const QString& label,
                                                 bool current) {
  auto* item = new QTreeWidgetItem(parent, {label + (current ? tr("  \u2713 adjusted now") : QString())});
  item->setData(0, kKindRole, static_cast<int>(ItemKind::AdjustmentSet));
  item->setData(0, kIndexRole, static_cast<int>(sets_.size()));
  item->setToolTip(0, tr("Click to make %1 the adjusted set (one undoable step)").arg(set.text));
  sets_.push_back(set);
  return item;
}

QTreeWidgetItem* IdentificationPanel::addPathItem(QTreeWidgetItem* parent, const PathInfo& path) {
  QString state = path.causal ? tr("causal") : (path.open ? tr("biasing, open") : tr("biasing, closed"));
  if (!path.open && !path.closedBecause.isEmpty()) state = tr("biasing, %1").arg(path.closedBecause);
  auto* item = new QTreeWidgetItem(parent, {path.text + QStringLiteral("   (") + state + QLatin1Char(')')});
  item->setData(0, kKindRole, static_cast<int>(ItemKind::Path));
  item->setData(0, kIndexRole, static_cast<int>(paths_.size()));
  item->setToolTip(0, tr("%1 (%2)<br>Click to highlight this path on the canvas; click again to clear")
                          .arg(path.text.toHtmlEscaped(), state));
  if (!path.causal && path.open) item->setForeground(0, CanvasStyle::edgeColor(EdgeEmphasis::Biasing, palette()));
  paths_.push_back(path);
  return item;
}

void IdentificationPanel::addNote(QTreeWidgetItem* parent, const QString& text) {
  auto* item = new QTreeWidgetItem(parent, {text});
  item->setFlags(Qt::ItemIsEnabled);
  item->setToolTip(0, text);
  QFont italic = item->font(0);
  italic.setItalic(true);
  item->setFont(0, italic);
}

void IdentificationPanel::showResult(const IdentificationResult& r) {
  result_ = r;
  sets_.clear();
  paths_.clear();
  tree_->setUpdatesEnabled(false);
  tree_->clear();
  const QString adjustedHeadline = wording::adjustedHeadline(r);
  summary_->setText(adjustedHeadline.isEmpty() ? r.adjustmentSentence() : adjustedHeadline);
  if (!r.populationSentence.isEmpty()) summary_->setText(summary_->text() + QLatin1Char(' ') + r.populationSentence);
  if (r.ok) effect_->setCurrentIndex(effect_->findData(static_cast<int>(r.effect)));
  if (r.ok && r.nodeCount == 0)
    summary_->setText(tr("The model is empty. Double-click the canvas to add a variable, or type or paste a "
                         "DAGitty model into the Model Text pane."));
  setBusy(false);
  if (!r.ok) {
    tree_->setUpdatesEnabled(true);
    Q_EMIT pathHighlightRequested({});
    return;
  }
  const std::vector<graph::NodeId> adjustedNow = r.adjustedSet ? sorted(r.adjustedSet->adjusted.ids) : std::vector<graph::NodeId>{};
  auto isCurrent = [&](const NodeGroup& g) { return r.adjustedSet && sorted(g.ids) == adjustedNow; };

  const bool constrained = !adjustedHeadline.isEmpty();
  if (r.hasQuestion && r.adjustmentComputed && constrained) {
    // The sets without the user's marks first, so that "{} is sufficient" stays in view.
    auto* s = section(tr("Minimal sufficient adjustment sets"),
                      tr("Each set, adjusted for, identifies the total effect; click one to adjust for it"));
    if (r.setsIgnoringAdjusted.empty()) addNote(s, tr("None: the effect is not identifiable by adjustment"));
    for (std::size_t i = 0; i < r.setsIgnoringAdjusted.size() && i < kShownPerSection; ++i)
      addSetItem(s, r.setsIgnoringAdjusted[i], r.setsIgnoringAdjusted[i].text, isCurrent(r.setsIgnoringAdjusted[i]));
  }
  if (r.hasQuestion && r.adjustmentComputed) {
    auto* s = constrained ? section(tr("Minimal sets containing the nodes you adjusted, %1").arg(r.adjustedSet->adjusted.text),
                                    tr("The smallest valid sets that keep every node you marked adjusted (A)"))
                          : section(tr("Minimal sufficient adjustment sets"),
                                    tr("Each set, adjusted for, identifies the total effect; click one to adjust for it"));
    if (r.adjustmentSets.empty()) addNote(s, tr("None: the effect is not identifiable by adjustment"));
    for (std::size_t i = 0; i < r.adjustmentSets.size() && i < kShownPerSection; ++i)
      addSetItem(s, r.adjustmentSets[i], r.adjustmentSets[i].text, isCurrent(r.adjustmentSets[i]));
    if (r.adjustmentSets.size() > kShownPerSection || r.adjustmentTruncated)
      addNote(s, tr("Showing the first %1 of %2%3 sets")
                     .arg(formatCount(std::min(kShownPerSection, r.adjustmentSets.size())),
                          formatCount(r.adjustmentSets.size()), r.adjustmentTruncated ? tr(" or more") : QString()));
  }
  if (!r.selectedUnitSets.empty()) {
    auto* s = section(tr("Minimal sets among the selected units"),
                      tr("Valid with the selection conditioned on: they give the effect among the selected units only"));
    for (std::size_t i = 0; i < r.selectedUnitSets.size() && i < kShownPerSection; ++i)
      addSetItem(s, r.selectedUnitSets[i], r.selectedUnitSets[i].text, isCurrent(r.selectedUnitSets[i]));
  }
  if (r.optimal) {
    auto* s = section(tr("O-set (optimal adjustment set)"),
                      tr("The valid set with the smallest asymptotic variance (Henckel, Perkovi\u0107 & Maathuis)"));
    using Status = identification::OptimalSet::Status;
    switch (r.optimal->status) {
      case Status::Defined: addSetItem(s, r.optimal->nodes, r.optimal->nodes.text, isCurrent(r.optimal->nodes)); break;
      case Status::NoValidSet: addNote(s, tr("Not defined: no valid adjustment set exists")); break;
      case Status::NoCausalPath: addNote(s, tr("Not defined: no causal path from the exposure to the outcome")); break;
      case Status::NotObservable:
        addNote(s, tr("Not observable: it needs latent %1").arg(r.optimal->latent.text));
        break;
    }
  }
  if (r.adjustedSet) {
    const AdjustedSetVerdict& v = *r.adjustedSet;
    auto* s = section(tr("Your adjusted set"), tr("Nodes marked adjusted (A) on the canvas"));
    if (v.valid) {
      addNote(s, tr("%1 is sufficient: it closes every biasing path").arg(v.adjusted.text));
    } else {
      QString why = tr("%1 is not sufficient").arg(v.adjusted.text);
      if (!v.forbidden.isEmpty()) why += tr("; it adjusts for %1, an effect of the exposure").arg(v.forbidden);
      if (!v.latent.isEmpty()) why += tr("; %1 is latent").arg(v.latent);
      addNote(s, why);
      if (v.openPath) {
        auto* item = addPathItem(s, *v.openPath);
        item->setText(0, tr("Open biasing path: %1").arg(v.openPath->text));
        const QString collider = wording::colliderSentence(*v.openPath, v.adjusted);
        if (!collider.isEmpty()) addNote(s, collider);
      }
    }
  }
  if (r.frontDoorPending) {
    auto* s = section(tr("Front-door sets"), tr("Minimal sets satisfying Pearl's front-door criterion"));
    addNote(s, tr("Computing\u2026 (this search can take a while on large diagrams)"));
  } else if (r.frontDoorComputed) {
    auto* s = section(tr("Front-door sets"), tr("Minimal sets satisfying Pearl's front-door criterion"));
    if (r.frontDoorSets.empty()) addNote(s, tr("None"));
    for (std::size_t i = 0; i < r.frontDoorSets.size() && i < kShownPerSection; ++i) addNote(s, r.frontDoorSets[i].text);
    if (r.frontDoorTruncated || r.frontDoorSets.size() > kShownPerSection)
      addNote(s, tr("Showing the first %1 of %2%3 sets")
                     .arg(formatCount(std::min(kShownPerSection, r.frontDoorSets.size())),
                          formatCount(r.frontDoorSets.size()), r.frontDoorTruncated ? tr(" or more") : QString()));
  }
  if (r.instrumentsComputed) {
    auto* s = section(tr("Instrumental variables"), tr("Instruments for the exposure, conditional ones as Z | W"));
    if (r.instruments.empty()) addNote(s, tr("None"));
    for (const InstrumentInfo& i : r.instruments) addNote(s, i.text);
  }
  if (r.pathsComputed) {
    auto* s = section(tr("Paths from exposure to outcome"), tr("Click a path to highlight it on the canvas"));
    if (r.paths.empty()) addNote(s, tr("None"));
    for (std::size_t i = 0; i < r.paths.size() && i < kShownPerSection; ++i) addPathItem(s, r.paths[i]);
    if (r.pathsTruncated || r.paths.size() > kShownPerSection)
      addNote(s, tr("Showing the first %1 paths").arg(formatCount(std::min(kShownPerSection, r.paths.size()))));
    s->setExpanded(r.paths.size() <= 12);
  }
  if (r.implicationsComputed) {
    auto* s = section(tr("Testable implications"),
                      tr("Conditional independencies the model implies; check them against data"));
    if (r.implications.isEmpty())
      addNote(s, r.nodeCount < 2 ? tr("None: the model has fewer than two variables")
                                 : tr("None (every pair of variables is adjacent)"));
    const auto count = static_cast<std::size_t>(r.implications.size());
    for (std::size_t i = 0; i < count && i < kShownPerSection; ++i) addNote(s, r.implications[static_cast<qsizetype>(i)]);
    if (count > kShownPerSection || r.implicationsTruncated)
      addNote(s, tr("Showing the first %1 of %2%3 implications")
                     .arg(formatCount(std::min(kShownPerSection, count)), formatCount(count),
                          r.implicationsTruncated ? tr(" or more") : QString()));
    s->setExpanded(r.implications.size() <= 12);
  }
  if (!r.notes.isEmpty()) {
    auto* s = section(tr("Notes"), QString());
    for (const QString& note : r.notes) addNote(s, note);
  }
  tree_->setUpdatesEnabled(true);
  highlightDefaultPath();
}

void IdentificationPanel::highlightDefaultPath() {
  // Keep the user's pick while it still exists.
  if (!pickedPath_.isEmpty()) {
    for (const PathInfo& p : paths_)
      if (p.text == pickedPath_) {
        Q_EMIT pathHighlightRequested(p.edges);
        return;
      }
    pickedPath_.clear();
  }
  // Nothing picked: no highlight. Open biasing paths are drawn red (as the legend says) from the
  // result itself; the highlight colour is only for the path the user picked.
  Q_EMIT pathHighlightRequested({});
}

void IdentificationPanel::onItemClicked(QTreeWidgetItem* item) {
  if (item == nullptr) return;
  const auto kind = static_cast<ItemKind>(item->data(0, kKindRole).toInt());
  const int index = item->data(0, kIndexRole).toInt();
  if (kind == ItemKind::AdjustmentSet && index >= 0 && static_cast<std::size_t>(index) < sets_.size()) {
    Q_EMIT adjustmentSetChosen(sets_[static_cast<std::size_t>(index)].ids);
  } else if (kind == ItemKind::Path && index >= 0 && static_cast<std::size_t>(index) < paths_.size()) {
    const PathInfo& p = paths_[static_cast<std::size_t>(index)];
    pickedPath_ = pickedPath_ == p.text ? QString() : p.text;  // a second click clears it
    if (pickedPath_.isEmpty()) highlightDefaultPath();
    else Q_EMIT pathHighlightRequested(p.edges);
  }
}

}  // namespace causeway::ui
