#include "causeway/ui/data/ColumnMappingDialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <map>

namespace causeway::ui {
namespace {

const QString kNoColumn = QStringLiteral("(no column)");

}  // namespace

ColumnMappingDialog::ColumnMappingDialog(const VariableMapping& current, const std::vector<std::string>& columns,
                                         MappingChoices choices, QWidget* parent)
    : QDialog(parent), base_(std::move(choices)) {
  setWindowTitle(tr("Map Nodes to Columns"));
  auto* form = new QFormLayout;
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  for (const NodeMappingRow& row : current.rows) {
    if (row.latent) {
      auto* label = new QLabel(tr("latent: no column"), this);
      label->setEnabled(false);
      form->addRow(QString::fromStdString(row.node), label);
      continue;
    }
    auto* combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("mapping_") + QString::fromStdString(row.node));
    combo->addItem(kNoColumn);
    for (const auto& column : columns) combo->addItem(QString::fromStdString(column));
    combo->setCurrentIndex(row.column.empty() ? 0 : combo->findText(QString::fromStdString(row.column)));
    // What automatic matching gives without this node's choice: its current column unless the
    // user chose it.
    std::string automatic = row.status == MappingStatus::Exact || row.status == MappingStatus::IgnoringCase
                                ? row.column
                                : std::string();
    if (row.status == MappingStatus::Chosen || row.status == MappingStatus::LeftUnmapped) {
      for (const auto& column : columns)
        if (column == row.node) automatic = column;
    }
    entries_.push_back({row.node, automatic, combo});
    form->addRow(QString::fromStdString(row.node), combo);
    connect(combo, &QComboBox::currentIndexChanged, this, &ColumnMappingDialog::validate);
  }

  auto* inner = new QWidget;
  inner->setLayout(form);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(inner);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  problem_ = new QLabel(this);
  problem_->setStyleSheet(QStringLiteral("color: #c0392b"));
  problem_->setWordWrap(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("Choose the data column measuring each node. Nodes without a column cannot be "
                              "used as treatment, outcome or covariate."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  layout->addWidget(scroll, 1);
  layout->addWidget(problem_);
  layout->addWidget(buttons_);
  resize(420, std::min(640, 160 + 34 * static_cast<int>(entries_.size())));
  validate();
}

QComboBox* ColumnMappingDialog::comboFor(const QString& node) const {
  for (const Entry& e : entries_)
    if (QString::fromStdString(e.node) == node) return e.combo;
  return nullptr;
}

void ColumnMappingDialog::validate() {
  std::map<QString, QString> owner;
  QString problem;
  for (const Entry& e : entries_) {
    const QString column = e.combo->currentText();
    if (e.combo->currentIndex() == 0) continue;
    const auto [it, fresh] = owner.emplace(column, QString::fromStdString(e.node));
    if (!fresh && problem.isEmpty())
      problem = tr("Column %1 is chosen for both %2 and %3.").arg(column, it->second, QString::fromStdString(e.node));
  }
  problem_->setText(problem);
  problem_->setVisible(!problem.isEmpty());
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

MappingChoices ColumnMappingDialog::choices() const {
  MappingChoices out = base_;
  for (const Entry& e : entries_) {
    out.overrides.erase(e.node);
    out.unmapped.erase(e.node);
    if (e.combo->currentIndex() == 0) {
      if (!e.automatic.empty() || base_.unmapped.contains(e.node)) out.unmapped.insert(e.node);
      continue;
    }
    // Only picks that differ from name matching are stored, so "same name" stays visible;
    // validate() guarantees no other pick claims an automatic match's column.
    const std::string column = e.combo->currentText().toStdString();
    if (column != e.automatic) out.overrides[e.node] = column;
  }
  return out;
}

}  // namespace causeway::ui
