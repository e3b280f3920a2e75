// A project that keeps a database source (issue 15): round trip, old files, bad fields, and
// never a password in the saved text.
#include <gtest/gtest.h>

#include "causeway/project/Project.hpp"

using namespace causeway;
using namespace causeway::project;

namespace {

Project withSource(DatabaseSource source) {
  Project p;
  p.modelText = "dag {\nX [exposure]\nY [outcome]\nX -> Y\n}\n";
  p.database = std::move(source);
  return p;
}

std::string projectText(const std::string& data) {
  return R"({"format": "causeway-project", "version": 1, "data": )" + data + "}";
}

}  // namespace

TEST(ProjectDatabase, RoundTripsTableAndQuerySources) {
  for (const DatabaseSource& source :
       {DatabaseSource{"sqlite", "data/telemetry.db", "runs", "", false},
        DatabaseSource{"postgresql", "postgresql://ann@db.example:5432/ops", "", "SELECT * FROM ops.deploys\nWHERE ok", true}}) {
    const Project p = withSource(source);
    const std::string text = serializeProject(p);
    auto back = parseProject(text);
    ASSERT_TRUE(back) << back.error().describe();
    ASSERT_TRUE(back->database.has_value());
    EXPECT_EQ(*back->database, source);
    EXPECT_EQ(serializeProject(*back), text);
  }
}

TEST(ProjectDatabase, APasswordIsNeverSaved) {
  const Project p = withSource(
      {"postgresql", "postgresql://ann:Hunter2-secret@db.example/ops?sslmode=require&password=Other-secret", "runs", "", false});
  const std::string text = serializeProject(p);
  EXPECT_EQ(text.find("Hunter2-secret"), std::string::npos) << text;
  EXPECT_EQ(text.find("Other-secret"), std::string::npos) << text;
  auto back = parseProject(text);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(back->database->location, "postgresql://ann@db.example/ops?sslmode=require");
}

TEST(ProjectDatabase, FileProjectsHaveNoSourceAndSaveAsBefore) {
  const std::string old = projectText(R"({"path": "lalonde.csv", "columnOverrides": {}})");
  auto p = parseProject(old);
  ASSERT_TRUE(p) << p.error().describe();
  EXPECT_FALSE(p->database.has_value());
  EXPECT_EQ(p->dataPath, "lalonde.csv");
  EXPECT_EQ(serializeProject(*p).find("database"), std::string::npos);
}

TEST(ProjectDatabase, BadSourcesNameTheField) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"database": {"kind": "oracle", "location": "x", "table": "t"}})", "data.database.kind"},
      {R"({"database": {"kind": "sqlite", "location": "", "table": "t"}})", "data.database.location"},
      {R"({"database": {"kind": "sqlite", "location": "a.db"}})", "exactly one of"},
      {R"({"database": {"kind": "sqlite", "location": "a.db", "table": "t", "query": "SELECT 1"}})", "exactly one of"},
      {R"({"database": {"kind": "sqlite", "location": "a.db", "table": "t", "inDatabase": "yes"}})", "data.database.inDatabase"},
      {R"({"database": {"kind": "sqlite", "location": 7, "table": "t"}})", "data.database.location"},
      {R"({"database": ["sqlite"]})", "data.database"}};
  for (const auto& [data, expected] : cases) {
    auto p = parseProject(projectText(data), "bad.causeway");
    ASSERT_FALSE(p) << data;
    EXPECT_EQ(p.error().code, ErrorCode::MalformedData) << data;
    EXPECT_NE(p.error().message.find(expected), std::string::npos) << p.error().message;
  }
}

TEST(ProjectDatabase, RelativeSqliteFilesResolveAgainstTheProject) {
  Project p = withSource({"sqlite", "data/telemetry.db", "runs", "", false});
  EXPECT_EQ(p.resolveDatabase("/work/studies/rollout.causeway")->location, "/work/studies/data/telemetry.db");
  p.database->location = "/srv/telemetry.db";
  EXPECT_EQ(p.resolveDatabase("/work/studies/rollout.causeway")->location, "/srv/telemetry.db");
  p.database = DatabaseSource{"postgresql", "postgresql://ann@db/ops", "runs", "", false};
  EXPECT_EQ(p.resolveDatabase("/work/studies/rollout.causeway")->location, "postgresql://ann@db/ops");
}
