// Writes the seed corpus of each fuzz target named on the command line into
// OUT_DIR/<target>/, at build time, so that no corpus is committed:
//
//   make_seed_corpora OUT_DIR fuzz_decode_ndr20_client ... fuzz_round_trip fuzz_differential
//
// A target's seeds are the golden vectors (tests/vectors) of the shapes it
// decodes, and values from the seeded generator of tests/support encoded in
// each of those shapes: NULL/empty/non-BMP strings, odd Data, NULL elements,
// plus a few large ones (long strings, runs of NULL elements) that reach the
// limits. The round-trip and differential targets get every shape.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"
#include "dhcpm/record_types.hpp"
#include "dhcpm/generate.hpp"
#include "harness/call_harness.hpp"
#include "harness/family_harness.hpp"
#include "harness/value_shapes.hpp"
#include "support/generate.hpp"
#include "support/vectors.hpp"

namespace {

using namespace dhcpm;
using fuzz::value_kind;
using fuzz::value_shape;

constexpr std::uint64_t generated_per_shape = 10;
constexpr std::uint64_t generated_per_shape_everywhere = 2;  // round trip and differential: every shape

struct target_seeds {
  std::vector<value_shape> shapes;  // what the target decodes (encodable)
  std::uint64_t generated = 0;      // generated values per shape
  bool pickled_lists = false;       // several values after one header
};

// What a target name says it decodes; false for a name no target has.
bool seeds_for(std::string_view target, target_seeds& out) {
  if (target == "fuzz_round_trip" || target == "fuzz_differential") {
    out = {fuzz::every_encodable_shape(), generated_per_shape_everywhere, true};
    return true;
  }
  for (layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::pickle, layout::x64, layout::x86}) {
    for (value_kind type : {value_kind::client, value_kind::array}) {
      if (target == "fuzz_decode_" + std::string(to_string(wire)) + "_" + std::string(fuzz::to_string(type))) {
        out = {fuzz::encodable_shapes(wire, type), generated_per_shape, wire == layout::pickle};
        return true;
      }
    }
  }
  return false;
}

