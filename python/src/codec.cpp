// dhcpm.decode, encode, validate, convert, convert_record, gen, dissect,
// detect_layout: the generic C++ calls (codec.hpp, dissect.hpp, generate.hpp)
// with Python arguments. A type is named as on the CLI ("client",
// "DHCP_CLIENT_INFO_PB") or by its class (dhcpm.DHCP_CLIENT_INFO_PB); a
// layout and a framing by their CLI names.
#include <pybind11/stl.h>

#include "codec_args.hpp"
#include "calls.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_convert.hpp"
#include "records.hpp"

namespace dhcpm::python {
namespace {

using namespace pybind11::literals;

// A decoded C++ value as Python: a record object, None for a NULL pointer,
// the opnum 98 response as its call's stub, a list for every pickled value.
template <class Value>
py::object value_to_py(Value&& value) {
  using V = std::remove_cvref_t<Value>;
  if constexpr (std::is_same_v<V, get_client_info_response>) {
    return stub_to_py(stub_of_response(std::move(value)));
  } else if constexpr (framed_value<V>::several) {
    py::list out;
    for (auto& v : value) out.append(py::cast(own(std::move(v))));
    return out;
  } else if constexpr (framed_value<V>::frame == framing::ptr) {
    if (!value) return py::none();
    return py::cast(own(std::move(*value)));
  } else {
    return py::cast(own(std::move(value)));
  }
}

// The C++ Value that `format` encodes, from a Python object.
template <class Value>
Value value_from_object(py::handle object) {
  using record = typename framed_value<Value>::record;
  if constexpr (std::is_same_v<Value, get_client_info_response>) {
    return response_of_stub(stub_from_py(object));
  } else if constexpr (framed_value<Value>::several) {
    Value out;
    for (py::handle item : object) out.push_back(value_from_py<record>(item));
    return out;
  } else if constexpr (framed_value<Value>::frame == framing::ptr) {
    if (object.is_none()) return std::nullopt;
    return value_from_py<record>(object);
  } else {
    return value_from_py<record>(object);
  }
}

py::object decode(py::handle data, py::handle type, py::handle layout, std::string_view framing_name, bool all,
                  bool lenient, std::uint64_t base, std::optional<std::uint64_t> at, const limits& limit) {
  const input_buffer input(data);
  const value_type t = type_from_py(type);
  const wire_format format = read_format(input.bytes(), layout, framing_name, base, at, all);
  const decode_options options = options_from(lenient, limit);
  return with_record_type(t, [&](auto record_id) -> py::object {
    using record = typename decltype(record_id)::type;
    return with_framed_value<record>(format, [&](auto value_id) -> py::object {
      using Value = typename decltype(value_id)::type;
      auto decoded = [&] {
        const maybe_without_gil unlocked(input);
        return dhcpm::decode<Value>(input.bytes(), format, options);
      }();
      if (!decoded) raise_decode_error(decoded.error_value());
      py::object value = value_to_py(std::move(decoded->value));
      if (!lenient) return value;
      return py::make_tuple(value, warnings_to_py(decoded->warnings));
    });
  });
}

py::bytes encode(py::handle value, py::handle layout, std::string_view framing_name, py::handle type, bool all,
                 std::uint64_t base) {
  const bool several = all || py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value);
  const value_type t = type.is_none() ? type_of_value(value, several) : type_from_py(type);
  const wire_format format = write_format(layout, framing_name, base, several);
  return with_record_type(t, [&](auto record_id) -> py::bytes {
    using record = typename decltype(record_id)::type;
    return with_framed_value<record>(format, [&](auto value_id) -> py::bytes {
      using Value = typename decltype(value_id)::type;
      if (const auto refused = check_format(t, format, true)) raise_encode_error(*refused);
      const Value v = value_from_object<Value>(value);
      result<bytes> encoded = dhcpm::encode(v, format);
      if (!encoded) raise_encode_error(encoded.error_value());
      return py::bytes(reinterpret_cast<const char*>(encoded->data()), encoded->size());
    });
  });
}

py::list validate(py::handle data, py::handle type, py::handle layout, std::string_view framing_name, bool all,
                  bool lenient, std::uint64_t base, std::optional<std::uint64_t> at, const limits& limit) {
  const input_buffer input(data);
  const value_type t = type_from_py(type);
  const wire_format format = read_format(input.bytes(), layout, framing_name, base, at, all);
  const decode_options options = options_from(lenient, limit);
  auto checked = [&] {
    const maybe_without_gil unlocked(input);
    return dhcpm::validate(input.bytes(), t, format, options);
  }();
  if (!checked) raise_decode_error(checked.error_value());
  return warnings_to_py(*checked);
}

// Decodes (strictly) in one layout and encodes in another, as `dhcpm convert`.
py::bytes convert(py::handle data, py::handle type, py::handle source, py::handle target, std::uint64_t base,
                  std::optional<std::uint64_t> at, std::uint64_t out_base, const limits& limit) {
  const input_buffer input(data);
  const value_type t = type_from_py(type);
  const wire_format from = read_format(input.bytes(), source, "bare", base, at, false);
  const wire_format to = write_format(target, "bare", out_base, false);
  if (const auto refused = check_format(t, to, true)) raise_encode_error(*refused);
  return with_record_type(t, [&](auto record_id) -> py::bytes {
    using record = typename decltype(record_id)::type;
    bool input_refused = false;  // a decode error names the input, an encode error the output
    result<bytes> encoded = [&]() -> result<bytes> {
      const maybe_without_gil unlocked(input);
      auto decoded = dhcpm::decode<record>(input.bytes(), from, options_from(false, limit));
      if (!decoded) {
        input_refused = true;
        return std::move(decoded).error_value();
      }
      return dhcpm::encode(decoded->value, to);
    }();
    if (!encoded) {
      if (input_refused) raise_decode_error(encoded.error_value());
      raise_encode_error(encoded.error_value());
    }
    return py::bytes(reinterpret_cast<const char*>(encoded->data()), encoded->size());
  });
}

// The failover record to its _EX and back (record_convert.hpp).
py::object convert_record(py::handle value, py::handle type) {
  const value_type to = type_from_py(type);
  const value_type from = type_of_value(value, false);
  return with_record_type(from, [&](auto from_id) -> py::object {
    using From = typename decltype(from_id)::type;
    return with_record_type(to, [&](auto to_id) -> py::object {
      using To = typename decltype(to_id)::type;
      if constexpr (converts_to<To, From>) {
        result<To> converted = convert_record<To>(py::cast<const ref<From>&>(value).get());
        if (!converted) raise_encode_error(converted.error_value());
        return py::cast(own(std::move(*converted)));
      } else {
        throw py::type_error(std::string(record_schema<From>::idl_name) + " does not convert to " +
                             std::string(record_schema<To>::idl_name));
      }
    });
  });
}

py::object gen(py::handle type, std::uint64_t seed, std::optional<std::size_t> count,
               std::optional<std::uint32_t> elements, std::uint32_t max_elements, unsigned null_element_percent,
               unsigned unicode_percent) {
  const value_type t = type_from_py(type);
  if (null_element_percent > 100 || unicode_percent > 100) throw py::value_error("a percentage is 0 to 100");
  const generate_options options{.max_elements = max_elements,
                                 .elements = elements,
                                 .null_element_percent = null_element_percent,
                                 .unicode_percent = unicode_percent};
  return with_record_type(t, [&](auto record_id) -> py::object {
    using record = typename decltype(record_id)::type;
    std::vector<record> values = generate_values<record>(count.value_or(1), seed, options);
    if (!count) return py::cast(own(std::move(values.front())));
    py::list out;
    for (record& v : values) out.append(py::cast(own(std::move(v))));
    return out;
  });
}

py::object dissect(py::handle data, py::handle type, py::handle layout, std::string_view framing_name, bool all,
                   bool lenient, std::uint64_t base, std::optional<std::uint64_t> at, const limits& limit) {
  const input_buffer input(data);
  const value_type t = type_from_py(type);
  const wire_format format = read_format(input.bytes(), layout, framing_name, base, at, all);
  dissection d = [&] {
    const maybe_without_gil unlocked(input);
    return dhcpm::dissect(input.bytes(), t, format, options_from(lenient, limit));
  }();
  return py::cast(std::move(d));
}

}  // namespace

