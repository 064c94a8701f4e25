#include "records.hpp"

#include <array>

namespace dhcpm::python {
namespace {

std::array<PyObject*, record_type_count> classes{};  // alive as long as the module

}  // namespace

namespace records_detail {
const char* kind_name(field_kind k) noexcept {
  switch (k) {
    case field_kind::u8: return "u8";
    case field_kind::u16: return "u16";
    case field_kind::u32: return "u32";
    case field_kind::enum16: return "enum16";
    case field_kind::ipv4: return "ipv4";
    case field_kind::filetime: return "filetime";
    case field_kind::lpwstr: return "lpwstr";
    case field_kind::binary_data: return "binary_data";
    case field_kind::structure: return "structure";
    case field_kind::union_: return "union";
    case field_kind::pointer_array: return "pointer_array";
    case field_kind::struct_array: return "struct_array";
    case field_kind::struct_pointer: return "struct_pointer";
  }
  return "unknown";
}
}  // namespace records_detail

// records_part_*.cpp: the record types of record_types.hpp, compiled in two halves.
void bind_records_part_1(py::module_& m);
void bind_records_part_2(py::module_& m);

void bind_binary_data(py::module_& m) {
  using data = binary_data;
  accessors<data>::type_name = part_name<data>;
  py::class_<ref<data>> cls(m, "DHCP_BINARY_DATA",
                            "DataLength, and Data: bytes, or None for a NULL pointer. They may disagree, as on the "
                            "wire; bytes(b) is Data (b\"\" for NULL).");
  const accessors<data>::getter get_length = [](const ref<data>& r) -> py::object {
    return py::int_(r.get().data_length);
  };
  const accessors<data>::setter set_length = [](const ref<data>& r, py::handle v) {
    r.get().data_length = static_cast<std::uint32_t>(unsigned_from_py(v, 0xFFFFFFFF, "DataLength"));
  };
  const accessors<data>::getter get_data = [](const ref<data>& r) -> py::object {
    const auto& d = r.get().data;
    if (!d) return py::none();
    return bytes_to_py({d->data(), d->size()});
  };
  const accessors<data>::setter set_data = [](const ref<data>& r, py::handle v) {
    if (v.is_none()) {
      r.get().data.reset();
      return;
    }
    const input_buffer buffer(v);
    r.get().data = byte_string(buffer.bytes().begin(), buffer.bytes().end());
  };
  accessors<data>::list = {{"DataLength", get_length, set_length}, {"Data", get_data, set_data}};
  cls.def_property("DataLength", get_length, set_length);
  cls.def_property("Data", get_data, set_data);
  cls.def("__bytes__", [](const ref<data>& r) {
    const auto& d = r.get().data;
    return d ? bytes_to_py({d->data(), d->size()}) : py::bytes();
  });
  records_detail::add_common_methods(cls);
}

void bind_records(py::module_& m) {
  records_detail::the_module = m;
  bind_binary_data(m);
  bind_records_part_1(m);
  bind_records_part_2(m);
  for (const value_type t : all_value_types) {
    classes[static_cast<std::size_t>(t)] = m.attr(py::str(std::string(with_record_type(t, [](auto id) {
                                                    return record_schema<typename decltype(id)::type>::idl_name;
                                                  })))).ptr();
  }
}

py::handle class_of(value_type type) { return classes[static_cast<std::size_t>(type)]; }

std::optional<value_type> type_of_class(py::handle cls) {
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] == cls.ptr()) return static_cast<value_type>(i);
  }
  return std::nullopt;
}

}  // namespace dhcpm::python
