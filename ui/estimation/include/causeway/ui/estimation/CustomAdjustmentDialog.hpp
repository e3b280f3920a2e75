#pragma once

#include <QDialog>

#include <string>
#include <vector>

#include "causeway/ui/estimation/AdjustmentOptions.hpp"

class QListWidget;
class QLabel;

namespace causeway::ui {

// Picks a custom adjustment set: one checkbox per observed node (exposure, outcome and latent
// nodes are not offered).
class CustomAdjustmentDialog : public QDialog {
  Q_OBJECT

 public:
  CustomAdjustmentDialog(const AdjustmentQuestion& question, const std::vector<std::string>& initial,
                         QWidget* parent = nullptr);

  [[nodiscard]] std::vector<std::string> selectedNodes() const;

 private:
  QListWidget* list_ = nullptr;
};

}  // namespace causeway::ui
