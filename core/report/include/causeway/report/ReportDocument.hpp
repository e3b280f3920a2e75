#pragma once

#include <string>
#include <variant>
#include <vector>

namespace causeway::report {

// A report as plain structure, rendered to self-contained HTML by the core and to PDF by the
// Qt layer, so both carry exactly the same content.

struct Paragraph {
  std::string text;  // plain text; rendered escaped
  enum class Style { Normal, Note, Warning } style = Style::Normal;
};

struct BulletList {
  std::vector<std::string> items;
};

struct Table {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string conventions;  // the footnote stating how the numbers were computed
};

struct Figure {
  std::string caption;
  std::string svg;       // standalone SVG document
  double width = 640;    // intended display size in CSS pixels
  double height = 320;
};

struct CodeBlock {
  std::string text;  // e.g. the model in DAGitty syntax
};

using Block = std::variant<Paragraph, BulletList, Table, Figure, CodeBlock>;

struct Section {
  std::string title;
  std::vector<Block> blocks;
};

struct ReportDocument {
  std::string title;
  std::string subtitle;   // e.g. "Effect of ConfigRollout on ErrorRate"
  std::string generated;  // date and time, ISO 8601
  std::string version;    // Causeway's version
  std::vector<Section> sections;
};

}  // namespace causeway::report
