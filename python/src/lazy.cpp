// dhcpm.view and dhcpm.cursor: an _ARRAY's records read from the caller's
// buffer as they are asked for (view.hpp, cursor.hpp), for arrays too large
// to turn into values. Each record is a <RECORD>.View object whose fields
// (the schema's, named as the record's) are read from the bytes on access;
// .to_value() makes the owning record. The buffer is held (not copied) as
// long as the view, the cursor or any record of theirs lives.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "calls.hpp"
#include "codec_args.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/view.hpp"
#include "errors.hpp"
#include "records.hpp"
#include "scalars.hpp"

namespace dhcpm::python {
namespace {

using namespace pybind11::literals;

// One record of the input: a copy of where its parts are, so that it stays
// valid after a cursor steps on.
template <class Record>
struct record_proxy {
  std::shared_ptr<const input_buffer> input;  // holds the bytes `base` points into
  const std::uint8_t* base;  // where the record's offsets count from (a stub's array may start inside it)
  detail::record_location_of<Record> where;
  const detail::record_format<Record>* format;

  explicit record_proxy(std::shared_ptr<const input_buffer> in, const record_view<Record>& v)
      : input(std::move(in)), base(v.input()), where(v.location()), format(v.format()) {}
  [[nodiscard]] record_view<Record> view() const { return {base, &where, format}; }
};

template <class Record, std::size_t I>
py::object read_field(const record_view<Record>& v);

// A part held inline (OwnerHost), read member by member.
template <class Record, std::size_t P>
py::object read_part(const record_view<Record>& v) {
  using namespace records_detail;
  using part = std::remove_cvref_t<decltype(std::declval<Record&>().*member_of<Record, P>)>;
  ref<part> made = own(part{});
  for_each_child<Record, P>([&](auto i) {
    constexpr std::size_t I = decltype(i)::value;
    if constexpr (info_of<Record, I>.kind == field_kind::lpwstr) {
      made.get().*member_of<Record, I> = v.template get<member_of<Record, I>>().to_value();
    } else {
      made.get().*member_of<Record, I> = v.template get<member_of<Record, I>>();
    }
  });
  return py::cast(std::move(made));
}

template <class Record, std::size_t I>
py::object read_field(const record_view<Record>& v) {
  using namespace records_detail;
  constexpr field_info info = info_of<Record, I>;
  constexpr auto member = member_of<Record, I>;
  if constexpr (info.kind == field_kind::ipv4) {
    return ipv4_to_py(v.template get<member>());
  } else if constexpr (info.kind == field_kind::lpwstr) {
    const utf16_view s = v.template get<member>();
    std::u16string units(s.size(), u'\0');
    for (std::size_t i = 0; i < s.size(); ++i) units[i] = s[i];
    return string_to_py(units, s.is_null());
  } else if constexpr (info.kind == field_kind::binary_data) {
    binary_data b;
    b.data_length = v.data_length();
    if (const auto d = v.data()) b.data = byte_string(d->begin(), d->end());
    return py::cast(own(std::move(b)));
  } else if constexpr (info.kind == field_kind::structure) {
    return read_part<Record, I>(v);
  } else if constexpr (info.kind == field_kind::struct_pointer) {
    Record whole = v.to_value();
    auto& pointee = whole.*member;
    if (!pointee) return py::none();
    return py::cast(own(std::move(*pointee)));
  } else {
    static_assert(holds_number(info.kind), "an array's records hold no unions or lists");
    return py::int_(v.template get<member>());
  }
}

template <class Record>
void bind_record_proxy(py::handle record_class) {
  using proxy = record_proxy<Record>;
  py::class_<proxy> cls(record_class, "View",
                        "A record read from the input bytes on access; to_value() makes the owning record.");
  records_detail::for_each_child<Record, no_parent>([&](auto i) {
    constexpr std::size_t I = decltype(i)::value;
    cls.def_property_readonly(std::string(records_detail::info_of<Record, I>.name()).c_str(),
                              [](const proxy& p) { return read_field<Record, I>(p.view()); });
  });
  cls.def("to_value", [](const proxy& p) { return own(p.view().to_value()); });
  cls.def_property_readonly("offset", [](const proxy& p) { return p.view().offset(); },
                            "the byte offset of the record's flat part in the input");
  cls.def("__eq__", [](const proxy& p, py::handle other) -> py::object {
    if (py::isinstance<proxy>(other)) return py::bool_(p.view().to_value() == py::cast<const proxy&>(other).view().to_value());
    if (py::isinstance<ref<Record>>(other)) return py::bool_(p.view().to_value() == py::cast<const ref<Record>&>(other).get());
    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  });
  cls.def("__repr__", [](const proxy& p) {
    return "<" + std::string(record_schema<Record>::idl_name) + ".View at offset " + std::to_string(p.view().offset()) +
           ">";
  });
}

template <class Array>
struct held_view {
  std::shared_ptr<const input_buffer> input;
  basic_array_view<Array> view;

