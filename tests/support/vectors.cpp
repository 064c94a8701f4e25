#include "support/vectors.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "dhcpm/error.hpp"
#include "dhcpm/json.hpp"

namespace dhcpm::test {

namespace {

std::vector<vector_info> parse_index() {
  const nlohmann::json index = nlohmann::json::parse(read_text("index.json"));
  std::vector<vector_info> out;
  for (const auto& [name, entry] : index.items()) {
    vector_info v;
    v.name = name;
    const std::string type = entry.at("type").get<std::string>();
    if (type == "client") {
      v.type = value_kind::client;
    } else if (type == "array") {
      v.type = value_kind::array;
    } else {
      throw std::runtime_error("index.json: vector " + name + " has unknown type " + type);
    }
    for (const auto& [kind, size] : entry.at("files").items()) v.files.emplace(kind, size.get<std::size_t>());
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(), [](const vector_info& a, const vector_info& b) { return a.name < b.name; });
  if (out.empty()) throw std::runtime_error("index.json lists no vectors");
  return out;
}

}  // namespace

std::filesystem::path vector_dir() { return std::filesystem::path(DHCPM_VECTOR_DIR); }

const std::vector<vector_info>& all_vectors() {
  static const std::vector<vector_info> vectors = parse_index();
  return vectors;
}

const vector_info& find_vector(std::string_view name) {
  for (const vector_info& v : all_vectors()) {
    if (v.name == name) return v;
  }
  throw std::runtime_error("no vector named " + std::string(name));
}

std::vector<vector_file> vector_files(const std::vector<std::string>& kinds) {
  std::vector<vector_file> out;
  for (const vector_info& v : all_vectors()) {
    for (const std::string& kind : kinds) {
      const auto it = v.files.find(kind);
      if (it == v.files.end()) continue;
      out.push_back(vector_file{v.name, v.type, kind, it->second});
    }
  }
  return out;
}

std::vector<std::uint8_t> read_bytes(const std::string& file_name) {
  const std::filesystem::path path = vector_dir() / file_name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::vector<std::uint8_t> out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read " + path.string());
  return out;
}

std::vector<std::uint8_t> read_vector_file(const vector_info& v, std::string_view kind) {
  const auto it = v.files.find(std::string(kind));
  if (it == v.files.end()) throw std::runtime_error("vector " + v.name + " has no " + std::string(kind) + " file");
  std::vector<std::uint8_t> out = read_bytes(v.file_name(kind));
  if (out.size() != it->second) {
    throw std::runtime_error(v.file_name(kind) + " has " + std::to_string(out.size()) + " bytes, index.json says " +
                             std::to_string(it->second));
  }
  return out;
}

std::vector<std::uint8_t> read_vector_file(const vector_file& f) { return read_vector_file(find_vector(f.vector), f.kind); }

std::string read_text(const std::string& file_name) {
  const std::filesystem::path path = vector_dir() / file_name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

client_info load_client(std::string_view vector_name) {
  const std::string file = std::string(vector_name) + ".json";
  result<client_info> value = client_from_json(read_text(file));
  if (!value) throw std::runtime_error(file + ": " + format_error(value.error_value()));
  return std::move(value).value();
}

client_info_array load_array(std::string_view vector_name) {
  const std::string file = std::string(vector_name) + ".json";
  result<client_info_array> value = array_from_json(read_text(file));
  if (!value) throw std::runtime_error(file + ": " + format_error(value.error_value()));
  return std::move(value).value();
}

file_format format_of(std::string_view kind) {
  const std::string whole(kind);
  file_format f;
  f.canonical = !kind.starts_with("foreign.");
  if (kind.starts_with("foreign.")) kind.remove_prefix(8);
  // Type serialization: a bare value behind the pickling headers.
  if (kind.starts_with("pickle.") || kind.starts_with("pickle2.")) {
    if (kind == "pickle.ndr20") {
      f.wire = layout::pickle_ndr20;
    } else if (kind == "pickle.ndr20be") {
      f.wire = layout::pickle_ndr20be;
    } else if (kind == "pickle.ndr64") {
      f.wire = layout::pickle_ndr64;
    } else if (kind == "pickle2.ndr20") {
      f.wire = layout::pickle2_ndr20;
    } else {
      throw std::runtime_error("no type serialization layout for file kind " + whole);
    }
    return f;
  }
  if (kind.starts_with("ptr.")) {
    f.frame = framing::ptr;
    kind.remove_prefix(4);
  } else if (kind.starts_with("response.")) {
    f.frame = framing::response;
    kind.remove_prefix(9);
  }
  if (kind == "ndr20") {
    f.wire = layout::ndr20;
  } else if (kind == "ndr20be") {
    f.wire = layout::ndr20be;
  } else if (kind == "ndr64") {
    f.wire = layout::ndr64;
  } else {
    throw std::runtime_error("no NDR layout for file kind " + whole);
  }
  return f;
}

namespace {

template <class T>
decode_outcome outcome_of(result<decoded<T>>&& r) {
  decode_outcome out;
  if (r) {
    decoded<T> d = std::move(r).value();
    out.value.emplace(std::in_place_type<T>, std::move(d.value));
    out.warnings = std::move(d.warnings);
  } else {
    out.failure = std::move(r).error_value();
  }
  return out;
}

}  // namespace

decode_outcome decode_as(value_kind type, framing frame, layout wire, byte_span input, const decode_options& options) {
  switch (frame) {
    case framing::bare:
      return type == value_kind::client ? outcome_of(decode<client_info>(input, wire, options))
                                        : outcome_of(decode<client_info_array>(input, wire, options));
    case framing::ptr:
      return type == value_kind::client ? outcome_of(decode<std::optional<client_info>>(input, wire, options))
                                        : outcome_of(decode<std::optional<client_info_array>>(input, wire, options));
    case framing::response:
      if (type != value_kind::client) throw std::runtime_error("decode_as: an array has no response framing");
      return outcome_of(decode<get_client_info_response>(input, wire, options));
  }
  throw std::runtime_error("decode_as: unknown framing");
}

result<bytes> encode_any(const any_value& value, layout wire) {
  return std::visit([wire](const auto& v) { return encode(v, wire); }, value);
}

any_value expected_value(const vector_file& f) {
  const framing frame = format_of(f.kind).frame;
  if (f.type == value_kind::client) {
    client_info c = load_client(f.vector);
    switch (frame) {
      case framing::bare:
        return any_value(std::in_place_type<client_info>, std::move(c));
      case framing::ptr:
        return any_value(std::in_place_type<std::optional<client_info>>, std::move(c));
      case framing::response:
        return any_value(std::in_place_type<get_client_info_response>, get_client_info_response{std::move(c), 0});
    }
  } else {
    client_info_array a = load_array(f.vector);
    switch (frame) {
      case framing::bare:
        return any_value(std::in_place_type<client_info_array>, std::move(a));
      case framing::ptr:
        return any_value(std::in_place_type<std::optional<client_info_array>>, std::move(a));
      case framing::response:
        break;
    }
  }
  throw std::runtime_error("expected_value: no value for " + f.file_name());
}

std::string describe(const any_value& value) {
  return std::visit([](const auto& v) { return to_json(v); }, value);
}

std::string describe(const error& e) { return format_error(e) + " [path \"" + e.path + "\"]"; }

std::string describe(const std::vector<error>& errors) {
  std::string out;
  for (const error& e : errors) out += "\n  " + describe(e);
  return out.empty() ? std::string("(none)") : out;
}

std::string byte_diff(byte_span expected, byte_span actual) {
  const std::size_t common = std::min(expected.size(), actual.size());
  std::size_t i = 0;
  while (i < common && expected[i] == actual[i]) ++i;
  if (i == common && expected.size() == actual.size()) return {};
  char buf[160];
  if (i < common) {
    std::snprintf(buf, sizeof buf, "first difference at offset %zu (0x%zx): expected %02x, got %02x; sizes %zu and %zu", i,
                  i, expected[i], actual[i], expected.size(), actual.size());
  } else {
    std::snprintf(buf, sizeof buf, "one is a prefix of the other; expected %zu bytes, got %zu", expected.size(),
                  actual.size());
  }
  return buf;
}

std::string test_name(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) c = '_';
  }
  return out;
}

}  // namespace dhcpm::test
