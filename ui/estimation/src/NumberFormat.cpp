#include "causeway/ui/estimation/NumberFormat.hpp"

#include "causeway/common/NumberFormat.hpp"

namespace causeway::ui {

namespace {

// The core's text, with a real minus sign for display.
QString shown(const std::string& text) {
  QString out = QString::fromStdString(text);
  if (out.startsWith(QLatin1Char('-'))) out.replace(0, 1, QChar(0x2212));
  return out;
}

}  // namespace

QString formatFixed(double value, int decimals) { return shown(format::fixed(value, decimals)); }

QString formatNumberSig(double value, int digits) { return shown(format::significant(value, digits)); }

QString formatInterval(double low, double high, int decimals) {
  return QStringLiteral("[%1, %2]").arg(formatFixed(low, decimals), formatFixed(high, decimals));
}

QString formatIntervalSig(double low, double high, int digits) {
  return QStringLiteral("[%1, %2]").arg(formatNumberSig(low, digits), formatNumberSig(high, digits));
}

QString formatPValue(double p) { return QString::fromStdString(format::pValue(p)); }

QString formatPercent(double fraction, int decimals) { return QString::fromStdString(format::percent(fraction, decimals)); }

}  // namespace causeway::ui