  [[nodiscard]] py::object at(std::size_t i) const {
    const auto record = view[i];
    if (!record) return py::none();
    return py::cast(record_proxy<typename Array::element>(input, *record));
  }
};

template <class Array>
struct held_view_iterator {
  std::shared_ptr<const held_view<Array>> view;
  std::size_t next = 0;
};

template <class Array>
struct held_cursor {
  std::shared_ptr<const input_buffer> input;
  array_cursor<Array> cursor;
};

template <class Array>
void bind_lazy_array(py::handle array_class) {
  using element = typename Array::element;
  using view = held_view<Array>;
  using view_iterator = held_view_iterator<Array>;
  using cursor = held_cursor<Array>;
  bind_record_proxy<element>(py::type::of<ref<element>>());

  py::class_<view_iterator>(array_class, "ViewIterator")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", [](view_iterator& it) {
        if (it.next >= it.view->view.size()) throw py::stop_iteration();
        return it.view->at(it.next++);
      });
  py::class_<view, std::shared_ptr<view>>(array_class, "View",
                                          "The array's elements, validated whole, read on access (dhcpm.view).")
      .def_property_readonly("NumElements", [](const view& v) { return v.view.num_elements(); })
      .def_property_readonly("clients_is_null", [](const view& v) { return v.view.clients_is_null(); })
      .def_property_readonly("warnings", [](const view& v) { return warnings_to_py(v.view.warnings()); })
      .def("__len__", [](const view& v) { return v.view.size(); })
      .def("__getitem__",
           [](const view& v, std::ptrdiff_t i) {
             const auto n = static_cast<std::ptrdiff_t>(v.view.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("index out of range");
             return v.at(static_cast<std::size_t>(i));
           })
      .def("__iter__", [](const std::shared_ptr<view>& v) { return view_iterator{v, 0}; })
      .def("to_value", [](const view& v) { return own(v.view.to_value()); });

  py::class_<cursor>(array_class, "Cursor",
                     "One pass over the array's elements, each checked as it is reached (dhcpm.cursor). A failure\n"
                     "raises DecodeError from the iteration, where decode would; `complete` is True only after\n"
                     "the whole input has passed.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__",
           [](cursor& c) -> py::object {
             if (!c.cursor.next()) {
               if (c.cursor.failure()) raise_decode_error(*c.cursor.failure());
               throw py::stop_iteration();
             }
             const auto record = c.cursor.current();
             if (!record) return py::none();
             return py::cast(record_proxy<element>(c.input, *record));
           })
      .def_property_readonly("NumElements", [](const cursor& c) { return c.cursor.num_elements(); })
      .def_property_readonly("is_null", [](const cursor& c) { return c.cursor.is_null(); })
      .def_property_readonly("clients_is_null", [](const cursor& c) { return c.cursor.clients_is_null(); })
      .def_property_readonly("index", [](const cursor& c) { return c.cursor.index(); })
      .def_property_readonly("complete", [](const cursor& c) { return c.cursor.complete(); })
      .def_property_readonly("warnings", [](const cursor& c) { return warnings_to_py(c.cursor.warnings()); })
      .def(
          "dword",
          [](const cursor& c, std::string_view name) -> py::object {
            const auto n = c.cursor.dword(name);
            if (!n) return py::none();
            return py::int_(*n);
          },
          "name"_a, "Over a call's stub: the DWORD parameter `name` once read (None before).");
}

template <class Body>
py::object with_array_type(value_type t, Body&& body) {
  return with_record_type(t, [&](auto id) -> py::object {
    using R = typename decltype(id)::type;
    if constexpr (is_record_array<R>) {
      return body(id);
    } else {
      throw py::type_error(std::string(record_schema<R>::idl_name) + " is not an _ARRAY");
    }
  });
}

py::object make_view(py::handle data, py::handle type, py::handle layout, bool lenient, std::uint64_t base,
                     std::optional<std::uint64_t> at, const limits& limit) {
  auto input = std::make_shared<const input_buffer>(data);
  const wire_format format = read_format(input->bytes(), layout, "bare", base, at, false);
  return with_array_type(type_from_py(type), [&](auto id) -> py::object {
    using Array = typename decltype(id)::type;
    auto made = view_of<Array>(input->bytes(), format, options_from(lenient, limit));
    if (!made) raise_decode_error(made.error_value());
    return py::cast(std::make_shared<held_view<Array>>(held_view<Array>{input, std::move(*made)}));
  });
}

py::object make_cursor(py::handle data, py::handle type, py::handle layout, bool lenient, std::uint64_t base,
                       std::optional<std::uint64_t> at, const limits& limit) {
  auto input = std::make_shared<const input_buffer>(data);
  const wire_format format = read_format(input->bytes(), layout, "bare", base, at, false);
  return with_array_type(type_from_py(type), [&](auto id) -> py::object {
    using Array = typename decltype(id)::type;
    auto opened = open_cursor<Array>(input->bytes(), format, options_from(lenient, limit));
    if (!opened) raise_decode_error(opened.error_value());
    return py::cast(held_cursor<Array>{input, std::move(*opened)});
  });
}

py::object make_call_cursor(py::handle data, std::string_view method, std::string_view direction_name,
                            std::string_view layout_name, bool lenient) {
  auto input = std::make_shared<const input_buffer>(data);
  const call_stub_type stub = stub_type_from(method, direction_name);
  const param_info* array_param = nullptr;
  for (const param_info& p : stub.params()) {
    if (p.kind == param_kind::unique_record || p.kind == param_kind::ref_record) array_param = &p;
  }
  if (array_param == nullptr) throw py::type_error(std::string(method) + " " + std::string(direction_name) + " carries no _ARRAY");
  const layout wire = stub_layout(layout_name);
  return with_array_type(array_param->type, [&](auto id) -> py::object {
    using Array = typename decltype(id)::type;
    auto opened = open_cursor<Array>(input->bytes(), stub, wire, options_from(lenient, {}));
    if (!opened) raise_decode_error(opened.error_value());
    return py::cast(held_cursor<Array>{input, std::move(*opened)});
  });
}

}  // namespace

