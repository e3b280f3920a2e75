#include "causeway/ui/data/CsvDropFilter.hpp"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace causeway::ui {

CsvDropFilter::CsvDropFilter(QObject* parent) : QObject(parent) {}

void CsvDropFilter::watch(QWidget* target) {
  target->setAcceptDrops(true);
  target->installEventFilter(this);
}

QString CsvDropFilter::dataFileIn(const QMimeData* mime) {
  if (mime == nullptr || !mime->hasUrls() || mime->urls().size() != 1) return {};
  const QUrl url = mime->urls().front();
  if (!url.isLocalFile()) return {};
  const QString path = url.toLocalFile();
  return suffixes().contains(QFileInfo(path).suffix().toLower()) ? path : QString();
}

bool CsvDropFilter::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
      auto* drag = static_cast<QDragMoveEvent*>(event);
      if (dataFileIn(drag->mimeData()).isEmpty()) break;
      drag->setDropAction(Qt::CopyAction);
      drag->accept();
      return true;
    }
    case QEvent::Drop: {
      auto* drop = static_cast<QDropEvent*>(event);
      const QString path = dataFileIn(drop->mimeData());
      if (path.isEmpty()) break;
      drop->setDropAction(Qt::CopyAction);
      drop->accept();
      Q_EMIT fileDropped(path);
      return true;
    }
    default: break;
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace causeway::ui