void bind_codec(py::module_& m) {
  m.def(
      "decode",
      [](py::handle data, py::handle type, py::handle layout, std::string_view framing, bool all, bool lenient,
         std::uint64_t base, std::optional<std::uint64_t> at, std::optional<std::uint32_t> max_elements,
         std::optional<std::uint32_t> max_string_units, std::optional<std::uint64_t> max_decoded_bytes,
         std::optional<std::uint32_t> max_warnings, std::uint32_t threads) {
        return decode(data, type, layout, framing, all, lenient, base, at,
                      {max_elements, max_string_units, max_decoded_bytes, max_warnings, threads});
      },
      "data"_a, "type"_a = "client", "layout"_a = "auto", "framing"_a = "bare", py::kw_only(), "all"_a = false,
      "lenient"_a = false, "base"_a = default_image_base, "at"_a = py::none(), "max_elements"_a = py::none(),
      "max_string_units"_a = py::none(), "max_decoded_bytes"_a = py::none(), "max_warnings"_a = py::none(),
      "threads"_a = 1,
      "Decodes a value of `type` from any buffer (bytes, bytearray, memoryview, mmap) without copying it.\n"
      "Returns the value (None for a NULL pointer with framing='ptr', a list with all=True); with\n"
      "lenient=True, a tuple (value, warnings). Raises DecodeError with .code, .offset and .path.");
  m.def("encode", &encode, "value"_a, "layout"_a, "framing"_a = "bare", py::kw_only(), "type"_a = py::none(),
        "all"_a = false, "base"_a = default_image_base,
        "The canonical bytes of a value (a list of values: one pickled buffer). `type` is needed only for\n"
        "None (a NULL pointer). Raises EncodeError.");
  m.def(
      "validate",
      [](py::handle data, py::handle type, py::handle layout, std::string_view framing, bool all, bool lenient,
         std::uint64_t base, std::optional<std::uint64_t> at, std::optional<std::uint32_t> max_elements,
         std::optional<std::uint32_t> max_string_units, std::optional<std::uint64_t> max_decoded_bytes,
         std::optional<std::uint32_t> max_warnings, std::uint32_t threads) {
        return validate(data, type, layout, framing, all, lenient, base, at,
                        {max_elements, max_string_units, max_decoded_bytes, max_warnings, threads});
      },
      "data"_a, "type"_a = "client", "layout"_a = "auto", "framing"_a = "bare", py::kw_only(), "all"_a = false,
      "lenient"_a = false, "base"_a = default_image_base, "at"_a = py::none(), "max_elements"_a = py::none(),
      "max_string_units"_a = py::none(), "max_decoded_bytes"_a = py::none(), "max_warnings"_a = py::none(),
      "threads"_a = 1,
      "Every check of decode without building the value. Returns lenient mode's warnings (strict: []);\n"
      "raises DecodeError.");
  m.def(
      "convert",
      [](py::handle data, py::handle type, py::handle source, py::handle target, std::uint64_t base,
         std::optional<std::uint64_t> at, std::uint64_t out_base) {
        return convert(data, type, source, target, base, at, out_base, {});
      },
      "data"_a, "type"_a = "client", py::kw_only(), "source"_a, "target"_a, "base"_a = default_image_base,
      "at"_a = py::none(), "out_base"_a = default_image_base,
      "Decodes bytes strictly in layout `source` and returns them encoded in layout `target`, as `dhcpm convert`.");
  m.def("convert_record", &convert_record, "value"_a, "type"_a,
        "The failover record as its _EX (AddressStateEx 0) or an _EX as the plain record (only when its\n"
        "AddressStateEx is 0: otherwise EncodeError value_out_of_range).");
  m.def("gen", &gen, "type"_a = "client", "seed"_a = 0, "count"_a = py::none(), py::kw_only(),
        "elements"_a = py::none(), "max_elements"_a = 8, "null_element_percent"_a = 5, "unicode_percent"_a = 5,
        "Realistic values, as `dhcpm gen`: one value, or a list of `count` values; the same seed gives the\n"
        "same values everywhere.");
  m.def(
      "dissect",
      [](py::handle data, py::handle type, py::handle layout, std::string_view framing, bool all, bool lenient,
         std::uint64_t base, std::optional<std::uint64_t> at, std::optional<std::uint32_t> max_elements,
         std::optional<std::uint32_t> max_string_units, std::optional<std::uint64_t> max_decoded_bytes) {
        return dissect(data, type, layout, framing, all, lenient, base, at,
                       {max_elements, max_string_units, max_decoded_bytes, std::nullopt, 1});
      },
      "data"_a, "type"_a = "client", "layout"_a = "auto", "framing"_a = "bare", py::kw_only(), "all"_a = false,
      "lenient"_a = false, "base"_a = default_image_base, "at"_a = py::none(), "max_elements"_a = py::none(),
      "max_string_units"_a = py::none(), "max_decoded_bytes"_a = py::none(),
      "Names every byte: a Dissection whose regions tile the bytes read, and where and why it stopped.");
  m.def(
      "detect_layout",
      [](py::handle data) -> py::object {
        const input_buffer input(data);
        const std::optional<layout> found = dhcpm::detect_layout(input.bytes());
        if (!found) return py::none();
        return py::str(std::string(to_string(*found)));
      },
      "data"_a, "'pickle' when the bytes start with a type serialization header; None otherwise.");
}

}  // namespace dhcpm::python
