#pragma once

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/ui/analysis/IdentificationResult.hpp"

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace causeway::ui {

// Live identification results for the total or the direct effect (a chooser at the top): the
// adjustment sentence and the population it holds for, minimal sufficient sets and the O-set
// (click one to make it the adjusted set), whether the current adjusted set is valid (with its
// open biasing path), instruments, front-door sets, paths (click to highlight) and testable
// implications. It only displays results and reports clicks; it never edits the document.
class IdentificationPanel : public QWidget {
  Q_OBJECT

 public:
  explicit IdentificationPanel(QWidget* parent = nullptr);

  [[nodiscard]] QTreeWidget* tree() const { return tree_; }
  // Total effect (index 0) or direct effect (index 1).
  [[nodiscard]] QComboBox* effectChooser() const { return effect_; }
  [[nodiscard]] QString summaryText() const;
  [[nodiscard]] const std::optional<IdentificationResult>& result() const { return result_; }

 public Q_SLOTS:
  void showResult(const causeway::ui::IdentificationResult& result);
  void setBusy(bool busy);

 Q_SIGNALS:
  void adjustmentSetChosen(const std::vector<causeway::graph::NodeId>& ids);
  // The user asked about the other effect (total or direct).
  void effectRequested(causeway::identification::Effect effect);
  // Edges of the path to draw highlighted (empty: none).
  void pathHighlightRequested(const std::vector<causeway::graph::EdgeData>& edges);

 private:
  enum class ItemKind { None, AdjustmentSet, Path };
  void onItemClicked(QTreeWidgetItem* item);
  QTreeWidgetItem* section(const QString& title, const QString& tip);
  QTreeWidgetItem* addSetItem(QTreeWidgetItem* parent, const NodeGroup& set, const QString& label, bool current);
  QTreeWidgetItem* addPathItem(QTreeWidgetItem* parent, const PathInfo& path);
  void addNote(QTreeWidgetItem* parent, const QString& text);
  void highlightDefaultPath();

  QComboBox* effect_;
  QLabel* summary_;
  QLabel* status_;
  QTreeWidget* tree_;
  std::optional<IdentificationResult> result_;
  std::vector<NodeGroup> sets_;   // item payloads
  std::vector<PathInfo> paths_;
  QString pickedPath_;            // the path the user clicked, kept across updates by its text
};

}  // namespace causeway::ui
