# CLI tests of `estimate --sensitivity` (included from this folder's CMakeLists.txt, after cli_test).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME cli_estimate_sensitivity_oracle
  COMMAND sh -c "${cli} estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method regression --sensitivity --benchmark Traffic --k 1,2 --json | ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check-sensitivity.py ${examples}/postmortem.csv")
set_tests_properties(cli_estimate_sensitivity_oracle PROPERTIES PASS_REGULAR_EXPRESSION "sensitivity matches")
cli_test(estimate_sensitivity_rosenbaum "\"rosenbaum\": \\[\n +{\n +\"gamma\": 1.0,.*\"rosenbaum_gamma_critical\": [0-9.]+,.*exit=0"
  estimate ${examples}/lalonde.dag ${examples}/lalonde.csv --estimand ATT --method matching --sensitivity --json)
cli_test(estimate_sensitivity_needs_flag "--benchmark, --k, --ky, --q and --alpha need --sensitivity.*exit=2"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --k 1,2)
cli_test(estimate_sensitivity_bad_k "--k needs non-negative numbers like 1,2,3, got 'x'.*exit=2"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --sensitivity --k 1,x)
cli_test(estimate_sensitivity_unknown_benchmark "the sensitivity benchmark 'AlertVolume' is not a measured node of the adjustment set.*exit=1"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --sensitivity --benchmark AlertVolume)
cli_test(estimate_sensitivity_text "Sensitivity to unmeasured confounding\n  A confounder explaining [0-9.]+% of the residual variance.*1x/1x Traffic: R2D~Z.*exit=0"
  estimate ${examples}/postmortem.dag ${examples}/postmortem.csv --method regression --sensitivity --benchmark Traffic)
