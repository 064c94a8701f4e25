// How a Python object refers to a dhcpm value or to a part of one.
//
// Python code reaches into values (v.OwnerHost.IpAddress, arr.Clients[3],
// ex.Properties.Elements[0].Value) and keeps what it reached after the value
// has changed. A part must therefore never dangle, and the value must not be
// copied into Python objects (a decoded million-client array stays one C++
// value). Three rules make that hold:
//   - Every object of one value shares its owner, so the value lives as long
//     as any of them does.
//   - A container that a setter replaces (Clients, Elements, Properties, a
//     call's record) is not destroyed: its contents move into the owner's
//     `retired` list. Moving a std::vector keeps its buffer, so the objects of
//     its old elements stay valid — detached from the value, as the items of a
//     replaced Python list are.
//   - The pointee of a NULL-able pointer held inline (a record's Properties, a
//     call's [unique] ClientInfo) may be set to NULL later. A part reached
//     through one carries a guard that is checked at every use and raises
//     ReferenceError once the pointer is NULL, instead of reading a destroyed
//     object.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace dhcpm::python {

// What keeps a value and its retired containers alive.
struct owner {
  virtual ~owner() = default;
  std::vector<std::shared_ptr<void>> retired;
};

template <class T>
struct owned final : owner {
  explicit owned(T&& v) : value(std::move(v)) {}
  T value;
};

// A NULL-able pointer that a part was reached through.
struct guard {
  const void* pointer;
  bool (*present)(const void* pointer) noexcept;
  const char* name;  // the field, for the error: "Properties"
};

// Python's ReferenceError (pybind11 has no C++ exception for it).
[[noreturn]] inline void raise_reference_error(const std::string& message) {
  PyErr_SetString(PyExc_ReferenceError, message.c_str());
  throw pybind11::error_already_set();
}

template <class T>
bool optional_present(const void* p) noexcept {
  return static_cast<const std::optional<T>*>(p)->has_value();
}

template <class T>
class ref {
 public:
  ref(std::shared_ptr<owner> root, T* at, std::vector<guard> guards = {})
      : root_(std::move(root)), at_(at), guards_(std::move(guards)) {}

  // The part; ReferenceError when a pointer it was reached through is NULL now.
  [[nodiscard]] T& get() const {
    for (const guard& g : guards_) {
      if (!g.present(g.pointer)) {
        raise_reference_error(std::string("this part of the value is gone: its ") + g.name +
                              " pointer has been set to NULL");
      }
    }
    return *at_;
  }
  [[nodiscard]] const std::shared_ptr<owner>& root() const noexcept { return root_; }
  [[nodiscard]] const std::vector<guard>& guards() const noexcept { return guards_; }

  // A part of this part that lives as long as it does (a member held inline).
  template <class Part>
  [[nodiscard]] ref<Part> part(Part& p) const {
    return ref<Part>(root_, &p, guards_);
  }
  // The pointee of a NULL-able pointer of this part (present now).
  template <class Part>
  [[nodiscard]] ref<Part> through(std::optional<Part>& pointer, const char* name) const {
    std::vector<guard> g = guards_;
    g.push_back({&pointer, &optional_present<Part>, name});
    return ref<Part>(root_, &*pointer, std::move(g));
  }

  // Keeps `old`'s contents alive in the owner (see the top of this file).
  template <class Container>
  void retire(Container&& old) const {
    root_->retired.push_back(std::make_shared<std::decay_t<Container>>(std::move(old)));
  }

 private:
  std::shared_ptr<owner> root_;
  T* at_;
  std::vector<guard> guards_;
};

// A new value owned by Python.
template <class T>
[[nodiscard]] ref<T> own(T&& value) {
  auto o = std::make_shared<owned<T>>(std::move(value));
  T* at = &o->value;
  return ref<T>(std::move(o), at);
}

}  // namespace dhcpm::python
