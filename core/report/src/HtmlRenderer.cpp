#include "causeway/report/HtmlRenderer.hpp"

#include "causeway/report/SvgBuilder.hpp"

namespace causeway::report {

namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d1d1f; max-width: 60rem;
       margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
header { border-bottom: 3px solid #2b6cb0; margin-bottom: 1.5rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
.subtitle { font-size: 1.2rem; color: #2b6cb0; margin: 0.2rem 0; }
.meta { color: #666; font-size: 0.85rem; margin-bottom: 0.8rem; }
table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: right; }
th { background: #f0f4f8; } td:first-child, th:first-child { text-align: left; }
.conventions { font-size: 0.8rem; color: #555; margin-top: 0; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #444; }
figure svg { max-width: 100%; height: auto; }
pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: 0.6rem; overflow-x: auto; font-size: 0.85rem; }
.note { color: #444; font-style: italic; }
.warning { background: #fff4e5; border-left: 4px solid #e67e22; padding: 0.4rem 0.7rem; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } figure, table { page-break-inside: avoid; } }
)";

std::string esc(const std::string& text) { return SvgBuilder::escape(text); }

// Inline SVG must not carry its own XML prolog.
std::string inlineSvg(const std::string& svg) {
  const auto start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

struct BlockWriter {
  std::string& out;

  void operator()(const Paragraph& p) const {
    const char* cls = p.style == Paragraph::Style::Note ? " class=\"note\"" : p.style == Paragraph::Style::Warning ? " class=\"warning\"" : "";
    out += "<p" + std::string(cls) + ">" + esc(p.text) + "</p>\n";
  }
  void operator()(const BulletList& list) const {
    out += "<ul>\n";
    for (const auto& item : list.items) out += "<li>" + esc(item) + "</li>\n";
    out += "</ul>\n";
  }
  void operator()(const Table& t) const {
    out += "<table>\n";
    if (!t.caption.empty()) out += "<caption>" + esc(t.caption) + "</caption>\n";
    if (!t.header.empty()) {
      out += "<thead><tr>";
      for (const auto& h : t.header) out += "<th>" + esc(h) + "</th>";
      out += "</tr></thead>\n";
    }
    out += "<tbody>\n";
    for (const auto& row : t.rows) {
      out += "<tr>";
      for (const auto& cell : row) out += "<td>" + esc(cell) + "</td>";
      out += "</tr>\n";
    }
    out += "</tbody></table>\n";
    if (!t.conventions.empty()) out += "<p class=\"conventions\">Conventions: " + esc(t.conventions) + "</p>\n";  // as the PDF
  }
  void operator()(const Figure& f) const {
    out += "<figure>\n" + inlineSvg(f.svg);
    if (!f.caption.empty()) out += "<figcaption>" + esc(f.caption) + "</figcaption>\n";
    out += "</figure>\n";
  }
  void operator()(const CodeBlock& c) const { out += "<pre>" + esc(c.text) + "</pre>\n"; }
};

}  // namespace

std::string renderHtml(const ReportDocument& document) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    esc(document.title) + "</title>\n<meta name=\"generator\" content=\"Causeway " +
                    esc(document.version) + "\">\n<style>" + kStyle + "</style>\n</head>\n<body>\n<header>\n<h1>" +
                    esc(document.title) + "</h1>\n";
  if (!document.subtitle.empty()) out += "<p class=\"subtitle\">" + esc(document.subtitle) + "</p>\n";
  out += "<p class=\"meta\">Generated " + esc(document.generated) + " by Causeway " + esc(document.version) +
         "</p>\n</header>\n";
  for (const auto& section : document.sections) {
    out += "<section>\n<h2>" + esc(section.title) + "</h2>\n";
    for (const auto& block : section.blocks) std::visit(BlockWriter{out}, block);
    out += "</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace causeway::report
