// One Python class per record type, made from its schema (schema.hpp): an
// attribute per field, named as in the IDL, read and written through the C++
// value (value_ref.hpp) — nothing is copied into Python objects. A field's
// kind decides its Python type:
//   BYTE, WORD, DWORD, enums, DATE_TIME   int
//   DHCP_IP_ADDRESS                       ipaddress.IPv4Address
//   LPWSTR                                str, or None for NULL
//   DHCP_BINARY_DATA                      a DHCP_BINARY_DATA (DataLength, Data)
//   a nested struct or union              its own class (DHCP_HOST_INFO, ...)
//   Clients, Elements                     a list-like view, or None for NULL
//   Properties                            a DHCP_PROPERTY_ARRAY, or None
// The parts that records hold inline (DHCP_HOST_INFO, the unions' arms,
// DHCP_BINARY_DATA) get their classes from the schema of the first record
// that has them.
#pragma once

#include <pybind11/pybind11.h>

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "dhcpm/json.hpp"
#include "dhcpm/record_types.hpp"
#include "errors.hpp"
#include "scalars.hpp"
#include "value_ref.hpp"

namespace dhcpm::python {

namespace py = pybind11;

// The fields of a Python-visible C++ type (a record, or a part one holds
// inline), by name, in schema order: what the constructor's keywords, a
// dict's keys and repr() go through.
template <class Obj>
struct accessors {
  using getter = py::object (*)(const ref<Obj>&);
  using setter = void (*)(const ref<Obj>&, py::handle);
  struct entry {
    std::string_view name;
    getter get;
    setter set;
  };
  static inline std::vector<entry> list;
  static inline std::string_view type_name;

  [[nodiscard]] static const entry& find(std::string_view name) {
    for (const entry& e : list) {
      if (e.name == name) return e;
    }
    throw py::attribute_error(std::string(type_name) + " has no field '" + std::string(name) + "'");
  }
};

// Sets the fields a dict (or keyword arguments) names, in the dict's order.
template <class Obj>
void set_from_items(const ref<Obj>& target, py::handle items) {
  if (!py::isinstance<py::dict>(items)) {
    throw py::type_error("expected a " + std::string(accessors<Obj>::type_name) + " or a dict of its fields");
  }
  for (auto [key, value] : py::reinterpret_borrow<py::dict>(items)) {
    accessors<Obj>::find(py::cast<std::string_view>(key)).set(target, value);
  }
}

// A value of type T from a Python object: a T object (copied) or a dict of its fields.
template <class T>
[[nodiscard]] T value_from_py(py::handle value) {
  if (py::isinstance<ref<T>>(value)) return py::cast<const ref<T>&>(value).get();
  ref<T> made = own(T{});
  set_from_items(made, value);
  return std::move(made.get());
}

// The Python class name of a part held inline (records are named by their schema).
template <class T>
inline constexpr std::string_view part_name = "";
template <>
inline constexpr std::string_view part_name<host_info> = "DHCP_HOST_INFO";
template <>
inline constexpr std::string_view part_name<dhcp_search_info::search_info_arms> = "DHCP_CLIENT_SEARCH_UNION";
template <>
inline constexpr std::string_view part_name<dhcp_property::value_arms> = "DHCP_PROPERTY_VALUE_UNION";
template <>
inline constexpr std::string_view part_name<binary_data> = "DHCP_BINARY_DATA";

// The list-like view of a Clients or Elements field: reads the C++ list at
// each use, so it follows the field when the field is set again.
template <class Obj, auto Member>
struct list_view {
  ref<Obj> parent;
  std::string_view name;

  [[nodiscard]] auto& list() const {
    auto& pointer = parent.get().*Member;
    if (!pointer) raise_reference_error(std::string(name) + " has been set to None");
    return *pointer;
  }
  [[nodiscard]] std::size_t size() const { return list().size(); }
  [[nodiscard]] py::object at(std::size_t i) const {
    auto& l = list();
    using element = std::remove_pointer_t<decltype(element_pointer(l, 0))>;
    element* p = element_pointer(l, i);
    if (p == nullptr) return py::none();
    return py::cast(ref<element>(parent.root(), p, parent.guards()));
  }

