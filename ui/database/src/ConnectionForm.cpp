#include "causeway/ui/database/ConnectionForm.hpp"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUrl>
#include <QUrlQuery>

namespace causeway::ui {
namespace {

QString encoded(const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

}  // namespace

ConnectionForm::ConnectionForm(QWidget* parent)
    : QWidget(parent),
      kind_(new QComboBox(this)),
      pages_(new QStackedWidget(this)),
      host_(new QLineEdit(this)),
      port_(new QSpinBox(this)),
      database_(new QLineEdit(this)),
      user_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      file_(new QLineEdit(this)) {
  kind_->addItem(tr("SQLite file"), static_cast<int>(database::SourceKind::Sqlite));
  kind_->addItem(tr("PostgreSQL server"), static_cast<int>(database::SourceKind::Postgres));
  kind_->setObjectName(QStringLiteral("databaseKind"));
  kind_->setToolTip(tr("Where the table lives"));

  auto* sqlite = new QWidget(pages_);
  auto* fileRow = new QHBoxLayout(sqlite);
  fileRow->setContentsMargins(0, 0, 0, 0);
  file_->setObjectName(QStringLiteral("sqliteFile"));
  file_->setPlaceholderText(tr("telemetry.db"));
  file_->setToolTip(tr("The SQLite database file (opened read-only)"));
  auto* browse = new QPushButton(tr("Browse…"), sqlite);
  browse->setToolTip(tr("Choose a SQLite file"));
  fileRow->addWidget(file_, 1);
  fileRow->addWidget(browse);
  connect(browse, &QPushButton::clicked, this, &ConnectionForm::browse);

  auto* server = new QWidget(pages_);
  auto* serverForm = new QHBoxLayout(server);
  serverForm->setContentsMargins(0, 0, 0, 0);
  host_->setObjectName(QStringLiteral("pgHost"));
  host_->setPlaceholderText(tr("localhost"));
  host_->setToolTip(tr("Server name or address; empty: the local socket"));
  port_->setRange(1, 65535);
  port_->setValue(5432);
  port_->setObjectName(QStringLiteral("pgPort"));
  database_->setObjectName(QStringLiteral("pgDatabase"));
  database_->setPlaceholderText(tr("database"));
  user_->setObjectName(QStringLiteral("pgUser"));
  user_->setPlaceholderText(tr("user"));
  password_->setObjectName(QStringLiteral("pgPassword"));
  password_->setEchoMode(QLineEdit::Password);
  password_->setPlaceholderText(tr("optional"));
  password_->setToolTip(tr("Used for this connection only and never saved. Leave empty to use libpq's "
                           "PGPASSWORD, ~/.pgpass or a service file."));
  const std::pair<QString, QWidget*> fields[] = {{tr("Host"), host_}, {tr("Port"), port_}, {tr("Database"), database_},
                                                 {tr("User"), user_}, {tr("Password"), password_}};
  for (const auto& [label, field] : fields) {
    auto* column = new QFormLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setRowWrapPolicy(QFormLayout::WrapAllRows);
    column->addRow(label, field);
    serverForm->addLayout(column, field == port_ ? 0 : 1);
  }
  pages_->addWidget(sqlite);
  pages_->addWidget(server);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(kind_, 0, Qt::AlignBottom);
  layout->addWidget(pages_, 1, Qt::AlignBottom);
  connect(kind_, &QComboBox::currentIndexChanged, pages_, &QStackedWidget::setCurrentIndex);
  connect(kind_, &QComboBox::currentIndexChanged, this, &ConnectionForm::changed);
  for (QLineEdit* edit : {host_, database_, user_, password_, file_}) connect(edit, &QLineEdit::textEdited, this, &ConnectionForm::changed);
  connect(port_, &QSpinBox::valueChanged, this, &ConnectionForm::changed);
}

void ConnectionForm::browse() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open SQLite Database"), file_->text(),
                                                    tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)"));
  if (path.isEmpty()) return;
  file_->setText(path);
  Q_EMIT changed();
}

database::SourceSpec ConnectionForm::connection() const {
  database::SourceSpec spec;
  if (kind_->currentData().toInt() == static_cast<int>(database::SourceKind::Sqlite)) {
    spec.kind = database::SourceKind::Sqlite;
    const QString file = file_->text().trimmed();
    spec.location = file.isEmpty() ? std::string() : QFileInfo(file).absoluteFilePath().toStdString();
    return spec;
  }
  spec.kind = database::SourceKind::Postgres;
  // postgresql://user@host:port/database; a socket directory goes in ?host= (it holds '/').
  const QString host = host_->text().trimmed();
  const QString user = user_->text().trimmed();
  QString uri = QStringLiteral("postgresql://");
  if (!user.isEmpty()) uri += encoded(user) + QLatin1Char('@');
  if (!host.startsWith(QLatin1Char('/'))) uri += encoded(host) + QLatin1Char(':') + QString::number(port_->value());
  uri += QLatin1Char('/') + encoded(database_->text().trimmed());
  if (host.startsWith(QLatin1Char('/')))
    uri += QStringLiteral("?host=") + encoded(host) + QStringLiteral("&port=") + QString::number(port_->value());
  spec.location = uri.toStdString();
  spec.password = password_->text().toStdString();
  return spec;
}

void ConnectionForm::setConnection(database::SourceKind kind, const QString& location) {
  kind_->setCurrentIndex(kind == database::SourceKind::Sqlite ? 0 : 1);
  if (kind == database::SourceKind::Sqlite) {
    file_->setText(location);
    return;
  }
  const QUrl url(location);
  const QUrlQuery query(url);
  host_->setText(query.hasQueryItem(QStringLiteral("host")) ? query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
                                                           : url.host());
  const QString port = query.queryItemValue(QStringLiteral("port"));
  port_->setValue(url.port() > 0 ? url.port() : port.isEmpty() ? 5432 : port.toInt());
  user_->setText(url.userName(QUrl::FullyDecoded));
  database_->setText(url.path(QUrl::FullyDecoded).mid(1));
  password_->clear();
}

QString ConnectionForm::missing() const {
  if (kind_->currentIndex() == 0) return file_->text().trimmed().isEmpty() ? tr("Choose a SQLite file.") : QString();
  return database_->text().trimmed().isEmpty() ? tr("Name the database.") : QString();
}

}  // namespace causeway::ui
