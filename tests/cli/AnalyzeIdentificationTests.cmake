# analyze: selection bias, direct effects, DAGitty syntax and listing caps (issues 11 and 12).
# Included from CMakeLists.txt, which defines cli_test, ${examples} and ${data}.
cli_test(analyze_selection_text
  "No set of observed variables identifies the total effect of X on Y.*Among the selected units only, adjust for {Z}\\.\n  Adjustment sets give the total effect of X on Y only among the selected units, because S is connected to Y by the open path S <- X <- Z -> Y.*exit=0"
  analyze ${data}/selection-confounder.dag --only adjustment)
cli_test(analyze_selection_json
  "\"adjustment_sets\": \\[\\],\n  \"adjustment_sets_selected_units\": \\[\n +\\[\n +\"Z\"\n +\\]\n +\\],.*\"population\": \"selected_only\",.*\"selection_path\": \"S <- X <- Z -> Y\".*exit=0"
  analyze ${data}/selection-confounder.dag --json)
cli_test(analyze_direct_effect
  "the direct effect of X on Y, adjust for {C, M}\\..*path coefficient in a linear model.*exit=0"
  analyze ${data}/mediator-confounded.dag --effect direct --only adjustment)
cli_test(analyze_direct_effect_json "\"adjustment_sets\": \\[\n +\\[\n +\"C\",\n +\"M\"\n +\\]\n +\\],.*\"effect\": \"direct\".*exit=0"
  analyze ${data}/mediator-confounded.dag --effect direct --json --only adjustment)
cli_test(analyze_total_effect_json "\"adjustment_sets\": \\[\n +\\[\\]\n +\\],.*\"effect\": \"total\".*exit=0"
  analyze ${data}/mediator-confounded.dag --json --only adjustment)
cli_test(analyze_bad_effect "unknown effect 'indirect'.*exit=2" analyze ${examples}/m-bias.dag --effect indirect)
cli_test(analyze_short_attributes "the total effect of x on y.*Adjusted set {z}: valid.*exit=0"
  analyze ${data}/dagitty-short-attributes.dag --only adjustment)
cli_test(analyze_old_format "dagitty-old-format.dag:1:1: this looks like DAGitty's old adjacency-list format.*exit=1"
  analyze ${data}/dagitty-old-format.dag)
# Every listing obeys --max-sets with its own flag; paths come causal first, then open biasing, then closed.
cli_test(analyze_cap_every_listing
  "\"truncated\": true,\n +\"truncated_by_listing\": {\n +\"adjustment_sets\": true,.*\"implications\": true,\n +\"instruments\": false,\n +\"paths\": true,.*exit=0"
  analyze ${examples}/butterfly.dag --json --max-sets 1)
cli_test(analyze_paths_order "causal, open: X -> Y\n  biasing, open: .*\n  biasing, closed.*exit=0"
  analyze ${examples}/butterfly.dag --only paths)
cli_test(analyze_zero_cap "--max-sets must be at least 1.*exit=2" analyze ${examples}/m-bias.dag --max-sets 0)
