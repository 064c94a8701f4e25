// Access to the golden vectors in tests/vectors (DHCPM_VECTOR_DIR): the index,
// the bytes of each file, and the value of NAME.json through dhcpm's own JSON
// reader. Failures throw std::runtime_error: a missing or broken vector is a
// broken test setup, and GoogleTest reports the exception with its message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <optional>
#include <ostream>
#include <variant>

#include "dhcpm/client_info.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::test {

enum class value_kind { client, array };

struct vector_info {
  std::string name;                            // "typical"
  value_kind type = value_kind::client;        // "client" or "array" in index.json
  std::map<std::string, std::size_t> files;    // file kind ("ndr20", "ptr.ndr20", ...) -> byte size

  [[nodiscard]] bool has(std::string_view kind) const { return files.find(std::string(kind)) != files.end(); }
  // "typical.ptr.ndr20.bin"
  [[nodiscard]] std::string file_name(std::string_view kind) const { return name + "." + std::string(kind) + ".bin"; }
};

// One file of one vector, for tests parameterised per file.
struct vector_file {
  std::string vector;  // "typical"
  value_kind type = value_kind::client;
  std::string kind;    // "ptr.ndr20"
  std::size_t size = 0;  // as listed in index.json

  [[nodiscard]] std::string file_name() const { return vector + "." + kind + ".bin"; }
};

// GoogleTest prints a parameter with this instead of its raw bytes.
inline void PrintTo(const vector_file& f, std::ostream* os) { *os << f.file_name(); }

[[nodiscard]] std::filesystem::path vector_dir();

// Every vector of index.json, in name order (parsed once).
[[nodiscard]] const std::vector<vector_info>& all_vectors();
[[nodiscard]] const vector_info& find_vector(std::string_view name);

// Every file whose kind is one of `kinds`, in vector-name order then `kinds` order.
[[nodiscard]] std::vector<vector_file> vector_files(const std::vector<std::string>& kinds);

// The bytes of a file in the vector folder ("typical.ndr20.bin").
[[nodiscard]] std::vector<std::uint8_t> read_bytes(const std::string& file_name);
[[nodiscard]] std::vector<std::uint8_t> read_vector_file(const vector_info& v, std::string_view kind);
[[nodiscard]] std::vector<std::uint8_t> read_vector_file(const vector_file& f);
[[nodiscard]] std::string read_text(const std::string& file_name);

// NAME.json through dhcpm::client_from_json / array_from_json.
[[nodiscard]] client_info load_client(std::string_view vector_name);
[[nodiscard]] client_info_array load_array(std::string_view vector_name);

// What a vector file kind holds: "ptr.ndr20" is NDR 2.0 little-endian behind a
// unique pointer; "foreign.ndr20" is bare NDR 2.0 from another encoder;
// "pickle.ndr64" is a bare value in type serialization version 2 with NDR64
// (layout::pickle_ndr64), "pickle2.ndr20" version 2 with NDR 2.0, and
// "foreign.pickle.ndr20be" Samba's big-endian version 1 (layout::pickle_ndr20be).
// Unknown kinds throw std::runtime_error.
struct file_format {
  layout wire = layout::ndr20;
  framing frame = framing::bare;
  bool canonical = true;  // false for "foreign.*"
};
[[nodiscard]] file_format format_of(std::string_view kind);

// A decoded value in the shape its framing gives: bare client or array, a
// pointer to one (std::nullopt = NULL), or the opnum 98 response.
using any_value = std::variant<client_info, client_info_array, std::optional<client_info>,
                               std::optional<client_info_array>, get_client_info_response>;

struct decode_outcome {
  std::optional<any_value> value;  // set on success
  error failure;                   // set on failure
  std::vector<error> warnings;

  [[nodiscard]] bool ok() const noexcept { return value.has_value(); }
};

// Calls the decode_* entry point for (type, frame).
[[nodiscard]] decode_outcome decode_as(value_kind type, framing frame, layout wire, byte_span input,
                                       const decode_options& options = {});
// Calls the encode_* entry point for the alternative held.
[[nodiscard]] result<bytes> encode_any(const any_value& value, layout wire);
// NAME.json in the shape of the file's framing (a response has ReturnValue 0).
[[nodiscard]] any_value expected_value(const vector_file& f);
// JSON of the value, for failure messages.
[[nodiscard]] std::string describe(const any_value& value);
[[nodiscard]] std::string describe(const error& e);
[[nodiscard]] std::string describe(const std::vector<error>& errors);
// "first difference at offset 0x12: expected 00, got 04; sizes 93 and 93" or "".
[[nodiscard]] std::string byte_diff(byte_span expected, byte_span actual);

// A GoogleTest-safe name: every character outside [A-Za-z0-9] becomes '_'.
[[nodiscard]] std::string test_name(std::string_view text);

}  // namespace dhcpm::test
