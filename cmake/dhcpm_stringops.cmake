# How the library zeroes and copies structs of a known size (GCC on x86-64).
#
# GCC's generic tuning turns the zeroing of a struct of 100 to 250 bytes (a
# walk's state, a view's header, a decoded record) into `rep stosq`, and such
# copies into `rep movs`. Those string instructions take some 30 cycles to
# start on current x86-64 processors whatever the size, and valgrind counts
# each as its iterations, so instruction counts do not show them: on the
# one-record calls they were the fifth of the time that issue 13's timings
# found (docs/performance.md, "The one-record calls"). Vector stores (up to
# 2 KiB; memset/memcpy above that) start at once.
include(CheckCXXCompilerFlag)
function(dhcpm_set_stringop_strategy target)
  set(strategy "vector_loop:2048:noalign,libcall:-1:noalign")
  check_cxx_compiler_flag("-mmemset-strategy=${strategy}" DHCPM_HAS_STRINGOP_STRATEGY)
  if(DHCPM_HAS_STRINGOP_STRATEGY)
    target_compile_options(${target} PRIVATE "-mmemset-strategy=${strategy}" "-mmemcpy-strategy=${strategy}")
  endif()
endfunction()
