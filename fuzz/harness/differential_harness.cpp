#include "harness/differential_harness.hpp"

#include <string>

#include "dhcpm/view.hpp"
#include "harness/cursor_agreement.hpp"
#include "harness/dissect_agreement.hpp"
#include "harness/exact_copy.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/layout_conversion.hpp"
#include "harness/resource_bound.hpp"
#include "harness/view_agreement.hpp"

namespace dhcpm::fuzz {

int fuzz_differential(const std::uint8_t* data, std::size_t size) {
  const exact_copy input(data, size);
  for (const bool strict : {true, false}) {
    const decode_options options = fuzz_decode_options(size, strict);
    for (layout wire : all_layouts) {
      const std::string what = std::string(to_string(wire)) + (strict ? " strict" : " lenient");
      const auto owning =
          bounded(size, "decode<client_info_array> " + what, [&] { return decode<client_info_array>(input.bytes(), wire, options); });
      const auto view = bounded(size, "view_array " + what, [&] { return view_array(input.bytes(), wire, options); });
      require_view_agrees(owning, view, what);
      require_cursor_agrees(value_type::array, input.bytes(), wire, options, what);
      // Conversions start from what every layout must accept: strict values.
      if (strict && owning) require_conversions_preserve(owning->value, wire);
      if (strict) {
        const auto client =
            bounded(size, "decode<client_info> " + what, [&] { return decode<client_info>(input.bytes(), wire, options); });
        require_no_internal_error(client, "decode<client_info> " + what);
        if (client) require_conversions_preserve(client->value, wire);
      }
    }
    require_dissect_agrees(input.bytes(), options);
  }
  return 0;
}

}  // namespace dhcpm::fuzz
