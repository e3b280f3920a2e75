# CLI tests of issue 11's silent wrong numbers and broken contracts (included from this folder's
# CMakeLists.txt, after cli_test). Bad CSV cells are in tests/data/bad/csv (bad-inputs.sh).

# Item 1: a treatment coded as words. Difference in means by hand from words-treatment.csv:
# treated (3 + 4 + 3.5 + 4.5) / 4 = 3.75, untreated (1 + 2 + 1.5 + 2.5) / 4 = 1.75: +2, not -2.
cli_test(estimate_treatment_words
  "\"estimate\": (1\\.99999[0-9]*|2\\.0[0-9]*)[,\n].*\"treatment\": {\n +\"column\": \"T\",\n +\"control_value\": \"untreated\",\n +\"n_control\": 4,\n +\"n_treated\": 4,\n +\"treated_value\": \"treated\"\n +}.*exit=0"
  estimate ${data}/words-treatment.dag ${data}/words-treatment.csv --method difference-in-means --json --no-compare)
cli_test(estimate_treatment_unknown_coding
  "treatment 'T' has the values 'new' and 'old', which is not a coding .*--treated-value VALUE.*\nexit=1"
  estimate ${data}/words-treatment.dag ${data}/unknown-coding.csv --method difference-in-means)
# "new" replaced "treated": with --treated-value new the sign is +2 again.
cli_test(estimate_treated_value_option
  "\"estimate\": (1\\.99999[0-9]*|2\\.0[0-9]*)[,\n].*\"treated_value\": \"new\".*exit=0"
  estimate ${data}/words-treatment.dag ${data}/unknown-coding.csv --method difference-in-means --treated-value new --json --no-compare)
cli_test(estimate_treated_value_not_a_value "treated value 'maybe' is not a value of treatment 'T' \\(new, old\\)\nexit=1"
  estimate ${data}/words-treatment.dag ${data}/unknown-coding.csv --treated-value maybe)

# Item 2 (beyond bad-inputs.sh): line endings of old Macs (CR alone) read as lines.
set(cr_csv ${CMAKE_CURRENT_BINARY_DIR}/lalonde-cr.csv)
add_test(NAME cli_estimate_cr_line_endings
  COMMAND sh -c "tr '\\n' '\\r' < ${examples}/lalonde.csv > ${cr_csv} && ${cli} estimate ${examples}/lalonde.dag ${cr_csv} --method regression --no-compare 2>&1; echo exit=$?")
set_tests_properties(cli_estimate_cr_line_endings PROPERTIES PASS_REGULAR_EXPRESSION "Effect of treat on re78.*exit=0")

# Item 6: exit codes. 0 success, 1 bad input or failed analysis, 2 bad usage.
cli_test(estimate_ratio_zero "--ratio must be 1 or more.*\nexit=2"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --ratio 0)
cli_test(estimate_caliper_zero "--caliper must be a positive number.*\nexit=2"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --caliper 0)
cli_test(estimate_caliper_negative "--caliper must be a positive number.*\nexit=2"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --caliper -0.5)
cli_test(estimate_directory_as_model "causeway-cli estimate: ${data}: cannot read a directory as a model file\nexit=1"
  estimate ${data} ${examples}/lalonde.csv)
cli_test(analyze_directory_as_model "causeway-cli analyze: ${data}: cannot read a directory as a model file\nexit=1"
  analyze ${data})
cli_test(report_directory_as_project "causeway-cli report: ${data}: cannot open project '${data}': it is a directory\nexit=1"
  report ${data} -o ${CMAKE_CURRENT_BINARY_DIR}/r.html)
cli_test(estimate_too_few_rows
  "too few rows: 4 complete cases \\(2 treated, 2 control\\) for 8 covariate columns; estimation needs at least 11 rows.*\nexit=1"
  estimate ${examples}/lalonde.dag ${data}/four-rows.csv)
# T = 1 exactly when X > 6: the propensity model separates, so IPW and AIPW both fail.
cli_test(estimate_every_method_failed "no requested method gave an estimate \\(first failure: .*\\)\nexit=1"
  estimate ${data}/words-treatment.dag ${data}/separated.csv --method ipw,aipw --no-compare)

# Item 8: messages.
set(empty_model ${CMAKE_CURRENT_BINARY_DIR}/empty.dag)
file(WRITE ${empty_model} "")
cli_test(analyze_empty_model "causeway-cli analyze: ${empty_model}: the model file is empty\nexit=1" analyze ${empty_model})
cli_test(estimate_exposure_is_outcome
  "causeway-cli estimate: ${examples}/lalonde.dag: 're78' cannot be both the exposure and the outcome\nexit=1"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --exposure re78 --outcome re78)
set(no_model_project ${CMAKE_CURRENT_BINARY_DIR}/no-model.causeway)
file(WRITE ${no_model_project}
  "{\"format\": \"causeway-project\", \"version\": 1, \"data\": {\"path\": \"${examples}/lalonde.csv\"}}")
cli_test(report_project_without_model "the project has no model \\(field 'model.text' is empty\\)[^\n]*\nexit=1"
  report ${no_model_project} -o ${CMAKE_CURRENT_BINARY_DIR}/r.html)
set_tests_properties(cli_report_project_without_model PROPERTIES FAIL_REGULAR_EXPRESSION "--exposure")
cli_test(estimate_trim_reversed
  "--trim: propensity trim bounds must satisfy 0 <= low < high <= 1 \\(got 0\\.9, 0\\.1\\)\nexit=2"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --trim 0.9,0.1)

# Item 9: a project whose "format" is an object (found by fuzz_project).
cli_test(report_project_format_object
  "format-object.causeway: project field 'format' must be the string \"causeway-project\" \\(it is an object\\)\nexit=1"
  report ${PROJECT_SOURCE_DIR}/tests/fuzz/regressions/fuzz_project/format-object.causeway -o ${CMAKE_CURRENT_BINARY_DIR}/r.html)

# Item 10: MatchIt 4.5.1's matching order against the true greedy nearest neighbour, on Lalonde
# (ATT: 770.390167837841 with MatchIt 4.5.1, 894.367480270274 with greedy; tests/data/estimation/lalonde_reference.R).
cli_test(estimate_matching_order_matchit "\"estimate\": 770\\.3901678.*\"method\": \"matching\".*exit=0"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --estimand ATT --method matching --matching-order matchit --json --no-compare)
cli_test(estimate_matching_order_greedy "\"estimate\": 894\\.3674802.*\"method\": \"matching\".*exit=0"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --estimand ATT --method matching --matching-order greedy --json --no-compare)
cli_test(estimate_matching_order_bad "--matching-order must be greedy or matchit, not 'best'\nexit=2"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --matching-order best)
cli_test(estimate_treatment_words_text "used 8 \\(4 treated: T = treated, 4 control: T = untreated\\).*exit=0"
  estimate ${data}/words-treatment.dag ${data}/words-treatment.csv --method difference-in-means --no-compare)

# Item 1 in the report: the Data section says which value is the treated one.
set(words_report ${CMAKE_CURRENT_BINARY_DIR}/words-treatment-report.html)
add_test(NAME cli_report_names_treated_value
  COMMAND sh -c "${cli} report ${data}/words-treatment.causeway -o ${words_report} && grep -o '4 treated with T = treated, 4 controls with T = untreated' ${words_report}")
set_tests_properties(cli_report_names_treated_value PROPERTIES PASS_REGULAR_EXPRESSION "4 treated with T = treated, 4 controls with T = untreated")
