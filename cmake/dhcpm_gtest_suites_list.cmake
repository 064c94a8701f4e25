# Run by ctest (dhcpm_gtest_suites.cmake): lists the suites of
# ${dhcpm_suite_binary} and adds one test per suite.
if(NOT EXISTS "${dhcpm_suite_binary}")  # not built: a test that fails, saying so
  get_filename_component(dhcpm_suite_name "${dhcpm_suite_binary}" NAME)
  add_test("${dhcpm_suite_name}.not_built" "${dhcpm_suite_binary}")
  return()
endif()
execute_process(COMMAND "${dhcpm_suite_binary}" --gtest_list_tests
                WORKING_DIRECTORY "${dhcpm_suite_dir}"
                OUTPUT_VARIABLE listing RESULT_VARIABLE listed TIMEOUT 60)
if(NOT listed EQUAL 0)
  message(FATAL_ERROR "${dhcpm_suite_binary} --gtest_list_tests failed (${listed}):\n${listing}")
endif()
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  # A suite's line is its name and a dot at the start of the line (a
  # parameterised one adds "  # TypeParam = ..."); its tests are indented.
  if(line MATCHES "^([^ #][^ ]*)\\.")
    set(suite "${CMAKE_MATCH_1}")
    add_test("${suite}" "${dhcpm_suite_binary}" "--gtest_filter=${suite}.*" --gtest_also_run_disabled_tests)
    set_tests_properties("${suite}" PROPERTIES WORKING_DIRECTORY "${dhcpm_suite_dir}")
  endif()
endforeach()
