# cmake -P driver of the package tests (tests/package/CMakeLists.txt):
#   MODE=find_package      install the built tree into a fresh prefix, check what
#                          it holds, then build the consumer against it
#                          (find_package and pkg-config) and run it
#   MODE=add_subdirectory  build the consumer with dhcpm's source tree inside it
#                          (dhcpm as a shared library) and run it
# Other variables: DHCPM_BUILD_DIR, DHCPM_SOURCE_DIR, LIBDIR, WORK_DIR,
# CONSUMER_DIR, VECTOR_DIR, GENERATOR, C_COMPILER, CXX_COMPILER, EXTRA_FLAGS,
# VERSION, WITH_CLI (whether the dhcpm tool was built, so installed).
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "failed (${status}): ${command}\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(expect_output pattern what)
  if(NOT last_output MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: expected output matching '${pattern}', got:\n${last_output}")
  endif()
  message(STATUS "${what}: ${last_output}")
endfunction()

set(consumer_build "${WORK_DIR}/consumer-build")
set(configure_args -S "${CONSUMER_DIR}" -B "${consumer_build}" -G "${GENERATOR}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DDHCPM_CONSUMER_MODE=${MODE}")

if(MODE STREQUAL "find_package")
  # A fresh prefix each time, so that a file no longer installed is noticed.
  set(prefix "${WORK_DIR}/prefix")
  file(REMOVE_RECURSE "${WORK_DIR}")
  run("${CMAKE_COMMAND}" --install "${DHCPM_BUILD_DIR}" --prefix "${prefix}")
  set(expected include/dhcpm/dhcpm.h include/dhcpm/codec.hpp include/dhcpm/dissect.hpp
      ${LIBDIR}/cmake/dhcpm/dhcpmConfig.cmake ${LIBDIR}/cmake/dhcpm/dhcpmConfigVersion.cmake
      ${LIBDIR}/cmake/dhcpm/dhcpmTargets.cmake ${LIBDIR}/pkgconfig/dhcpm.pc)
  if(WITH_CLI)
    list(APPEND expected bin/dhcpm)
  endif()
  foreach(installed IN LISTS expected)
    if(NOT EXISTS "${prefix}/${installed}")
      message(FATAL_ERROR "cmake --install did not install ${installed}")
    endif()
  endforeach()
  if(WITH_CLI)
    run("${prefix}/bin/dhcpm" --version)
    expect_output("^${VERSION}" "installed dhcpm --version")
    run("${prefix}/bin/dhcpm" decode --layout ndr20 "${VECTOR_DIR}/typical.ndr20.bin")
    expect_output("laptop-42" "installed dhcpm decode")
  endif()

  # The installed library was built with EXTRA_FLAGS (the sanitizers under
  # scripts/test); programs that link it need them too.
  run("${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${prefix}/${LIBDIR}/pkgconfig"
      "${CMAKE_COMMAND}" ${configure_args} "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Debug
      "-DDHCPM_CONSUMER_EXPECT_CLI=${WITH_CLI}" "-DCMAKE_C_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
  set(consumers cxx_consumer c_consumer c_consumer_pkg_config)
elseif(MODE STREQUAL "add_subdirectory")
  # The build directory is kept between runs: a rerun rebuilds only what
  # changed. No optimisation and a shared dhcpm: quick to build, and
  # BUILD_SHARED_LIBS is exercised.
  run("${CMAKE_COMMAND}" ${configure_args} "-DDHCPM_SOURCE_DIR=${DHCPM_SOURCE_DIR}" -DBUILD_SHARED_LIBS=ON
      -DCMAKE_BUILD_TYPE=)
  set(consumers cxx_consumer c_consumer)
else()
  message(FATAL_ERROR "MODE is find_package or add_subdirectory")
endif()

run("${CMAKE_COMMAND}" --build "${consumer_build}" -j 2)
foreach(consumer IN LISTS consumers)
  run("${consumer_build}/${consumer}" "${VECTOR_DIR}")
  expect_output("ClientName laptop-42.corp.example.com" "${consumer}")
endforeach()
if(MODE STREQUAL "add_subdirectory")
  file(GLOB shared_library "${consumer_build}/dhcpm/libdhcpm.so*")
  if(NOT shared_library)
    message(FATAL_ERROR "BUILD_SHARED_LIBS=ON did not make a shared libdhcpm")
  endif()
endif()
