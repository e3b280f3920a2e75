#pragma once

#include <QDialog>

#include <vector>

#include "causeway/ui/data/VariableMapping.hpp"

class QComboBox;
class QLabel;
class QDialogButtonBox;

namespace causeway::ui {

// Edits the node ↔ column mapping: one combo per observed node listing "(no column)" and every
// column. Accepting yields the choices that differ from the automatic name matching. Two nodes
// on one column is refused (OK is disabled with a message).
class ColumnMappingDialog : public QDialog {
  Q_OBJECT

 public:
  ColumnMappingDialog(const VariableMapping& current, const std::vector<std::string>& columns,
                      MappingChoices choices, QWidget* parent = nullptr);

  [[nodiscard]] MappingChoices choices() const;
  // The combo of one node (tests drive the dialog through it); nullptr for latent nodes.
  [[nodiscard]] QComboBox* comboFor(const QString& node) const;

 private:
  void validate();

  struct Entry {
    std::string node;
    std::string automatic;  // what name matching alone would pick ("" = none)
    QComboBox* combo = nullptr;
  };
  std::vector<Entry> entries_;
  MappingChoices base_;
  QLabel* problem_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace causeway::ui
