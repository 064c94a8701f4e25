// Views and the owning decoder agree (issue 5 point 3): on every array vector
// in every layout, on 10,000 generated arrays, and on every truncation and
// bit flip of the array vectors — the same accept/reject, the same error code,
// offset and path, the same warnings, and the same value read field by field.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <ranges>
#include <memory>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/view.hpp"
#include "support/generate.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

static_assert(std::forward_iterator<array_view::iterator>);
static_assert(std::ranges::forward_range<const array_view>);

// Every field read through the accessors (not through to_value), compared
// with the owning decoder's record. Written out field by field on purpose: an
// independent check that the schema ties each member to the right bytes.
void expect_same_record(const client_view& v, const client_info& r, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(v.get<&client_info::client_ip_address>(), r.client_ip_address);
  EXPECT_EQ(v.get<&client_info::subnet_mask>(), r.subnet_mask);
  EXPECT_EQ(v.data_length(), r.client_hardware_address.data_length);
  const auto data = v.data();
  ASSERT_EQ(data.has_value(), r.client_hardware_address.data.has_value());
  if (data) {
    EXPECT_TRUE(std::equal(data->begin(), data->end(), r.client_hardware_address.data->begin(),
                           r.client_hardware_address.data->end()));
  }
  EXPECT_TRUE(v.get<&client_info::client_name>() == r.client_name);
  EXPECT_TRUE(v.get<&client_info::client_comment>() == r.client_comment);
  EXPECT_EQ(v.get<&client_info::client_lease_expires>(), r.client_lease_expires);
  EXPECT_EQ(v.get<&host_info::ip_address>(), r.owner_host.ip_address);
  EXPECT_TRUE(v.get<&host_info::net_bios_name>() == r.owner_host.net_bios_name);
  EXPECT_TRUE(v.get<&host_info::host_name>() == r.owner_host.host_name);
  EXPECT_EQ(v.get<&client_info::client_type>(), r.client_type);
  EXPECT_EQ(v.get<&client_info::address_state>(), r.address_state);
  EXPECT_EQ(v.get<&client_info::status>(), r.status);
  EXPECT_EQ(v.get<&client_info::probation_ends>(), r.probation_ends);
  EXPECT_EQ(v.get<&client_info::quarantine_capable>(), r.quarantine_capable);
  EXPECT_EQ(v.get<&client_info::sent_pot_exp_time>(), r.sent_pot_exp_time);
  EXPECT_EQ(v.get<&client_info::ack_pot_exp_time>(), r.ack_pot_exp_time);
  EXPECT_EQ(v.get<&client_info::recv_pot_exp_time>(), r.recv_pot_exp_time);
  EXPECT_EQ(v.get<&client_info::start_time>(), r.start_time);
  EXPECT_EQ(v.get<&client_info::clt_last_trans_time>(), r.clt_last_trans_time);
  EXPECT_EQ(v.get<&client_info::last_bnd_upd_time>(), r.last_bnd_upd_time);
  EXPECT_EQ(v.get<&client_info::bnd_msg_status>(), r.bnd_msg_status);
  EXPECT_TRUE(v.get<&client_info::policy_name>() == r.policy_name);
  EXPECT_EQ(v.get<&client_info::flags>(), r.flags);
  EXPECT_EQ(v.to_value(), r);
}

// "" when they agree, else what differs.
std::string disagreement(byte_span input, layout wire, const decode_options& options) {
  const result<decoded<client_info_array>> owned = decode<client_info_array>(input, wire, options);
  const result<array_view> view = view_array(input, wire, options);
  if (owned.has_value() != view.has_value()) {
    return std::string("owning ") + (owned ? "accepts" : "rejects: " + describe(owned.error_value())) + ", view " +
           (view ? "accepts" : "rejects: " + describe(view.error_value()));
  }
  if (!owned) {
    return owned.error_value() == view.error_value()
               ? ""
               : "errors differ: " + describe(owned.error_value()) + " vs " + describe(view.error_value());
  }
  if (!(owned->warnings == view->warnings())) return "warnings differ";
  const client_info_array& a = owned->value;
  if (view->num_elements() != a.num_elements || view->clients_is_null() != !a.clients.has_value()) {
    return "array header differs";
  }
  if (a.clients) {
    if (view->size() != a.clients->size() || view->record_count() != a.clients->record_count()) return "sizes differ";
    std::size_t i = 0;
    for (const auto element : *view) {  // iteration and operator[] reach the same records
      if (i == view->size()) return "iteration goes past the last slot";
      const client_info* record = (*a.clients)[i];
      if (element.has_value() != (record != nullptr)) return "NULL-ness of element " + std::to_string(i) + " differs";
      if (element && !(element->to_value() == *record)) return "element " + std::to_string(i) + " differs";
      const auto indexed = (*view)[i];
      if (indexed.has_value() != element.has_value() || (indexed && indexed->offset() != element->offset())) {
        return "iteration and operator[] differ at element " + std::to_string(i);
      }
      ++i;
    }
    if (i != view->size()) return "iteration stops after " + std::to_string(i) + " of " + std::to_string(view->size());
  }
  return "";
}

// The layouts arrays are viewed in, with the vector file kind that holds them.
struct layout_file {
  layout wire;
  const char* kind;
};
constexpr layout_file array_files[] = {
    {layout::ndr20, "ndr20"},         {layout::ndr20be, "ndr20be"},           {layout::ndr64, "ndr64"},
    {layout::ndr20, "foreign.ndr20"}, {layout::ndr64, "foreign.ndr64"},       {layout::pickle, "pickle.ndr20"},
    {layout::pickle, "pickle.ndr20be"}, {layout::pickle_ndr64, "pickle.ndr64"}, {layout::pickle2_ndr20, "pickle2.ndr20"},
    {layout::pickle_ndr20be, "foreign.pickle.ndr20be"}, {layout::x64, "x64"}, {layout::x86, "x86"},
};

