#include "harness/value_mutator.hpp"

#include "dhcpm/client_info_schema.hpp"

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace dhcpm::fuzz {
namespace {

// Mutants stay small enough to encode quickly; libFuzzer's max_len bounds
// them again after encoding.
constexpr std::size_t max_mutant_units = 4096;
constexpr std::size_t max_mutant_elements = 4096;

using element = std::optional<client_info>;

std::vector<element> elements_of(const client_list& list) {
  std::vector<element> out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) out.push_back(list[i] != nullptr ? element(*list[i]) : std::nullopt);
  return out;
}

client_list list_of(const std::vector<element>& elements) {
  client_list out;
  out.reserve(elements.size(), static_cast<std::size_t>(std::count_if(
                                   elements.begin(), elements.end(), [](const element& e) { return e.has_value(); })));
  for (const element& e : elements) {
    if (e) {
      out.push_back(*e);
    } else {
      out.push_back_null();
    }
  }
  return out;
}

// The array a value holds, if it holds a non-NULL one.
template <class Value>
auto* array_in(Value& value) {
  using array = std::conditional_t<std::is_const_v<Value>, const client_info_array, client_info_array>;
  if (auto* a = std::get_if<client_info_array>(&value)) return a;
  if (auto* p = std::get_if<std::optional<client_info_array>>(&value); p != nullptr && p->has_value()) return &**p;
  return static_cast<array*>(nullptr);
}

// Every record a value holds, in element order.
template <class Value>
auto records_in(Value& value) {
  using record = std::conditional_t<std::is_const_v<Value>, const client_info, client_info>;
  std::vector<record*> out;
  if (auto* c = std::get_if<client_info>(&value)) out.push_back(c);
  if (auto* p = std::get_if<std::optional<client_info>>(&value); p != nullptr && p->has_value()) out.push_back(&**p);
  if (auto* r = std::get_if<get_client_info_response>(&value); r != nullptr && r->client) out.push_back(&*r->client);
  if (auto* a = array_in(value); a != nullptr && a->clients) {
    for (std::size_t k = 0; k < a->clients->record_count(); ++k) out.push_back(&a->clients->record(k));
  }
  return out;
}

constexpr const auto& fields = field_table<client_info>;
constexpr std::size_t string_count = count_of_kind<client_info>(field_kind::lpwstr);
constexpr std::size_t number_count = fields.size() - string_count -
                                     count_of_kind<client_info>(field_kind::binary_data) -
                                     count_of_kind<client_info>(field_kind::structure);

// The record's i-th string (mod their number), in member order.
template <class Record>
auto& string_field(Record& r, std::uint64_t i) {
  std::conditional_t<std::is_const_v<Record>, const utf16_string, utf16_string>* out = nullptr;
  std::size_t seen = 0;
  schema::for_each_field(record_schema<client_info>::fields, [&](const auto& f, auto index) {
    if constexpr (fields[index].kind == field_kind::lpwstr) {
      if (seen++ == i % string_count) out = &f.of(r);
    }
  });
  return *out;
}

template <class T>
T& pick(std::vector<T>& items, value_mutator& m) {
  return items[static_cast<std::size_t>(m.uniform(0, items.size() - 1))];
}

}  // namespace

value_mutator::value_mutator(unsigned seed, std::uint32_t max_status)
    : gen_(seed, test::generator_options{.max_status = max_status}) {}

void value_mutator::mutate(any_value& value) {
  const auto changes = uniform(1, 4);
  for (std::uint64_t i = 0; i < changes; ++i) {
    if (auto* c = std::get_if<client_info>(&value)) {
      change_record(*c);
    } else if (auto* a = std::get_if<client_info_array>(&value)) {
      change_array(*a);
    } else if (auto* pc = std::get_if<std::optional<client_info>>(&value)) {
      if (!pc->has_value() || chance(4)) {
        *pc = pc->has_value() ? std::nullopt : std::optional<client_info>(gen_.client());
      } else {
        change_record(**pc);
      }
    } else if (auto* pa = std::get_if<std::optional<client_info_array>>(&value)) {
      if (!pa->has_value() || chance(4)) {
        *pa = pa->has_value() ? std::nullopt : std::optional<client_info_array>(gen_.array());
      } else {
        change_array(**pa);
      }
    } else if (auto* r = std::get_if<get_client_info_response>(&value)) {
      if (chance(10)) {
        r->return_value = gen_.u32();
      } else if (!r->client || chance(4)) {
        r->client = r->client ? std::nullopt : std::optional<client_info>(gen_.client());
      } else {
        change_record(*r->client);
      }
    }
  }
}

