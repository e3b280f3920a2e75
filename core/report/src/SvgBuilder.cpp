#include "causeway/report/SvgBuilder.hpp"

#include <cmath>
#include <cstdio>

namespace causeway::report {

SvgBuilder::SvgBuilder(double width, double height) : width_(width), height_(height) {}

std::string SvgBuilder::escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SvgBuilder::number(double value) {
  if (!std::isfinite(value)) return "0";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string s(buffer);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

SvgBuilder& SvgBuilder::rect(double x, double y, double w, double h, std::string_view fill, std::string_view stroke,
                             double strokeWidth, double radius) {
  body_ += "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(w) + "\" height=\"" +
           number(h) + "\" fill=\"" + std::string(fill) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" +
           number(strokeWidth) + "\"";
  if (radius > 0) body_ += " rx=\"" + number(radius) + "\"";
  body_ += "/>\n";
  return *this;
}

SvgBuilder& SvgBuilder::line(double x1, double y1, double x2, double y2, std::string_view stroke, double width,
                             std::string_view dash) {
  body_ += "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\"" + number(y2) +
           "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + number(width) + "\"";
  if (!dash.empty()) body_ += " stroke-dasharray=\"" + std::string(dash) + "\"";
  body_ += "/>\n";
  return *this;
}

SvgBuilder& SvgBuilder::circle(double cx, double cy, double r, std::string_view fill, std::string_view stroke,
                               double strokeWidth) {
  body_ += "<circle cx=\"" + number(cx) + "\" cy=\"" + number(cy) + "\" r=\"" + number(r) + "\" fill=\"" +
           std::string(fill) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + number(strokeWidth) +
           "\"/>\n";
  return *this;
}

SvgBuilder& SvgBuilder::path(std::string_view d, std::string_view fill, std::string_view stroke, double width,
                             std::string_view dash, std::string_view extra) {
  body_ += "<path d=\"" + std::string(d) + "\" fill=\"" + std::string(fill) + "\" stroke=\"" + std::string(stroke) +
           "\" stroke-width=\"" + number(width) + "\"";
  if (!dash.empty()) body_ += " stroke-dasharray=\"" + std::string(dash) + "\"";
  if (!extra.empty()) body_ += " " + std::string(extra);
  body_ += "/>\n";
  return *this;
}

SvgBuilder& SvgBuilder::text(double x, double y, std::string_view content, double size, std::string_view anchor,
                             std::string_view fill, bool bold, double rotate) {
  body_ += "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" font-size=\"" + number(size) +
           "\" text-anchor=\"" + std::string(anchor) + "\" fill=\"" + std::string(fill) + "\"";
  if (bold) body_ += " font-weight=\"bold\"";
  if (rotate != 0.0)
    body_ += " transform=\"rotate(" + number(rotate) + " " + number(x) + " " + number(y) + ")\"";
  body_ += ">" + escape(content) + "</text>\n";
  return *this;
}

SvgBuilder& SvgBuilder::raw(std::string_view markup) {
  body_ += markup;
  return *this;
}

std::string SvgBuilder::str() const {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width_) + "\" height=\"" + number(height_) +
         "\" viewBox=\"0 0 " + number(width_) + " " + number(height_) +
         "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n" + body_ + "</svg>\n";
}

}  // namespace causeway::report
