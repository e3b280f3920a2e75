#pragma once

#include <QWidget>

#include "causeway/database/DataSource.hpp"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace causeway::ui {

// Where the data live: PostgreSQL (host, port, database, user, password) or a SQLite file with
// Browse…. The password is never stored: it only goes into the SourceSpec handed to libpq;
// left empty, libpq's PGPASSWORD / ~/.pgpass / service files apply.
class ConnectionForm : public QWidget {
  Q_OBJECT

 public:
  explicit ConnectionForm(QWidget* parent = nullptr);

  // The connection (no table or query yet). The PostgreSQL URI is built from the fields.
  [[nodiscard]] database::SourceSpec connection() const;
  // Fills the fields from a saved location (a project's, so without password).
  void setConnection(database::SourceKind kind, const QString& location);
  // Empty when the fields are enough to connect, else what is missing.
  [[nodiscard]] QString missing() const;

  [[nodiscard]] QComboBox* kindBox() const { return kind_; }
  [[nodiscard]] QLineEdit* fileEdit() const { return file_; }
  [[nodiscard]] QLineEdit* passwordEdit() const { return password_; }

 Q_SIGNALS:
  void changed();  // any field edited: what was listed belongs to the old connection

 private:
  void browse();

  QComboBox* kind_;
  QStackedWidget* pages_;
  QLineEdit* host_;
  QSpinBox* port_;
  QLineEdit* database_;
  QLineEdit* user_;
  QLineEdit* password_;
  QLineEdit* file_;
};

}  // namespace causeway::ui
