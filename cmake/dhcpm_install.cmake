# Install rules: the library with its headers, the `dhcpm` tool, a CMake
# package (dhcpmConfig.cmake, dhcpmConfigVersion.cmake, dhcpmTargets.cmake
# exporting dhcpm::dhcpm and dhcpm::cli) and a pkg-config file. Included by
# the top-level CMakeLists.txt after every target exists, when DHCPM_INSTALL.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(dhcpm_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/dhcpm")

install(TARGETS dhcpm EXPORT dhcpm_targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})  # the include directory is the target's own
# Every public header, the C API's dhcpm.h included; whatever is added to
# include/dhcpm later is installed without a change here.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/dhcpm" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

if(TARGET dhcpm_cli)
  set_target_properties(dhcpm_cli PROPERTIES EXPORT_NAME cli)
  install(TARGETS dhcpm_cli EXPORT dhcpm_targets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT dhcpm_targets NAMESPACE dhcpm:: FILE dhcpmTargets.cmake DESTINATION ${dhcpm_cmake_dir})

set(DHCPM_BOOST_MIN_VERSION 1.71)
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/dhcpmConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/dhcpmConfig.cmake" INSTALL_DESTINATION ${dhcpm_cmake_dir})
# 0.x: a minor version may change the API, so only the same minor matches.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/dhcpmConfigVersion.cmake"
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/dhcpmConfig.cmake" "${PROJECT_BINARY_DIR}/dhcpmConfigVersion.cmake"
        DESTINATION ${dhcpm_cmake_dir})

# pkg-config. The prefix is found from the .pc file's own place (pcfiledir),
# so that `cmake --install --prefix` anywhere gives a working file.
set(dhcpm_pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(DHCPM_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(DHCPM_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(DHCPM_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  string(REGEX REPLACE "[^/]+" ".." dhcpm_pc_up "${dhcpm_pc_dir}")  # lib/pkgconfig -> ../..
  set(DHCPM_PC_PREFIX "\${pcfiledir}/${dhcpm_pc_up}")
  set(DHCPM_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(DHCPM_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# A static libdhcpm needs the C++ runtime in a C program's link: the libraries
# the C++ compiler links implicitly and the C compiler does not (-lstdc++ -lm
# with GCC). A shared libdhcpm carries them as its own dependencies.
set(dhcpm_pc_runtime "")
get_target_property(dhcpm_library_type dhcpm TYPE)
if(dhcpm_library_type STREQUAL "STATIC_LIBRARY")
  set(dhcpm_pc_runtime ${CMAKE_CXX_IMPLICIT_LINK_LIBRARIES})
  list(REMOVE_ITEM dhcpm_pc_runtime ${CMAKE_C_IMPLICIT_LINK_LIBRARIES})
  list(REMOVE_DUPLICATES dhcpm_pc_runtime)
endif()
set(DHCPM_PC_RUNTIME_LIBS "")
foreach(lib IN LISTS dhcpm_pc_runtime)
  string(APPEND DHCPM_PC_RUNTIME_LIBS " -l${lib}")
endforeach()
configure_file("${CMAKE_CURRENT_LIST_DIR}/dhcpm.pc.in" "${PROJECT_BINARY_DIR}/dhcpm.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/dhcpm.pc" DESTINATION ${dhcpm_pc_dir})