void value_mutator::change_array(client_info_array& a) {
  const auto op = uniform(0, 19);  // 8 and up (60%): a change inside one record
  if (op == 0) {  // Clients NULL; NumElements 0, or not (only lenient decoding accepts that)
    a.clients.reset();
    a.num_elements = chance(50) ? 0 : gen_.u32();
    return;
  }
  if (op == 1) {  // Clients empty
    a.clients.emplace();
    a.num_elements = 0;
    return;
  }
  std::vector<element> elements = a.clients ? elements_of(*a.clients) : std::vector<element>{};
  // An index into elements; with extra = 1, also the end (where to insert).
  const auto position = [&](std::size_t extra) {
    return static_cast<std::ptrdiff_t>(uniform(0, elements.size() - 1 + extra));
  };
  const bool has_room = elements.size() < max_mutant_elements;
  switch (op) {
    case 2:  // a new record
      if (has_room) elements.insert(elements.begin() + position(1), gen_.client());
      break;
    case 3:  // a NULL element
      if (has_room) elements.insert(elements.begin() + position(1), std::nullopt);
      break;
    case 4:  // one element fewer
      if (!elements.empty()) elements.erase(elements.begin() + position(0));
      break;
    case 5:  // an element twice
      if (!elements.empty() && has_room) {
        const element copy = elements[static_cast<std::size_t>(position(0))];
        elements.insert(elements.begin() + position(1), copy);
      }
      break;
    case 6:  // two elements swapped
      if (elements.size() >= 2) std::swap(elements[static_cast<std::size_t>(position(0))],
                                           elements[static_cast<std::size_t>(position(0))]);
      break;
    case 7:  // a run of NULL elements: slots that cost 4 or 8 bytes and no record
      if (has_room) elements.insert(elements.begin() + position(1), uniform(1, 256), std::nullopt);
      break;
    default: {  // a change inside one record
      std::vector<std::size_t> present;
      for (std::size_t i = 0; i < elements.size(); ++i) {
        if (elements[i]) present.push_back(i);
      }
      if (present.empty()) {
        elements.insert(elements.begin() + position(1), gen_.client());
      } else {
        change_record(*elements[pick(present, *this)]);
      }
      break;
    }
  }
  a.clients = list_of(elements);
  a.num_elements = static_cast<std::uint32_t>(elements.size());
}

void value_mutator::change_record(client_info& r) {
  const auto op = uniform(0, 99);
  if (op < 40) {
    change_scalar(r);
  } else if (op < 75) {
    change_string(string_field(r, uniform(0, string_count - 1)));
  } else if (op < 90) {
    change_data(member_of_kind<field_kind::binary_data>(r));
  } else if (op < 95) {
    r = gen_.client();
  } else {  // the same text in two fields
    string_field(r, uniform(0, string_count - 1)) = utf16_string(string_field(r, uniform(0, string_count - 1)));
  }
}

// One number field, chosen among all of them (or, one time in number_count + 1,
// a flipped bit of DataLength that breaks the count: lenient only), gets a new
// value of its kind.
void value_mutator::change_scalar(client_info& r) {
  const std::uint64_t which = uniform(0, number_count);
  binary_data& hardware = member_of_kind<field_kind::binary_data>(r);
  if (which == number_count) hardware.data_length ^= 1u << uniform(0, 31);
  std::size_t seen = 0;
  schema::for_each_field(record_schema<client_info>::fields, [&](const auto& f, auto index) {
    constexpr field_kind kind = fields[index].kind;
    if constexpr (holds_number(kind)) {
      if (seen++ != which) return;
      auto& member = f.of(r);
      if constexpr (kind == field_kind::u8) {
        member = gen_.u8();
      } else if constexpr (kind == field_kind::enum16) {
        member = gen_.status();
      } else if constexpr (kind == field_kind::filetime) {
        member = gen_.u64();
      } else {
        member = gen_.u32();
      }
    }
  });
  if (hardware.data) hardware.data_length = static_cast<std::uint32_t>(hardware.data->size());
}

