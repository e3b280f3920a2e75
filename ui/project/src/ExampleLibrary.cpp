#include "causeway/ui/project/ExampleLibrary.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace causeway::ui {

namespace {

QString titleFor(const QString& baseName) {
  QString title = baseName;
  title.replace(QLatin1Char('-'), QLatin1Char(' '));
  if (!title.isEmpty()) title[0] = title[0].toUpper();
  if (title == QLatin1String("M bias")) title = QStringLiteral("M-bias");
  if (title == QLatin1String("Frontdoor")) title = QStringLiteral("Front-door");
  return title;
}

QString leadingComment(const QByteArray& text) {
  QStringList lines;
  for (const QByteArray& raw : text.split('\n')) {
    const QString line = QString::fromUtf8(raw).trimmed();
    if (!line.startsWith(QLatin1String("//"))) break;
    lines << line.mid(2).trimmed();
  }
  return lines.join(QLatin1Char(' '));
}

}  // namespace

QList<Example> ExampleLibrary::examples() {
  QList<Example> out;
  const QDir dir(QStringLiteral(":/examples"));
  for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.dag")}, QDir::Files, QDir::Name)) {
    Example e;
    e.resourcePath = info.filePath();
    e.title = titleFor(info.completeBaseName());
    e.description = leadingComment(read(e));
    out << e;
  }
  return out;
}

QByteArray ExampleLibrary::read(const Example& example) {
  QFile file(example.resourcePath);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll();
}

}  // namespace causeway::ui