 private:
  template <class Record>
  static Record* element_pointer(record_list<Record>& l, std::size_t i) noexcept {
    return l[i];
  }
  template <class T>
  static T* element_pointer(std::vector<T>& l, std::size_t i) noexcept {
    return &l[i];
  }
};

template <class Obj, auto Member>
struct list_iterator {
  list_view<Obj, Member> view;
  std::size_t next = 0;
};

template <class Obj>
[[nodiscard]] std::string repr_of(const ref<Obj>& r) {
  std::string out(accessors<Obj>::type_name);
  out += '(';
  bool first = true;
  for (const auto& e : accessors<Obj>::list) {
    if (!first) out += ", ";
    first = false;
    out += e.name;
    out += '=';
    out += py::cast<std::string>(py::repr(e.get(r)));
  }
  return out + ')';
}

namespace records_detail {

// Calls visit(std::integral_constant<std::size_t, I>) for each field I of
// Record whose parent is P (no_parent: the record's own fields), in schema
// order: the fields of one Python class.
template <class Record, std::size_t P, class Visit>
void for_each_child(Visit&& visit) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          if constexpr (field_table<Record>[I].parent == P) visit(std::integral_constant<std::size_t, I>{});
        }(),
        ...);
  }(std::make_index_sequence<field_table<Record>.size()>{});
}

template <class Record, std::size_t I>
inline constexpr const auto& field_entry = std::get<I>(record_schema<Record>::fields);
template <class Record, std::size_t I>
inline constexpr field_info info_of = field_entry<Record, I>;
template <class Record, std::size_t I>
inline constexpr auto member_of = std::remove_cvref_t<decltype(field_entry<Record, I>)>::member;

template <field_kind K>
inline constexpr std::uint64_t max_of = K == field_kind::u8          ? 0xFF
                                        : K == field_kind::u16       ? 0xFFFF
                                        : K == field_kind::filetime  ? UINT64_MAX
                                                                     : 0xFFFFFFFF;

template <class Record, std::size_t I, class Obj>
py::object get_field(const ref<Obj>& r) {
  constexpr field_info info = info_of<Record, I>;
  auto& v = r.get().*member_of<Record, I>;
  if constexpr (info.kind == field_kind::ipv4) {
    return ipv4_to_py(v);
  } else if constexpr (info.kind == field_kind::lpwstr) {
    return string_to_py(v);
  } else if constexpr (info.kind == field_kind::binary_data || info.kind == field_kind::structure ||
                       info.kind == field_kind::union_) {
    return py::cast(r.part(v));
  } else if constexpr (info.kind == field_kind::pointer_array || info.kind == field_kind::struct_array) {
    if (!v) return py::none();
    return py::cast(list_view<Obj, member_of<Record, I>>{r, info.name()});
  } else if constexpr (info.kind == field_kind::struct_pointer) {
    if (!v) return py::none();
    return py::cast(r.through(v, info.name().data()));
  } else {
    return py::int_(v);
  }
}

// A list of Element from a Python iterable: each item an Element, a dict of its
// fields, or (in a list of pointers) None.
template <class List>
[[nodiscard]] List list_from_py(py::handle items, std::string_view name) {
  if (py::isinstance<py::str>(items) || py::isinstance<py::dict>(items) || !py::isinstance<py::iterable>(items)) {
    throw py::type_error(std::string(name) + ": expected a list (or another iterable) or None");
  }
  List out;
  for (py::handle item : items) {
    if constexpr (requires { out.push_back_null(); }) {
      if (item.is_none()) {
        out.push_back_null();
        continue;
      }
      out.push_back(value_from_py<std::remove_cvref_t<decltype(out.record(0))>>(item));
    } else {
      out.push_back(value_from_py<typename List::value_type>(item));
    }
  }
  return out;
}

