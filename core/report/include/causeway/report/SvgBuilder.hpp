#pragma once

#include <string>
#include <string_view>

namespace causeway::report {

// Writes a standalone SVG document element by element. Coordinates are in user units
// (the viewBox); the picture scales cleanly at any DPI.
class SvgBuilder {
 public:
  SvgBuilder(double width, double height);

  SvgBuilder& rect(double x, double y, double w, double h, std::string_view fill, std::string_view stroke = "none",
                   double strokeWidth = 1.0, double radius = 0.0);
  SvgBuilder& line(double x1, double y1, double x2, double y2, std::string_view stroke, double width = 1.0,
                   std::string_view dash = {});
  SvgBuilder& circle(double cx, double cy, double r, std::string_view fill, std::string_view stroke = "none",
                     double strokeWidth = 1.0);
  SvgBuilder& path(std::string_view d, std::string_view fill, std::string_view stroke, double width = 1.0,
                   std::string_view dash = {}, std::string_view extra = {});
  // anchor: "start", "middle" or "end".
  SvgBuilder& text(double x, double y, std::string_view content, double size = 12.0, std::string_view anchor = "start",
                   std::string_view fill = "#222222", bool bold = false, double rotate = 0.0);
  SvgBuilder& raw(std::string_view markup);

  [[nodiscard]] std::string str() const;
  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }

  static std::string escape(std::string_view text);
  static std::string number(double value);  // compact fixed notation, e.g. 12.5

 private:
  double width_;
  double height_;
  std::string body_;
};

}  // namespace causeway::report
