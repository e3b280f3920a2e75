#include "causeway/ui/estimation/NumberFormat.hpp"

#include <cmath>

namespace causeway::ui {

QString formatFixed(double value, int decimals) {
  if (!std::isfinite(value)) return QStringLiteral("–");
  QString text = QString::number(value, 'f', decimals);
  if (text.startsWith(QLatin1Char('-'))) text.replace(0, 1, QChar(0x2212));  // a real minus sign
  return text == QChar(0x2212) + QString::number(0.0, 'f', decimals) ? text.mid(1) : text;
}

QString formatNumberSig(double value, int digits) {
  if (!std::isfinite(value)) return QStringLiteral("–");
  const double magnitude = std::abs(value);
  // Fixed notation with enough decimals for `digits` significant ones, never exponents for
  // the ranges estimates live in.
  const int decimals = magnitude >= 1 ? std::max(0, digits - 1 - static_cast<int>(std::floor(std::log10(magnitude))))
                                      : digits;
  return formatFixed(value, std::min(decimals, 8));
}

QString formatInterval(double low, double high, int decimals) {
  return QStringLiteral("[%1, %2]").arg(formatFixed(low, decimals), formatFixed(high, decimals));
}

QString formatIntervalSig(double low, double high, int digits) {
  return QStringLiteral("[%1, %2]").arg(formatNumberSig(low, digits), formatNumberSig(high, digits));
}

QString formatPValue(double p) {
  if (!std::isfinite(p)) return QStringLiteral("–");
  if (p < 0.001) return QStringLiteral("< 0.001");
  return QString::number(p, 'f', 3);
}

}  // namespace causeway::ui