template <class Record, std::size_t I, class Obj>
void set_field(const ref<Obj>& r, py::handle value) {
  constexpr field_info info = info_of<Record, I>;
  constexpr std::string_view name = info.name();
  auto& v = r.get().*member_of<Record, I>;
  using held = std::remove_cvref_t<decltype(v)>;
  if constexpr (info.kind == field_kind::ipv4) {
    v = ipv4_from_py(value, name);
  } else if constexpr (info.kind == field_kind::lpwstr) {
    v = string_from_py(value, name);
  } else if constexpr (info.kind == field_kind::binary_data) {
    v = py::isinstance<ref<binary_data>>(value) ? py::cast<const ref<binary_data>&>(value).get()
                                                : binary_from_py(value, name);
  } else if constexpr (info.kind == field_kind::structure) {
    v = value_from_py<held>(value);
  } else if constexpr (info.kind == field_kind::union_) {
    // The JSON form repeats the discriminant inside the union: it sets the record's.
    if (py::isinstance<py::dict>(value)) {
      py::dict arms;
      constexpr std::string_view selector = info_of<Record, info.selector>.name();
      for (auto [key, item] : py::reinterpret_borrow<py::dict>(value)) {
        if (py::cast<std::string_view>(key) == selector) {
          set_field<Record, info.selector>(r, item);
        } else {
          arms[key] = item;
        }
      }
      v = value_from_py<held>(arms);
    } else {
      v = value_from_py<held>(value);
    }
  } else if constexpr (info.kind == field_kind::pointer_array || info.kind == field_kind::struct_array) {
    // The count before the list follows it: NumElements is the new length
    // (set NumElements afterwards to make them disagree).
    held replacement;
    if (!value.is_none()) replacement.emplace(list_from_py<typename held::value_type>(value, name));
    r.retire(std::move(v));
    v = std::move(replacement);
    r.get().*member_of<Record, I - 1> = static_cast<std::uint32_t>(v ? v->size() : 0);
  } else if constexpr (info.kind == field_kind::struct_pointer) {
    held replacement;
    if (!value.is_none()) replacement.emplace(value_from_py<typename held::value_type>(value));
    r.retire(std::move(v));
    v = std::move(replacement);
  } else {
    v = static_cast<held>(unsigned_from_py(value, max_of<info.kind>, name));
  }
}

// A field kind's name in Python (the class attribute `fields`).
[[nodiscard]] const char* kind_name(field_kind k) noexcept;

// Obj's fields as the class attribute `fields`: a tuple of (name, kind, arm,
// selector) per attribute, in schema order — kind one of "u8", "u16", "u32", "enum16",
// "ipv4", "filetime", "lpwstr", "binary_data", "structure", "union",
// "pointer_array", "struct_array", "struct_pointer"; arm the discriminant
// value that selects a union's arm, selector the field whose value selects a
// union's arm (each None otherwise). Generic code (tests'
// value strategies, a harness's mutator) walks values with it.
template <class Record, class Obj>
void add_schema_attribute(py::class_<ref<Obj>>& cls, std::size_t parent) {
  py::list fields;
  for (const field_info& f : field_table<Record>) {
    if (f.parent != parent) continue;
    fields.append(py::make_tuple(
        std::string(f.name()), kind_name(f.kind), f.is_arm() ? py::object(py::int_(f.arm)) : py::object(py::none()),
        f.kind == field_kind::union_ ? py::object(py::str(std::string(field_table<Record>[f.selector].name())))
                                     : py::object(py::none())));
  }
  cls.attr("fields") = py::tuple(fields);
}