TEST(ViewAgreement, EveryArrayVectorInEveryLayout) {
  std::size_t files = 0;
  for (const vector_info& v : all_vectors()) {
    if (v.type != value_kind::array) continue;
    const client_info_array expected = load_array(v.name);
    for (const layout_file& f : array_files) {
      if (!v.has(f.kind)) continue;
      ++files;
      const std::vector<std::uint8_t> input = read_vector_file(v, f.kind);
      SCOPED_TRACE(v.file_name(f.kind));
      const result<array_view> view = view_array(input, f.wire);
      ASSERT_TRUE(view) << describe(view.error_value());
      EXPECT_TRUE(view->warnings().empty());
      EXPECT_EQ(view->to_value(), expected);
      if (expected.clients) {
        for (std::size_t i = 0; i < expected.clients->size(); ++i) {
          const client_info* record = (*expected.clients)[i];
          ASSERT_EQ((*view)[i].has_value(), record != nullptr);
          if (record != nullptr) expect_same_record(*(*view)[i], *record, "element " + std::to_string(i));
        }
      }
      EXPECT_EQ(disagreement(input, f.wire, {}), "");
    }
  }
  EXPECT_GE(files, 50u);
}

TEST(ViewAgreement, TenThousandGeneratedValues) {
  value_generator generate(0x51E3A11D, generator_options{.max_elements = 3});
  const layout layouts[] = {layout::ndr20, layout::ndr20be, layout::ndr64, layout::pickle_ndr20, layout::pickle_ndr64,
                            layout::pickle2_ndr20, layout::x64, layout::x86};
  for (int i = 0; i < 10'000; ++i) {
    const client_info_array value = generate.array();
    const layout wire = layouts[static_cast<std::size_t>(i) % std::size(layouts)];
    const result<bytes> encoded = encode<client_info_array>(value, wire);
    // A native image cannot hold a string with an embedded NUL.
    if (!encoded && is_native(wire) && encoded.error_value().code == error_code::value_out_of_range) continue;
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    const result<array_view> view = view_array(*encoded, wire);
    ASSERT_TRUE(view) << "value " << i << " in " << to_string(wire) << ": " << describe(view.error_value());
    ASSERT_EQ(view->to_value(), value) << "value " << i << " in " << to_string(wire);
    if (value.clients && value.clients->record_count() > 0) {
      expect_same_record(view->record(0), value.clients->record(0), "value " + std::to_string(i));
    }
  }
}

// Truncations and single-bit flips of the array vectors in one file kind per
// walker and byte order: strict and lenient, views and decoding agree on
// everything. Every truncation and every bit of the first 512 bytes; past
// that (only array-random-50 is longer) every 7th truncation and one bit of
// every 3rd byte, to keep the test within a minute under ASan.
TEST(ViewAgreement, SweepInputs) {
  const layout_file sweep_files[] = {{layout::ndr20, "ndr20"},       {layout::ndr20be, "ndr20be"},
                                     {layout::ndr64, "ndr64"},       {layout::pickle_ndr64, "pickle.ndr64"},
                                     {layout::x64, "x64"},           {layout::x86, "x86"}};
  std::size_t inputs = 0;
  for (const vector_info& v : all_vectors()) {
    if (v.type != value_kind::array) continue;
    for (const layout_file& f : sweep_files) {
      if (!v.has(f.kind)) continue;
      const std::vector<std::uint8_t> full = read_vector_file(v, f.kind);
      const auto check = [&](std::size_t n, std::size_t flip_byte, unsigned bit) {
        auto buffer = std::make_unique<std::uint8_t[]>(n);  // exact size: ASan sees an over-read
        std::copy_n(full.begin(), n, buffer.get());
        if (flip_byte < n) buffer[flip_byte] ^= static_cast<std::uint8_t>(1u << bit);
        for (const bool strict : {true, false}) {
          ++inputs;
          const std::string problem = disagreement(byte_span(buffer.get(), n), f.wire, decode_options{.strict = strict});
          if (!problem.empty()) {
            ADD_FAILURE() << v.file_name(f.kind) << " (" << n << " bytes, flip " << flip_byte << ":" << bit
                          << (strict ? ", strict" : ", lenient") << "): " << problem;
            return false;
          }
        }
        return true;
      };
      for (std::size_t n = 0; n < full.size(); n += (n < 512 ? 1 : 7)) {
        if (!check(n, SIZE_MAX, 0)) break;
      }
      for (std::size_t i = 0; i < full.size(); ++i) {
        for (unsigned bit = 0; bit < 8; ++bit) {
          if (i >= 512 && (i % 3 != 0 || bit != (i / 3) % 8)) continue;
          if (!check(full.size(), i, bit)) goto next_file;
        }
      }
    next_file:;
    }
  }
  EXPECT_GT(inputs, 50'000u);
}

TEST(ViewAgreement, LimitsGiveTheSameErrors) {
  const std::vector<std::uint8_t> input = read_vector_file(find_vector("array-random-50"), "ndr20");
  for (const decode_options& options :
       {decode_options{.max_elements = 49}, decode_options{.max_string_units = 8},
        decode_options{.max_decoded_bytes = 4096}}) {
    EXPECT_EQ(disagreement(input, layout::ndr20, options), "");
    EXPECT_FALSE(view_array(input, layout::ndr20, options));
  }
}

}  // namespace
}  // namespace dhcpm::test
