#include <gtest/gtest.h>

#include "causeway/report/HtmlRenderer.hpp"

using namespace causeway::report;

TEST(HtmlRenderer, WritesEveryBlockEscapedAndSelfContained) {
  ReportDocument doc;
  doc.title = "Postmortem <INC-42>";
  doc.subtitle = "Effect of ConfigRollout on ErrorRate";
  doc.generated = "2026-11-23T18:00:00Z";
  doc.version = "0.1.0";
  Section s{"Estimates", {}};
  s.blocks.emplace_back(Paragraph{"A & B", Paragraph::Style::Warning});
  s.blocks.emplace_back(BulletList{{"one", "two"}});
  s.blocks.emplace_back(Table{"Estimates", {"method", "estimate"}, {{"IPW", "0.85"}}, "SMD uses the pooled SD"});
  s.blocks.emplace_back(Figure{"Overlap", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", 10, 10});
  s.blocks.emplace_back(CodeBlock{"dag { X -> Y }"});
  doc.sections.push_back(s);
  const std::string html = renderHtml(doc);
  EXPECT_NE(html.find("<title>Postmortem &lt;INC-42&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"warning\">A &amp; B</p>"), std::string::npos);
  EXPECT_NE(html.find("<li>two</li>"), std::string::npos);
  EXPECT_NE(html.find("<td>IPW</td><td>0.85</td>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"conventions\">Conventions: SMD uses the pooled SD</p>"), std::string::npos);
  EXPECT_NE(html.find("<figure>\n<svg xmlns"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  EXPECT_NE(html.find("<pre>dag { X -&gt; Y }</pre>"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);  // nothing external
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
}