template <class Obj>
void add_common_methods(py::class_<ref<Obj>>& cls) {
  cls.def(py::init([](const py::kwargs& fields) {
        ref<Obj> made = own(Obj{});
        set_from_items(made, fields);
        return made;
      }),
      "A value with every field zero or NULL, then the fields the keywords name.");
  cls.def("__eq__", [](const ref<Obj>& a, py::handle b) -> py::object {
    if (!py::isinstance<ref<Obj>>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
    return py::bool_(a.get() == py::cast<const ref<Obj>&>(b).get());
  });
  cls.attr("__hash__") = py::none();  // mutable
  cls.def("__repr__", &repr_of<Obj>);
  cls.def("copy", [](const ref<Obj>& r) { return own(Obj(r.get())); }, "A deep copy, owning its own memory.");
  cls.def("__copy__", [](const ref<Obj>& r) { return own(Obj(r.get())); });
  cls.def("__deepcopy__", [](const ref<Obj>& r, py::handle) { return own(Obj(r.get())); });
}

template <class Obj, auto Member>
void bind_list_view(py::handle scope, std::string_view element_name) {
  using view = list_view<Obj, Member>;
  using iterator = list_iterator<Obj, Member>;
  if (py::detail::get_type_info(typeid(view)) != nullptr) return;
  py::class_<iterator>(scope, "ListIterator")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", [](iterator& it) {
        if (it.next >= it.view.size()) throw py::stop_iteration();
        return it.view.at(it.next++);
      });
  py::class_<view>(scope, "List",
                   ("The elements (each a " + std::string(element_name) +
                    " or None), read from the value at each use. Set the field to a new list to change them.")
                       .c_str())
      .def("__len__", &view::size)
      .def("__getitem__",
           [](const view& v, std::ptrdiff_t i) {
             const auto n = static_cast<std::ptrdiff_t>(v.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("index out of range");
             return v.at(static_cast<std::size_t>(i));
           })
      .def("__getitem__",
           [](const view& v, const py::slice& s) {
             std::size_t start = 0, stop = 0, step = 0, length = 0;
             if (!s.compute(v.size(), &start, &stop, &step, &length)) throw py::error_already_set();
             py::list out;
             for (std::size_t k = 0; k < length; ++k) out.append(v.at(start + k * step));
             return out;
           })
      .def("__iter__", [](const view& v) { return iterator{v, 0}; })
      .def("__eq__",
           [](const view& v, py::handle other) -> py::object {
             if (!py::isinstance<py::sequence>(other) && !py::isinstance<view>(other)) {
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             }
             if (static_cast<std::size_t>(py::len(other)) != v.size()) return py::bool_(false);
             for (std::size_t i = 0; i < v.size(); ++i) {
               if (!v.at(i).equal(other[py::int_(i)])) return py::bool_(false);
             }
             return py::bool_(true);
           })
      .def("__repr__", [](const view& v) {
        std::string out = "[";
        const std::size_t shown = std::min<std::size_t>(v.size(), 3);
        for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + py::cast<std::string>(py::repr(v.at(i)));
        if (shown < v.size()) out += ", ... (" + std::to_string(v.size()) + " elements)";
        return out + "]";
      });
}

template <class Record, std::size_t I, class Obj>
void add_field(py::class_<ref<Obj>>& cls);

// The class of a part held inline (a structure's or a union's members, or a
// DHCP_BINARY_DATA), made once; its fields are Record's fields whose parent is P.
// The module the classes go into (bind_records sets it).
inline py::handle the_module;

template <class Record, std::size_t P>
void bind_part() {
  using part = std::remove_cvref_t<decltype(std::declval<Record&>().*member_of<Record, P>)>;
  if (py::detail::get_type_info(typeid(ref<part>)) != nullptr) return;
  accessors<part>::type_name = part_name<part>;
  py::class_<ref<part>> cls(the_module, std::string(part_name<part>).c_str());
  for_each_child<Record, P>([&](auto i) { add_field<Record, decltype(i)::value>(cls); });
  add_common_methods(cls);
  add_schema_attribute<Record>(cls, P);
}

