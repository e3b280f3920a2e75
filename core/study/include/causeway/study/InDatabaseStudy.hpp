#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/database/InDatabase.hpp"
#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/study/Study.hpp"

// The one in-database engine: a causal model joined to a table that stays in its database.
// The CLI's --in-database and the desktop's "analyse in the database" switch both run it.
namespace causeway::study {

struct InDatabaseStudyRequest {
  database::SourceSpec source;
  graph::CausalGraph graph;
  std::optional<std::string> exposure;  // node names; default: the graph's exposure / outcome roles
  std::optional<std::string> outcome;
  std::optional<std::vector<std::string>> adjustmentSet;  // node names; default: the study's chooser
  std::map<std::string, std::string> columnOverrides;     // node -> column
  std::set<std::string> unmeasuredNodes;                  // nodes left without a column on purpose
  estimation::Estimand estimand = estimation::Estimand::ATE;  // ATE or ATT
  // Empty: every method. In the database: difference in means, IPW, regression adjustment (ATE
  // only), g-computation and AIPW; matching runs only on a sample (see sampleRows).
  std::vector<estimation::Method> methods;
  std::string shardKey;  // see database::InDatabaseRequest::shardKey
  // > 0: also draw this many rows at random in the database and run the in-memory study on
  // them (matching, KS, bootstrap, refuters, implication tests), labelled with the sample size.
  std::size_t sampleRows = 0;
  double sampleSeed = 0.42;  // PostgreSQL setseed(); SQLite's random() cannot be seeded
  VerdictThresholds thresholds;  // of the verdict's checks, as in StudySpec
};

struct InDatabaseSample {
  std::size_t rows = 0;
  std::string sql;     // the query that drew it
  bool seeded = true;  // false on SQLite
  StudyResult study;
  data::Dataset data;
};

struct InDatabaseStudyResult {
  database::SourceSpec source;
  std::string exposureColumn, outcomeColumn;
  estimation::Estimand estimand = estimation::Estimand::ATE;
  AdjustmentChoice adjustment;
  database::InDatabaseResult database;  // propensity, IPW, balance, outcome-model estimates
  bool differenceInMeans = false;       // asked for: database.differenceInMeans is reported
  // The implied independencies with numeric x and y, from moments computed in the database.
  std::optional<estimation::LocalTestsReport> implicationTests;
  std::size_t implicationsSkipped = 0;  // unmeasured variables, or a text x or y
  std::vector<std::pair<std::string, std::string>> notRun;  // what did not run in the database, and why
  std::optional<InDatabaseSample> sample;
  std::vector<std::string> warnings;
  // The one answer and its verdict, by the in-memory study's rule and checks on what the database
  // computed; checks that need the rows (refutations, covariate benchmarks) are not run.
  std::optional<Answer> answer;
  Verdict verdict;
  // All of the above in the in-memory study's shape (estimates with CIs and E-values, weighted
  // balance, overlap summary, implication tests, answer, verdict): what the desktop's panels show,
  // so that they never recompute what the engine computed.
  StudyResult study;
};

// The request for what a study spec asks (a project's analysis, the desktop's settings: both go
// through studySpec), on `source`: model, exposure, outcome, set, columns, estimand, methods and
// thresholds. So `causeway-cli estimate PROJECT` and the desktop's Run analyse a project that
// says "in the database" identically.
[[nodiscard]] InDatabaseStudyRequest inDatabaseRequest(const StudySpec& spec, database::SourceSpec source);

// Errors: those of the study (no exposure, unmeasured set, ...) and of database::analyseInDatabase;
// InvalidArgument for an estimand other than ATE/ATT, or when no asked method runs on sums and
// no sample is asked for. Methods that need the rows (matching) are listed in notRun.
[[nodiscard]] Result<InDatabaseStudyResult> runInDatabaseStudy(const InDatabaseStudyRequest& request,
                                                               const Progress& progress = {});

// The estimate JSON's fields where the database computed them (estimates with method, estimate,
// se, ci, n, E-values; balance rows; propensity; ess; overlap), the answer and the verdict as in
// studyJson, plus data_source, not_run and sample.
[[nodiscard]] nlohmann::json inDatabaseStudyJson(const InDatabaseStudyResult& result);

}  // namespace causeway::study
