# CLI tests of `estimate` and `report` (included from this folder's CMakeLists.txt, after cli_test).

# estimate: reference numbers on Lalonde (R: glm + Hajek ATT weights gives 1214.0712232929)
cli_test(estimate_lalonde_ipw_att_json
  "\"estimand\": \"ATT\".*\"estimate\": 1214\\.07122329.*\"method\": \"ipw\".*\"n_used\": 614.*\"coefficients\": {\n +\"\\(Intercept\\)\": -1\\.66328.*exit=0"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --estimand ATT --method ipw --json)
# AIPW ATE 0.9239908 (SE 0.0342568) from tests/data/estimation/postmortem_aipw_reference.py, an
# independent plain-Python computation (Newton logistic fit, per-arm OLS, the AIPW formula).
cli_test(estimate_postmortem_text
  "Adjustment set: {Region, Traffic} \\(the first minimal sufficient adjustment set\\).*Augmented IPW \\(doubly robust\\) +0\\.924 +0\\.034 .*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method aipw,regression)
# Balance values of age and the ESS against R (cobalt's conventions with ATT weights; the numbers
# of LalondeReferenceTest.cpp, from tests/data/estimation/lalonde_reference.R), not only key names.
cli_test(estimate_json_balance_values
  "\"balance\": \\[\n +{\n[^}]*\"covariate\": \"age\",\n[^}]*\"smd_after\": 0\\.118849[0-9]*,\n +\"smd_before\": -0\\.309445[0-9]*,\n +\"variance_ratio_after\": 0\\.457753[0-9]*,\n +\"variance_ratio_before\": 0\\.439995[0-9]*\n.*\"ess\": {\n +\"control\": 99\\.81538[0-9]*,\n +\"treated\": 185\\.0\n.*exit=0"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --estimand ATT --method ipw --json)
cli_test(estimate_from_stdin "Effect of treat on re78 \\(ATE\\).*exit=0"
  estimate - ${examples}/lalonde.csv --method regression < ${examples}/lalonde.dag)

# estimate: bad input gets a clear message and exit status 1 (2 for bad usage)
cli_test(estimate_unknown_set_variable "unknown variable 'Weather'\nexit=1"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --set Weather)
cli_test(estimate_non_binary_treatment "treatment 'educ' has 19 distinct values \\(0, 1, 2, \\.\\.\\.\\); it must have exactly two\nexit=1"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --exposure educ)
cli_test(estimate_missing_data_file "cannot open file.*exit=1"
  estimate ${examples}/lalonde.dag ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.csv)
cli_test(estimate_no_valid_set "admits no valid adjustment set.*exit=1"
  estimate ${examples}/frontdoor.dag ${examples}/lalonde.csv --exposure X --outcome Y --column X=treat --column Y=re78 --column M=age)
cli_test(estimate_bad_estimand "unknown estimand 'ATX'.*exit=2"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --estimand ATX)

# report: the same project gives an HTML report with the pictures and the estimate
set(report_html ${CMAKE_CURRENT_BINARY_DIR}/postmortem-report.html)
# 6 SVG pictures: 3 of the study and 3 of the sensitivity section (two contour plots, extreme scenarios).
add_test(NAME cli_report_html
  COMMAND sh -c "${cli} report ${examples}/postmortem.causeway -o ${report_html} && grep -c '<svg' ${report_html} && grep -o 'ConfigRollout raised ErrorRate by [0-9.]*' ${report_html}")
set_tests_properties(cli_report_html PROPERTIES PASS_REGULAR_EXPRESSION "Wrote .*postmortem-report.html\n6\nConfigRollout raised ErrorRate by 0\\.92")
cli_test(report_bad_extension "the output must end in .html or .pdf\nexit=2"
  report ${examples}/postmortem.causeway -o ${CMAKE_CURRENT_BINARY_DIR}/report.doc)
cli_test(report_missing_project "cannot open project.*exit=1"
  report ${CMAKE_CURRENT_BINARY_DIR}/missing.causeway -o ${CMAKE_CURRENT_BINARY_DIR}/r.html)
if(TARGET causeway_ui_report)
  set(report_pdf ${CMAKE_CURRENT_BINARY_DIR}/lalonde-report.pdf)
  add_test(NAME cli_report_pdf
    COMMAND sh -c "${cli} report ${examples}/lalonde.causeway -o ${report_pdf} && pdftotext ${report_pdf} - | grep -o 'the estimate is [0-9.]*'")
  set_tests_properties(cli_report_pdf PROPERTIES PASS_REGULAR_EXPRESSION "the estimate is 1231" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endif()

# estimate: implied independencies of categorical variables are tested by a stratified Pearson
# chi-square, checked against one computed by Python from the CSV (race _||_ nodegree | married).
# Python (packaging/install-deps.sh installs it) is the independent oracle: required, so the
# check is never silently skipped.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME cli_estimate_json_chisquare_implication
    COMMAND sh -c "${cli} estimate ${data}/lalonde-discrete.dag ${examples}/lalonde.csv --method regression --json | ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check-chisquare.py ${examples}/lalonde.csv race nodegree married")
  set_tests_properties(cli_estimate_json_chisquare_implication PROPERTIES PASS_REGULAR_EXPRESSION "chi-square matches: ")
  # The placebo refutation says where the original estimate falls among its draws.
  add_test(NAME cli_estimate_json_placebo_position
    COMMAND sh -c "${cli} estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method regression --refute --json | ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check-placebo.py")
  set_tests_properties(cli_estimate_json_placebo_position PROPERTIES PASS_REGULAR_EXPRESSION "placebo fields match: ")
endif()
cli_test(estimate_text_chisquare_implication
  "Implied independencies tested on the data\n  chi-square \\(Pearson\\), stratified by the conditioning set\n  (race _\\|\\|_ nodegree|nodegree _\\|\\|_ race) \\| married +X2 = +[0-9.]+  df = +4  p = .*exit=0"
  estimate ${data}/lalonde-discrete.dag ${examples}/lalonde.csv --method regression)
# Postmortem: Region's implications all meet a continuous variable, so they stay untested and
# the partial correlations are labelled as such.
cli_test(estimate_json_implication_test_kind
  "\"implication_tests\": \\[\n +{\n +\"ci_high\".*\"test\": \"partial-correlation \\(Fisher z\\)\".*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method regression --json)

# estimate: the answer in plain words and the verdict's checklist come first, before any table;
# --threshold overrides a check's threshold (postmortem: the largest |SMD| after weighting is 0.035).
cli_test(estimate_answer_and_verdict_first
  "^Effect of ConfigRollout on ErrorRate \\(ATE\\)\n\nAnswer: ConfigRollout raised ErrorRate by 0\\.92 \\(95% CI 0\\.86 to 0\\.99\\).*\nVerdict: SUPPORTED .*\\[pass   \\] balance .*\n\nData: .*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv)
cli_test(estimate_threshold_override
  "Verdict: FRAGILE .*\\[warn   \\] balance +After ATE weights the largest standardised mean difference is 0\\.035 \\(above 0\\.01\\).*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --threshold smd=0.01)
cli_test(estimate_threshold_unknown "unknown threshold 'smdx' \\(expected one of extrapolation-warn.*exit=2"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --threshold smdx=1)
cli_test(estimate_json_answer_verdict
  "\"answer\": {\n +\"ci_high\": 0\\.99.*\"method\": \"aipw\".*\"verdict\": {\n +\"checks\": \\[.*\"level\": \"supported\".*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --json)
cli_test(estimate_ate_matching_not_applicable
  "Nearest-neighbour propensity score matching +not applicable: matching estimates the ATT or the ATC.*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv)
# A p-value below double precision's resolution prints as "< 1e-16", not 2.9e-279.
cli_test(estimate_refute_tiny_p_value "against the placebo distribution \\(p < 1e-16;.*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method aipw --refute)
# Only matching asked for under the ATE: nothing to estimate, said once, exit 1.
cli_test(estimate_only_matching_under_ate
  "Nearest-neighbour propensity score matching +not applicable: .*no requested method gave an estimate \\(matching is not applicable: .*exit=1"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method matching)
