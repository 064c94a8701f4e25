# One CTest test per GoogleTest *suite* of a test binary, not per test.
#
# Under ASan each process of the unit tests costs about 0.4 s before its
# first test runs; with one process per test (gtest_discover_tests) that was
# more than half of the suite's time on a 2-core machine (1,400 of 2,540 CPU
# seconds for 3,487 tests). A suite's tests now share one process; a failure
# still names the test, in that process's output.
#
# dhcpm_add_gtest_suites(target) registers, at ctest time, one test named
# after each suite ("Family/FamilyVector") that runs `target
# --gtest_filter=Suite.*`. The list is read from the binary when ctest runs
# (as gtest_discover_tests' PRE_TEST mode does), so it follows the sources.

function(dhcpm_add_gtest_suites target)
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  file(GENERATE OUTPUT "${include_file}" CONTENT
"set(dhcpm_suite_binary [==[$<TARGET_FILE:${target}>]==])
set(dhcpm_suite_dir [==[${CMAKE_CURRENT_BINARY_DIR}]==])
include([==[${PROJECT_SOURCE_DIR}/cmake/dhcpm_gtest_suites_list.cmake]==])
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