void write_file(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string file_stem(const value_shape& shape) {
  return std::string(to_string(shape.wire)) + "." + std::string(fuzz::to_string(shape.type)) + "." +
         std::string(to_string(shape.frame));
}

// Values that reach the limits: a long string, a long run of NULL elements.
fuzz::any_value large_value(value_kind type, test::value_generator& gen) {
  if (type == value_kind::client) {
    client_info c = gen.client();
    c.client_comment = utf16_string::from_units(std::u16string(3000, u'x'));
    return c;
  }
  client_info_array a;
  a.clients.emplace();
  for (int i = 0; i < 1500; ++i) a.clients->push_back_null();
  a.clients->push_back(gen.client());
  a.num_elements = static_cast<std::uint32_t>(a.clients->size());
  return a;
}

fuzz::any_value generated_value(const value_shape& shape, test::value_generator& gen) {
  if (shape.type == value_kind::array) {
    client_info_array a = gen.array();
    if (shape.frame == framing::ptr) return std::optional<client_info_array>(std::move(a));
    return a;
  }
  client_info c = gen.client();
  if (shape.frame == framing::ptr) return std::optional<client_info>(std::move(c));
  if (shape.frame == framing::response) return get_client_info_response{std::move(c), gen.u32()};
  return c;
}

// n generated values encoded in `shape` (a value the layout cannot hold is skipped), and one large one.
void write_generated(const value_shape& shape, std::uint64_t n, const std::filesystem::path& dir) {
  const std::uint64_t seed = 0xD1C9 + static_cast<std::uint64_t>(shape.wire) * 31 +
                             static_cast<std::uint64_t>(shape.type) * 7 + static_cast<std::uint64_t>(shape.frame);
  test::value_generator gen(seed, test::generator_options{.max_status = fuzz::max_status(shape.wire)});
  std::uint64_t written = 0;
  for (std::uint64_t attempt = 0; written < n && attempt < 4 * n; ++attempt) {
    const result<bytes> encoded = fuzz::encode_shaped({shape, generated_value(shape, gen)});
    if (encoded) write_file(dir / ("gen." + file_stem(shape) + "." + std::to_string(written++) + ".bin"), *encoded);
  }
  if (shape.frame == framing::bare) {
    const result<bytes> encoded = fuzz::encode_shaped({shape, large_value(shape.type, gen)});
    if (encoded) write_file(dir / ("large." + file_stem(shape) + ".bin"), *encoded);
  }
}

template <class T>
result<bytes> encode_list(const std::vector<T>& values, pickle_kind kind) {
  return test::encode_pickled(std::span<const T>(values), kind);
}

// Three generated values after one type serialization header, in every kind;
// and (version 1) 64 empty records, whose list grows the decoder's vector the most.
void write_pickled_lists(value_kind type, const std::filesystem::path& dir) {
  const auto write = [&](const std::string& what, pickle_kind kind, const result<bytes>& encoded) {
    if (!encoded) return;
    write_file(dir / (what + "." + std::string(to_string(kind)) + "." + std::string(fuzz::to_string(type)) + ".bin"),
               *encoded);
  };
  for (pickle_kind kind :
       {pickle_kind::v1_ndr20, pickle_kind::v1_ndr20be, pickle_kind::v2_ndr64, pickle_kind::v2_ndr20}) {
    test::value_generator gen(0x9C + static_cast<std::uint64_t>(kind), test::generator_options{.max_status = 0xFFFF});
    if (type == value_kind::client) {
      write("list", kind, encode_list(std::vector<client_info>{gen.client(), gen.client(), gen.client()}, kind));
    } else {
      write("list", kind, encode_list(std::vector<client_info_array>{gen.array(), gen.array(), gen.array()}, kind));
    }
  }
  if (type == value_kind::client) {
    write("many", pickle_kind::v1_ndr20, encode_list(std::vector<client_info>(64), pickle_kind::v1_ndr20));
  } else {
    write("many", pickle_kind::v1_ndr20, encode_list(std::vector<client_info_array>(64), pickle_kind::v1_ndr20));
  }
}

// The shape of a vector file kind ("ptr.ndr20", "x64", ...).
value_shape shape_of(std::string_view kind, value_kind type) {
  if (const std::optional<layout> native = parse_layout(kind); native && is_native(*native)) {
    return {*native, type, framing::bare};  // test::format_of knows the NDR and pickle kinds
  }
  const test::file_format format = test::format_of(kind);
  return {format.wire, type, format.frame};
}

// The golden vector files of the shapes a target decodes.
void write_vectors(const target_seeds& seeds, const std::filesystem::path& dir) {
  for (const test::vector_info& v : test::all_vectors()) {
    for (const auto& [kind, size] : v.files) {
      const value_shape shape = shape_of(kind, v.type);
      if (std::find(seeds.shapes.begin(), seeds.shapes.end(), shape) == seeds.shapes.end()) continue;
      write_file(dir / v.file_name(kind), test::read_vector_file(v, kind));
    }
  }
}

// fuzz_decode_family: every family vector (tests/vectors/family) behind its
// selector bytes, and each value again as x64 and x86 images and pickled.
void write_family_seeds(const std::filesystem::path& dir) {
  const nlohmann::json index = nlohmann::json::parse(test::read_text("family/index.json"));
  for (const auto& [name, entry] : index.items()) {
    if (!entry.contains("type")) continue;  // a call's stub
    const std::optional<value_type> type = parse_value_type(entry["type"].get<std::string>());
    if (!type) continue;
    for (const auto& [kind, size] : entry["files"].items()) {
      const std::optional<layout> wire = parse_layout(kind);
      if (!wire) continue;
      std::vector<std::uint8_t> seed = fuzz::family_selector(*type, *wire);
      const std::vector<std::uint8_t> file = test::read_bytes("family/" + name + "." + kind + ".bin");
      seed.insert(seed.end(), file.begin(), file.end());
      write_file(dir / (name + "." + kind + ".bin"), seed);
      if (kind != "ndr20") continue;
      const std::string vector_name = name;  // clang 14 cannot capture a structured binding
      with_record_type(*type, [&](auto t) {
        using Record = typename decltype(t)::type;
        const result<decoded<Record>> value = decode<Record>(file, layout::ndr20);
        if (!value) return;
        for (const auto& [other, selected] : {std::pair{layout::x64, layout::x64}, std::pair{layout::x86, layout::x86},
                                              std::pair{layout::pickle_ndr64, layout::pickle}}) {
          const result<bytes> encoded = encode(value->value, other);
          if (!encoded) continue;
          std::vector<std::uint8_t> derived = fuzz::family_selector(*type, selected);
          derived.insert(derived.end(), encoded->begin(), encoded->end());
          write_file(dir / (vector_name + "." + std::string(to_string(other)) + ".bin"), derived);
        }
      });
    }
  }
}

// fuzz_decode_call: every golden stub file behind its selector, and a
// generated stub of every call and direction in each NDR layout.
void write_call_seeds(const std::filesystem::path& dir) {
  const nlohmann::json index = nlohmann::json::parse(test::read_text("family/index.json"));
  for (const auto& [name, entry] : index.items()) {
    if (!entry.contains("call")) continue;
    const call_stub_type type{*find_call(entry["call"].get<std::string>()),
                              *parse_direction(entry["direction"].get<std::string>())};
    for (const auto& [kind, size] : entry["files"].items()) {
      std::vector<std::uint8_t> seed = fuzz::call_selector(type, *parse_layout(kind));
      const std::vector<std::uint8_t> file = test::read_bytes("family/" + name + "." + kind + ".bin");
      seed.insert(seed.end(), file.begin(), file.end());
      write_file(dir / (name + "." + kind + ".bin"), seed);
    }
  }
  generate_options small;
  small.max_elements = 3;
  realistic_generator g(0xCA11, small);
  for (std::size_t call = 0; call < call_table.size(); ++call) {
    for (const direction way : {direction::request, direction::response}) {
      const call_stub_type type{call, way};
      for (const layout wire : fuzz::call_fuzz_layouts) {
        const result<bytes> encoded = encode_call(generate_call(type, g), wire);
        if (!encoded) throw std::runtime_error("a generated stub does not encode: " + format_error(encoded.error_value()));
        std::vector<std::uint8_t> seed = fuzz::call_selector(type, wire);
        seed.insert(seed.end(), encoded->begin(), encoded->end());
        write_file(dir / ("generated." + std::string(call_table[call].method) + "." + std::string(to_string(way)) + "." +
                          std::string(to_string(wire)) + ".bin"),
                   seed);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR TARGET...\n", argv[0]);
    return 2;
  }
  try {
    const std::filesystem::path out = argv[1];
    for (int i = 2; i < argc; ++i) {
      if (std::string_view(argv[i]) == "fuzz_decode_call") {
        std::filesystem::create_directories(out / argv[i]);
        write_call_seeds(out / argv[i]);
        continue;
      }
      if (std::string_view(argv[i]) == "fuzz_decode_family") {
        std::filesystem::create_directories(out / argv[i]);
        write_family_seeds(out / argv[i]);
        continue;
      }
      target_seeds seeds;
      if (!seeds_for(argv[i], seeds)) {
        std::fprintf(stderr, "make_seed_corpora: no fuzz target is named %s\n", argv[i]);
        return 2;
      }
      const std::filesystem::path dir = out / argv[i];
      std::filesystem::create_directories(dir);
      write_vectors(seeds, dir);
      for (const value_shape& shape : seeds.shapes) write_generated(shape, seeds.generated, dir);
      if (seeds.pickled_lists) {
        for (value_kind type : {value_kind::client, value_kind::array}) {
          const auto of_type = [&](const value_shape& s) { return s.type == type; };
          if (std::any_of(seeds.shapes.begin(), seeds.shapes.end(), of_type)) write_pickled_lists(type, dir);
        }
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_seed_corpora: %s\n", e.what());
    return 1;
  }
  return 0;
}
