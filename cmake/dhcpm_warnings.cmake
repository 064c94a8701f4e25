# Warnings for dhcpm's own targets (not for code that consumes the package).
function(dhcpm_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough)
endfunction()
