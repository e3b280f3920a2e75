#pragma once

#include <Qt>

namespace causeway::ui {

// Extra item roles of the estimation tables: the unrounded number behind a cell (tests compare
// it with the core's), and whether a row needs attention.
enum TableRole {
  RawValueRole = Qt::UserRole + 1,
  ConcernRole = Qt::UserRole + 2,
};

}  // namespace causeway::ui

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace causeway::ui {

// Text colours for verdicts, readable on light and dark table backgrounds.
inline QColor concernColor() {
  return QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5 ? QColor(0xFF, 0x7A, 0x6E)
                                                                              : QColor(0xC0, 0x39, 0x2B);
}
inline QColor passColor() {
  return QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5 ? QColor(0x6F, 0xD0, 0x8C)
                                                                              : QColor(0x1E, 0x84, 0x49);
}

}  // namespace causeway::ui
