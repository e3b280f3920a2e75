#include "causeway/ui/estimation/CustomAdjustmentDialog.hpp"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace causeway::ui {

CustomAdjustmentDialog::CustomAdjustmentDialog(const AdjustmentQuestion& question,
                                               const std::vector<std::string>& initial, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Custom Adjustment Set"));
  auto* intro = new QLabel(tr("Adjust for these variables. A set the graph does not support gives a biased "
                              "estimate; the sets listed in the panel are the valid ones."),
                           this);
  intro->setWordWrap(true);
  list_ = new QListWidget(this);
  for (const auto& node : question.observedNodes) {
    auto* item = new QListWidgetItem(QString::fromStdString(node), list_);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(std::find(initial.begin(), initial.end(), node) != initial.end() ? Qt::Checked : Qt::Unchecked);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(list_, 1);
  layout->addWidget(buttons);
}

std::vector<std::string> CustomAdjustmentDialog::selectedNodes() const {
  std::vector<std::string> out;
  for (int i = 0; i < list_->count(); ++i)
    if (list_->item(i)->checkState() == Qt::Checked) out.push_back(list_->item(i)->text().toStdString());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace causeway::ui
