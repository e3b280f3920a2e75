// ui_png_check FILE MIN_WIDTH MIN_HEIGHT: exits 0 only when FILE is a PNG at least that large and
// not blank (a window screenshot has many colours, and no one colour covers nearly all of it).
#include <QColor>
#include <QGuiApplication>
#include <QHash>
#include <QImage>

#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  if (argc != 4) {
    std::fprintf(stderr, "usage: ui_png_check FILE MIN_WIDTH MIN_HEIGHT\n");
    return 2;
  }
  const QImage image(QString::fromLocal8Bit(argv[1]), "PNG");
  if (image.isNull()) {
    std::printf("FAIL: %s is not a readable PNG\n", argv[1]);
    return 1;
  }
  const int minWidth = std::atoi(argv[2]), minHeight = std::atoi(argv[3]);
  if (image.width() < minWidth || image.height() < minHeight) {
    std::printf("FAIL: %s is %dx%d, smaller than %dx%d\n", argv[1], image.width(), image.height(), minWidth, minHeight);
    return 1;
  }
  QHash<QRgb, qint64> counts;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) ++counts[image.pixel(x, y)];
  qint64 commonest = 0;
  for (const qint64 n : counts) commonest = std::max(commonest, n);
  const double share = static_cast<double>(commonest) / (static_cast<double>(image.width()) * image.height());
  // A window with widgets and a diagram has hundreds of colours (text antialiasing alone gives many).
  if (counts.size() < 32 || share > 0.97) {
    std::printf("FAIL: %s looks blank: %lld colours, the commonest covers %.1f%%\n", argv[1],
                static_cast<long long>(counts.size()), 100.0 * share);
    return 1;
  }
  std::printf("PNG OK: %dx%d, %lld colours, the commonest covers %.1f%%\n", image.width(), image.height(),
              static_cast<long long>(counts.size()), 100.0 * share);
  return 0;
}
