// Advice to the kernel that memory about to be written front to back (a
// large encode's output) be backed by transparent huge pages: a 300 MB output
// then takes 150 page faults instead of 72,000. Only advice: where huge pages
// are off, nothing changes.
#pragma once

#include <cstddef>

namespace dhcpm::detail {

// For the 2 MiB-aligned part of [p, p + bytes), when bytes is large (4 MiB or more).
void advise_huge_pages(void* p, std::size_t bytes) noexcept;

}  // namespace dhcpm::detail
