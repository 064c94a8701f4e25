// dhcpm_instruction_probe: one decode, encode, view or validate of the benchmark
// data, three times, inside run_once() — for callgrind, which counts the
// instructions exactly whatever else the machine is doing (a timing on a busy
// 2-core VM moves by tens of per cent; an instruction count does not move):
//
//   valgrind --tool=callgrind --toggle-collect='*run_once*' --callgrind-out-file=OUT
//       build/release/benchmarks/dhcpm_instruction_probe 10000 decode ndr20   (one command)
//   grep ^summary: OUT        # the instructions of the three calls
//
// WHAT is decode (decode<client_info_array>), encode (encode), view (view_array and
// each record's offset), validate, cursor (BM_Cursor's hook: the one-pass cursor
// with every field folded) or cursor-walk (the same cursor, each record's offset only); LAYOUT is ndr20, ndr64 or x64. To compare
// two commits, build this file against each one's release libdhcpm.a and
// benchmarks/libdhcpm_bench_data.a (docs/performance.md).
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "bench_data.hpp"
#include "bench_fold.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/view.hpp"

namespace {

[[gnu::noinline]] std::uint64_t run_once(const std::string& what, const dhcpm::bench::data_set& set,
                                         dhcpm::layout wire) {
  const dhcpm::bytes& input = set.encoded(wire);
  if (what == "decode") {
    auto decoded = dhcpm::decode<dhcpm::client_info_array>(input, wire);
    return decoded ? decoded->value.num_elements : 0;
  }
  if (what == "encode") {
    auto encoded = dhcpm::encode<dhcpm::client_info_array>(set.value, wire);
    return encoded ? encoded->size() : 0;
  }
  if (what == "view") {
    auto view = dhcpm::view_array(input, wire);
    std::uint64_t sum = 0;
    if (view) {
      for (std::size_t k = 0; k < view->record_count(); ++k) sum += view->record(k).offset();
    }
    return sum;
  }
  if (what == "validate") {
    auto valid = dhcpm::validate(input, dhcpm::value_type::array, dhcpm::wire_format{.wire = wire});
    return valid ? 1 : 0;
  }
  if (what == "cursor") {
    auto sum = dhcpm::bench::cursor_validate_and_read_all(input, wire);
    return sum ? sum.value() : 0;
  }
  if (what == "cursor-walk") {
    auto cursor = dhcpm::open_cursor<dhcpm::client_info_array>(input, wire);
    std::uint64_t sum = 0;
    if (cursor) {
      while (cursor->next()) {
        if (const auto client = cursor->current()) sum += client->offset();
      }
    }
    return sum;
  }
  std::fprintf(stderr, "dhcpm_instruction_probe: unknown WHAT %s\n", what.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s CLIENTS decode|encode|view|validate|cursor|cursor-walk ndr20|ndr64|x64\n", argv[0]);
    return 2;
  }
  const std::size_t clients = std::strtoull(argv[1], nullptr, 10);
  const std::string what = argv[2];
  const std::optional<dhcpm::layout> wire = dhcpm::parse_layout(argv[3]);
  if (!wire) return 2;
  const dhcpm::bench::data_set& set = dhcpm::bench::data_for(clients);
  std::uint64_t result = 0;
  for (int i = 0; i < 3; ++i) result += run_once(what, set, *wire);
  std::printf("%llu\n", static_cast<unsigned long long>(result));
  return 0;
}
