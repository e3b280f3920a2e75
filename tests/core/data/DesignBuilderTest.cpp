#include <cctype>
#include <ostream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CsvTestSupport.hpp"
#include "causeway/data/DesignBuilder.hpp"

namespace causeway::data {
namespace {

using testing::IsError;
using testing::parseCsv;
using Names = std::vector<std::string>;

Design buildOk(const Dataset& data, std::string_view treatment, std::string_view outcome, const Names& covariates,
               const DesignOptions& options = {}) {
  auto result = buildDesign(data, treatment, outcome, covariates, options);
  if (!result) throw std::runtime_error(result.error().describe());
  return std::move(result).value();
}

Error buildError(const Dataset& data, std::string_view treatment, std::string_view outcome, const Names& covariates,
                 const DesignOptions& options = {}) {
  auto result = buildDesign(data, treatment, outcome, covariates, options);
  if (result) throw std::runtime_error("expected an error");
  return std::move(result).error();
}

const Dataset& sample() {
  static const Dataset data = parseCsv(
      "treat,y,age,race,constant\n"
      "1,10,30,black,5\n"
      "0,12,25,white,5\n"
      "1,15,40,hispan,5\n"
      "0,9,35,white,5\n"
      "1,,50,black,5\n"
      "0,11,NA,hispan,5\n");
  return data;
}

TEST(DesignBuilder, CompleteCasesAndDummies) {
  const Design design = buildOk(sample(), "treat", "y", {"age", "race"});
  EXPECT_EQ(design.treatmentName, "treat");
  EXPECT_EQ(design.outcomeName, "y");
  EXPECT_EQ(design.size(), 4);
  EXPECT_EQ(design.rows, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(design.rowsDropped, 2U);
  EXPECT_EQ(design.missingByVariable,
            (std::vector<std::pair<std::string, std::size_t>>{{"treat", 0}, {"y", 1}, {"age", 1}, {"race", 0}}));
  EXPECT_EQ(design.covariateNames, (Names{"age", "racehispan", "racewhite"}));
  EXPECT_EQ(design.covariateSources, (Names{"age", "race", "race"}));
  EXPECT_EQ(design.referenceLevels, (std::vector<std::pair<std::string, std::string>>{{"race", "black"}}));
  EXPECT_EQ(design.treatedLabel, "1");
  EXPECT_EQ(design.controlLabel, "0");
  Eigen::MatrixXd expected(4, 3);
  expected << 30, 0, 0,  //
      25, 0, 1,          //
      40, 1, 0,          //
      35, 0, 1;
  EXPECT_EQ(design.covariates, expected);
  EXPECT_EQ(design.treatment, (Eigen::VectorXd(4) << 1, 0, 1, 0).finished());
  EXPECT_EQ(design.outcome, (Eigen::VectorXd(4) << 10, 12, 15, 9).finished());
}

TEST(DesignBuilder, NoCovariates) {
  const Design design = buildOk(sample(), "treat", "y", {});
  EXPECT_EQ(design.size(), 5);
  EXPECT_EQ(design.covariates.cols(), 0);
  EXPECT_EQ(design.rowsDropped, 1U);
}

TEST(DesignBuilder, NamesResolveIgnoringCase) {
  const Design design = buildOk(sample(), "TREAT", "Y", {"Race"});
  EXPECT_EQ(design.treatmentName, "treat");
  EXPECT_EQ(design.covariateSources, (Names{"race", "race"}));
}

TEST(DesignBuilder, ReferenceLevelIsTheFirstPresentAfterCompleteCases) {
  const Dataset data = parseCsv("t,y,g\n1,1,b\n0,2,c\n1,3,b\n0,4,c\n1,NA,a\n");
  const Design design = buildOk(data, "t", "y", {"g"});
  EXPECT_EQ(design.covariateNames, Names{"gc"});
  EXPECT_EQ(design.referenceLevels, (std::vector<std::pair<std::string, std::string>>{{"g", "b"}}));
}

struct TreatmentCase {
  const char* values;  // four cells
  const char* treated;
  const char* control;
};

void PrintTo(const TreatmentCase& c, std::ostream* out) { *out << '"' << c.values << '"'; }

class DesignTreatmentCoding : public ::testing::TestWithParam<TreatmentCase> {};

TEST_P(DesignTreatmentCoding, DecidesWhichValueIsTreated) {
  const TreatmentCase& c = GetParam();
  std::string text = "t,y\n";
  std::string values = c.values;
  for (std::size_t i = 0, start = 0; i < 4; ++i) {
    const std::size_t comma = values.find(' ', start);
    text += values.substr(start, comma - start) + "," + std::to_string(i) + "\n";
    start = comma + 1;
  }
  const Dataset data = parseCsv(text);
  const Design design = buildOk(data, "t", "y", {});
  EXPECT_EQ(design.treatedLabel, c.treated);
  EXPECT_EQ(design.controlLabel, c.control);
  for (Eigen::Index i = 0; i < design.size(); ++i) {
    const bool treated = data.column(0).cellText(static_cast<std::size_t>(i)) == c.treated;
    EXPECT_EQ(design.treatment(i), treated ? 1.0 : 0.0);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Codings, DesignTreatmentCoding,
    ::testing::Values(TreatmentCase{"0 1 1 0", "1", "0"}, TreatmentCase{"yes no no yes", "yes", "no"},
                      TreatmentCase{"TRUE FALSE TRUE FALSE", "TRUE", "FALSE"},
                      TreatmentCase{"Treated Control Control Treated", "Treated", "Control"},
                      TreatmentCase{"control treatment control treatment", "treatment", "control"},
                      // Sorted by bytes the control comes first in these three: the old guess
                      // ("the later level is treated") flipped their sign.
                      TreatmentCase{"untreated treated treated untreated", "treated", "untreated"},
                      TreatmentCase{"exposed unexposed unexposed exposed", "exposed", "unexposed"},
                      TreatmentCase{"control active active control", "active", "control"}),
    [](const ::testing::TestParamInfo<TreatmentCase>& param) {
      std::string name = std::string("treated_") + param.param.treated + "_control_" + param.param.control;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(DesignBuilder, TreatedValueOverride) {
  const Dataset data = parseCsv("t,y\na,1\nb,2\n");
  DesignOptions options;
  options.treatedValue = "a";
  const Design design = buildOk(data, "t", "y", {}, options);
  EXPECT_EQ(design.treatedLabel, "a");
  EXPECT_EQ(design.treatment, (Eigen::VectorXd(2) << 1, 0).finished());
  DesignOptions numeric;
  numeric.treatedValue = "1.0";
  EXPECT_EQ(buildOk(parseCsv("t,y\n1,1\n2,2\n"), "t", "y", {}, numeric).treatedLabel, "1");
  options.treatedValue = "c";
  EXPECT_THAT(
      buildError(data, "t", "y", {}, options),
      IsError(ErrorCode::InvalidArgument, "treated value 'c' is not a value of treatment 't' (a, b)", 0, 0, "t"));
}

// Any other pair is refused, asking which value is treated, instead of a silent guess.
TEST(DesignBuilder, UnrecognisedTreatmentCodingAsksForTheTreatedValue) {
  const std::string hint =
      "which is not a coding Causeway recognises (0/1, true/false, yes/no, treated/untreated, treated/control, "
      "exposed/unexposed, active/control, ...): say which value is treated with --treated-value VALUE (in a project: "
      "\"analysis.treatedValue\")";
  EXPECT_THAT(buildError(parseCsv("t,y\nnew,1\nold,2\n"), "t", "y", {}),
              IsError(ErrorCode::InvalidArgument, "treatment 't' has the values 'new' and 'old', " + hint, 0, 0, "t"));
  EXPECT_THAT(buildError(parseCsv("t,y\n1,1\n2,2\n"), "t", "y", {}),
              IsError(ErrorCode::InvalidArgument, "treatment 't' has the values '1' and '2', " + hint, 0, 0, "t"));
  DesignOptions options;
  options.treatedValue = "old";
  const Design design = buildOk(parseCsv("t,y\nnew,1\nold,2\n"), "t", "y", {}, options);
  EXPECT_EQ(design.treatedLabel, "old");
  EXPECT_EQ(design.controlLabel, "new");
  EXPECT_EQ(design.treatment, (Eigen::VectorXd(2) << 0, 1).finished());
}

TEST(DesignBuilder, TreatmentWithOneOrManyValues) {
  EXPECT_THAT(buildError(parseCsv("t,y\n1,1\n1,2\nNA,3\n"), "t", "y", {}),
              IsError(ErrorCode::NonBinaryTreatment, "treatment 't' has only one value (1); it must have exactly two",
                      0, 0, "t"));
  EXPECT_THAT(buildError(parseCsv("t,y\n1,1\n2,2\n3,3\n4,4\n"), "t", "y", {}),
              IsError(ErrorCode::NonBinaryTreatment,
                      "treatment 't' has 4 distinct values (1, 2, 3, ...); it must have exactly two", 0, 0, "t"));
  EXPECT_THAT(buildError(parseCsv("t,y\nc,1\nb,2\na,3\n"), "t", "y", {}),
              IsError(ErrorCode::NonBinaryTreatment,
                      "treatment 't' has 3 distinct values (a, b, c); it must have exactly two", 0, 0, "t"));
}

TEST(DesignBuilder, AllMissingVariables) {
  const Dataset data = parseCsv("t,y,m,x\nNA,NA,NA,1\nNA,NA,NA,2\n");
  EXPECT_THAT(buildError(data, "t", "x", {}),
              IsError(ErrorCode::MissingData, "treatment 't' is missing in every row", 0, 0, "t"));
  const Dataset partial = parseCsv("t,y,m,x\n0,NA,NA,1\n1,NA,NA,2\n");
  EXPECT_THAT(buildError(partial, "t", "y", {}),
              IsError(ErrorCode::MissingData, "outcome 'y' is missing in every row", 0, 0, "y"));
  EXPECT_THAT(buildError(partial, "t", "x", {"m"}),
              IsError(ErrorCode::MissingData, "covariate 'm' is missing in every row", 0, 0, "m"));
}

TEST(DesignBuilder, NoCompleteCases) {
  const Dataset data = parseCsv("t,y\n1,NA\n0,NA\nNA,3\n");
  EXPECT_THAT(buildError(data, "t", "y", {}),
              IsError(ErrorCode::MissingData,
                      "no complete cases: every row is missing the treatment, the outcome or a covariate", 0, 0, ""));
}

TEST(DesignBuilder, EmptyGroupAfterCompleteCases) {
  const Dataset data = parseCsv("t,y,x\n1,1,1\n0,2,NA\n1,3,2\n");
  EXPECT_THAT(buildError(data, "t", "y", {"x"}),
              IsError(ErrorCode::EmptyGroup, "no control rows (t = 0) among the complete cases", 0, 0, "t"));
  const Dataset text = parseCsv("t,y\nyes,1\nno,NA\n");
  EXPECT_THAT(buildError(text, "t", "y", {}),
              IsError(ErrorCode::EmptyGroup, "no control rows (t = no) among the complete cases", 0, 0, "t"));
  EXPECT_THAT(buildError(parseCsv("t,y\nyes,NA\nno,1\n"), "t", "y", {}),
              IsError(ErrorCode::EmptyGroup, "no treated rows (t = yes) among the complete cases", 0, 0, "t"));
}

TEST(DesignBuilder, ConstantCovariates) {
  EXPECT_THAT(buildError(sample(), "treat", "y", {"constant"}),
              IsError(ErrorCode::Collinearity, "covariate 'constant' is constant (5) among the complete cases", 0, 0,
                      "constant"));
  // Constant only once incomplete rows are gone.
  const Dataset data = parseCsv("t,y,c,g\n1,1,5,a\n0,2,5,a\n1,NA,6,b\n");
  EXPECT_THAT(buildError(data, "t", "y", {"c"}),
              IsError(ErrorCode::Collinearity, "covariate 'c' is constant (5) among the complete cases", 0, 0, "c"));
  EXPECT_THAT(
      buildError(data, "t", "y", {"g"}),
      IsError(ErrorCode::Collinearity, "covariate 'g' has only one level ('a') among the complete cases", 0, 0, "g"));
}

TEST(DesignBuilder, UnknownAndMisusedVariables) {
  EXPECT_THAT(buildError(sample(), "nope", "y", {}),
              IsError(ErrorCode::InvalidArgument, "unknown column 'nope'", 0, 0, "nope"));
  EXPECT_THAT(buildError(sample(), "treat", "y", {"age", "wage"}),
              IsError(ErrorCode::InvalidArgument, "unknown column 'wage'", 0, 0, "wage"));
  EXPECT_THAT(buildError(sample(), "treat", "race", {}),
              IsError(ErrorCode::InvalidArgument, "outcome 'race' is not numeric: it is categorical with 3 levels", 0,
                      0, "race"));
  EXPECT_THAT(buildError(sample(), "treat", "y", {"age", "treat"}),
              IsError(ErrorCode::InvalidArgument, "treatment 'treat' is also listed as a covariate", 0, 0, "treat"));
  EXPECT_THAT(buildError(sample(), "treat", "y", {"y"}),
              IsError(ErrorCode::InvalidArgument, "outcome 'y' is also listed as a covariate", 0, 0, "y"));
  EXPECT_THAT(buildError(sample(), "treat", "y", {"age", "AGE"}),
              IsError(ErrorCode::InvalidArgument, "covariate 'age' is listed twice", 0, 0, "age"));
  EXPECT_THAT(
      buildError(sample(), "treat", "treat", {}),
      IsError(ErrorCode::InvalidArgument, "'treat' cannot be both the treatment and the outcome", 0, 0, "treat"));
}

TEST(DesignBuilder, DummyNameClashingWithACovariate) {
  const Dataset data = parseCsv("t,y,raceb,race\n1,1,5,a\n0,2,6,b\n");
  EXPECT_THAT(
      buildError(data, "t", "y", {"raceb", "race"}),
      IsError(ErrorCode::InvalidArgument,
              "design column 'raceb' (from 'race') clashes with another column of the same name", 0, 0, "race"));
}

}  // namespace
}  // namespace causeway::data