void value_mutator::change_string(utf16_string& s) {
  std::u16string units(s.units());
  const auto at = [&](std::size_t extra) { return static_cast<std::size_t>(uniform(0, units.size() + extra - 1)); };
  switch (uniform(0, 8)) {
    case 0: s = utf16_string::null(); return;
    case 1: s = utf16_string::from_units(u""); return;
    case 2: s = gen_.string(); return;
    case 3: units += gen_.string().units(); break;
    case 4: units.resize(units.empty() ? 0 : at(1)); break;
    case 5: units.insert(at(1), 1, u'\0'); break;  // an embedded NUL is data, never the end
    case 6:  // an unpaired surrogate
      if (!units.empty()) units[at(0)] = static_cast<char16_t>(uniform(0xD800, 0xDFFF));
      break;
    case 7: units += units; break;
    default:  // a long run of one unit
      units.append(static_cast<std::size_t>(uniform(64, 1024)), static_cast<char16_t>(uniform(1, 0xFFFF)));
      break;
  }
  if (units.size() > max_mutant_units) units.resize(max_mutant_units);
  s = utf16_string::from_units(units);
}

void value_mutator::change_data(binary_data& d) {
  switch (uniform(0, 6)) {
    case 0: d = binary_data{}; return;
    case 1:  // NULL Data with a DataLength: only lenient decoding accepts it
      d.data.reset();
      d.data_length = gen_.u32() | 1u;
      return;
    case 2: d.data.emplace(); break;
    case 3: d = gen_.data(); break;
    case 4: {
      if (!d.data) d.data.emplace();
      const auto n = uniform(1, 64);
      for (std::uint64_t i = 0; i < n && d.data->size() < max_mutant_units; ++i) d.data->push_back(gen_.u8());
      break;
    }
    case 5:
      if (d.data) d.data->resize(static_cast<std::size_t>(uniform(0, d.data->size())));
      break;
    default:
      if (d.data && !d.data->empty()) (*d.data)[static_cast<std::size_t>(uniform(0, d.data->size() - 1))] ^= gen_.u8();
      break;
  }
  if (d.data) d.data_length = static_cast<std::uint32_t>(d.data->size());
}

void value_mutator::splice(any_value& value, const any_value& donor) {
  std::vector<const client_info*> donors = records_in(donor);
  if (donors.empty()) {
    mutate(value);
    return;
  }
  const client_info& from = *pick(donors, *this);
  if (client_info_array* a = array_in(value); a != nullptr && chance(50)) {
    std::vector<element> elements = a->clients ? elements_of(*a->clients) : std::vector<element>{};
    if (elements.size() < max_mutant_elements) {
      elements.insert(elements.begin() + static_cast<std::ptrdiff_t>(uniform(0, elements.size())), from);
    }
    a->clients = list_of(elements);
    a->num_elements = static_cast<std::uint32_t>(elements.size());
    return;
  }
  std::vector<client_info*> targets = records_in(value);
  if (targets.empty()) {
    mutate(value);
    return;
  }
  splice_record(*pick(targets, *this), from);
}

void value_mutator::splice_record(client_info& r, const client_info& donor) {
  switch (uniform(0, 3)) {
    case 0: r = donor; break;
    case 1:
      for (std::uint64_t i = 0; i < string_count; ++i) string_field(r, i) = string_field(donor, i);
      break;
    case 2: member_of_kind<field_kind::binary_data>(r) = member_of_kind<field_kind::binary_data>(donor); break;
    default:
      string_field(r, uniform(0, string_count - 1)) = string_field(donor, uniform(0, string_count - 1));
      break;
  }
}

any_value value_mutator::reshape(const any_value& value, value_kind type, framing frame) {
  const std::vector<const client_info*> records = records_in(value);
  if (type == value_kind::array) {
    client_info_array a;
    if (const client_info_array* held = array_in(value)) {
      a = *held;
    } else {
      a.clients.emplace();
      for (const client_info* r : records) a.clients->push_back(*r);
      a.num_elements = static_cast<std::uint32_t>(a.clients->size());
    }
    if (frame == framing::ptr) return std::optional<client_info_array>(std::move(a));
    return a;
  }
  client_info c = records.empty() ? gen_.client() : *records.front();
  if (frame == framing::ptr) return std::optional<client_info>(std::move(c));
  if (frame == framing::response) return get_client_info_response{std::move(c), gen_.u32()};
  return c;
}

void make_encodable(any_value& value, std::uint32_t max_status) {
  for (client_info* r : records_in(value)) {
    binary_data& d = member_of_kind<field_kind::binary_data>(*r);
    if (d.data) d.data_length = static_cast<std::uint32_t>(d.data->size());
    if (r->status > max_status) r->status &= max_status;
  }
  if (client_info_array* a = array_in(value); a != nullptr && a->clients) {
    a->num_elements = static_cast<std::uint32_t>(a->clients->size());
  }
}

}  // namespace dhcpm::fuzz