void bind_binary_data(py::module_& m);

// The IDL name of the elements of Obj's list (an _ARRAY's records, a DHCP_PROPERTY_ARRAY's properties).
template <class Obj>
[[nodiscard]] constexpr std::string_view element_name() {
  if constexpr (requires { typename record_schema<Obj>::element; }) {
    return record_schema<typename record_schema<Obj>::element>::idl_name;
  } else {
    return record_schema<typename record_schema<Obj>::inline_element>::idl_name;
  }
}

template <class Record, std::size_t I, class Obj>
void add_field(py::class_<ref<Obj>>& cls) {
  constexpr field_info info = info_of<Record, I>;
  constexpr std::string_view name = info.name();
  if constexpr (info.kind == field_kind::structure || info.kind == field_kind::union_) {
    bind_part<Record, I>();
  }
  if constexpr (info.kind == field_kind::pointer_array || info.kind == field_kind::struct_array) {
    bind_list_view<Obj, member_of<Record, I>>(cls, element_name<Obj>());
  }
  const auto get = &get_field<Record, I, Obj>;
  const auto set = &set_field<Record, I, Obj>;
  accessors<Obj>::list.push_back({name, get, set});
  cls.def_property(std::string(name).c_str(), get, set);
}

}  // namespace records_detail

// The Python class of one record type (one of record_types.hpp).
template <class Record>
void bind_record(py::module_& m) {
  using namespace records_detail;
  using schema = record_schema<Record>;
  accessors<Record>::type_name = schema::idl_name;
  py::class_<ref<Record>> cls(m, std::string(schema::idl_name).c_str());
  cls.attr("type_name") = std::string(to_string(value_type_of<Record>));  // the CLI's --type
  for_each_child<Record, no_parent>([&](auto i) { add_field<Record, decltype(i)::value>(cls); });
  add_common_methods(cls);
  add_schema_attribute<Record>(cls, no_parent);
  // What a list or pointer of the record holds, by class (bound before it).
  if constexpr (requires { typename schema::element; }) {
    cls.attr("element_type") = py::type::of<ref<typename schema::element>>();
  }
  if constexpr (requires { typename schema::inline_element; }) {
    cls.attr("element_type") = py::type::of<ref<typename schema::inline_element>>();
  }
  if constexpr (requires { typename schema::pointee; }) {
    cls.attr("pointee_type") = py::type::of<ref<typename schema::pointee>>();
  }
  cls.def_static(
      "from_json",
      [](py::handle json) {
        const std::string text = py::isinstance<py::str>(json)
                                     ? py::cast<std::string>(json)
                                     : py::cast<std::string>(py::module_::import("json").attr("dumps")(
                                           json, py::arg("ensure_ascii") = false));
        result<Record> read = from_json<Record>(text);
        if (!read) raise_decode_error(read.error_value());
        return own(std::move(*read));
      },
      py::arg("json"), "The value of a JSON text (or of its dict) in the form the CLI prints.");
  cls.def("to_json", [](const ref<Record>& r) { return to_json(r.get()); },
          "The JSON text the CLI prints for the value (without its final newline).");
  cls.def("to_dict", [](const ref<Record>& r) { return py::module_::import("json").attr("loads")(to_json(r.get())); },
          "The JSON form as dicts and lists: json.dumps(v.to_dict(), indent=1, ensure_ascii=False) is to_json().");
  cls.def(py::pickle([](const ref<Record>& r) { return to_json(r.get()); },  // pickled as its JSON text
                     [](const std::string& text) {
                       result<Record> read = from_json<Record>(text);
                       if (!read) raise_decode_error(read.error_value());
                       return own(std::move(*read));
                     }));
}

// The Python class of each record type, in value_type order (set by bind_records).
[[nodiscard]] py::handle class_of(value_type type);
[[nodiscard]] std::optional<value_type> type_of_class(py::handle cls);

void bind_records(py::module_& m);

}  // namespace dhcpm::python