void bind_lazy(py::module_& m) {
  for (const value_type t : all_value_types) {
    with_record_type(t, [&](auto id) {
      using R = typename decltype(id)::type;
      if constexpr (is_record_array<R>) bind_lazy_array<R>(class_of(t));
    });
  }
  m.def(
      "view",
      [](py::handle data, py::handle type, py::handle layout, bool lenient, std::uint64_t base,
         std::optional<std::uint64_t> at, std::optional<std::uint32_t> max_elements,
         std::optional<std::uint32_t> max_string_units, std::uint32_t threads) {
        return make_view(data, type, layout, lenient, base, at,
                         {max_elements, max_string_units, std::nullopt, std::nullopt, threads});
      },
      "data"_a, "type"_a = "array", "layout"_a = "auto", py::kw_only(), "lenient"_a = false,
      "base"_a = default_image_base, "at"_a = py::none(), "max_elements"_a = py::none(),
      "max_string_units"_a = py::none(), "threads"_a = 1,
      "Validates an _ARRAY (bare) in the buffer and returns a list-like view of its records, read from the\n"
      "buffer (not copied) on access.");
  m.def(
      "cursor",
      [](py::handle data, py::handle type, py::handle layout, bool lenient, std::uint64_t base,
         std::optional<std::uint64_t> at, std::optional<std::uint32_t> max_elements,
         std::optional<std::uint32_t> max_string_units) {
        return make_cursor(data, type, layout, lenient, base, at,
                           {max_elements, max_string_units, std::nullopt, std::nullopt, 1});
      },
      "data"_a, "type"_a = "array", "layout"_a = "auto", py::kw_only(), "lenient"_a = false,
      "base"_a = default_image_base, "at"_a = py::none(), "max_elements"_a = py::none(),
      "max_string_units"_a = py::none(),
      "An iterator over an _ARRAY's records (None for a NULL element), each checked when reached.");
  m.def("cursor_call", &make_call_cursor, "data"_a, "call"_a, "direction"_a, "layout"_a = "ndr20", py::kw_only(),
        "lenient"_a = false,
        "A cursor over the _ARRAY that a call's stub data carries (an enumeration's response); its\n"
        "dword() gives ResumeHandle, ClientsRead, ClientsTotal and ReturnValue once read.");
}

}  // namespace dhcpm::python
