// dhcpm_pcapgen: writes a pcap of one TCP connection carrying a DCE/RPC
// (connection-oriented) bind to dhcpsrv2 and R_DhcpV4FailoverGetClientInfo
// (opnum 98) request/response pairs whose response stubs dhcpm encodes, plus
// the values a dissector must show (expected.tsv) for the tshark tests.
//
//   dhcpm_pcapgen --vectors DIR --wire ndr20|ndr20be|ndr64 --out FILE.pcap --expected FILE.tsv
//
// Calls (call_id 1 is the bind):
//   2..6  one response each for the golden vectors typical, unicode, minimal,
//         empty-strings, extremes (tests/vectors/<name>.json)
//   7     a NULL ClientInfo with ReturnValue ERROR_DHCP_JET_ERROR (20013)
//   8     typical again, its response split across three DCE/RPC fragments
//   9     malformed: typical cut inside its ReturnValue (2 bytes short)
//   10    malformed: typical with ClientName's actual_count above its max_count
// The NDR 2.0 captures use drep 0x10 (little-endian) or 0x00 (big-endian);
// ndr64 binds with the NDR64 transfer syntax and little-endian drep.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/endian/conversion.hpp>

#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/json.hpp"
#include "pcap_writer.hpp"

namespace {

using dhcpm::bytes;
using dhcpm::layout;

struct uuid {
  std::uint32_t data1;
  std::uint16_t data2, data3;
  std::uint8_t data4[8];
};
constexpr uuid dhcpsrv2{0x5b821720, 0xf63b, 0x11d0, {0xaa, 0xd2, 0x00, 0xc0, 0x4f, 0xc3, 0x24, 0xdb}};
constexpr uuid ndr20_syntax{0x8a885d04, 0x1ceb, 0x11c9, {0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60}};
constexpr uuid ndr64_syntax{0x71710533, 0xbeba, 0x4937, {0x83, 0x19, 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36}};

constexpr std::uint8_t ptype_request = 0, ptype_response = 2, ptype_bind = 11, ptype_bind_ack = 12;
constexpr std::uint8_t pfc_first_frag = 0x01, pfc_last_frag = 0x02;
constexpr std::uint16_t opnum_get_client_info = 98;
constexpr std::uint32_t error_dhcp_jet_error = 20013;
constexpr std::uint16_t server_port = 49158;  // a dynamic port, as dhcpsrv2 uses (no port 135 hint)

// Writes integers in the byte order of the PDU's data representation.
class writer {
 public:
  explicit writer(bool big_endian) : big_(big_endian) {}
  void u8(std::uint8_t v) { out_.push_back(v); }
  void u16(std::uint16_t v) { put(v); }
  void u32(std::uint32_t v) { put(v); }
  void u64(std::uint64_t v) { put(v); }
  void raw(std::span<const std::uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }
  void align(std::size_t n) {
    while (out_.size() % n != 0) out_.push_back(0);
  }
  void id(const uuid& u, std::uint16_t major, std::uint16_t minor) {
    u32(u.data1);
    u16(u.data2);
    u16(u.data3);
    raw(u.data4);
    // if_version is one u32: the major version in its low 16 bits.
    u32(static_cast<std::uint32_t>(minor) << 16 | major);
  }
  bytes& data() { return out_; }

 private:
  template <class T>
  void put(T v) {
    std::uint8_t b[sizeof(T)];
    if (big_)
      boost::endian::endian_store<T, sizeof(T), boost::endian::order::big>(b, v);
    else
      boost::endian::endian_store<T, sizeof(T), boost::endian::order::little>(b, v);
    raw(b);
  }
  bool big_;
  bytes out_;
};

struct connection {
  bool big_endian;
  bool ndr64;
};

// The 16-byte common header, with frag_length patched in by finish().
writer pdu(const connection& c, std::uint8_t ptype, std::uint8_t flags, std::uint32_t call_id) {
  writer w(c.big_endian);
  w.u8(5);
  w.u8(0);
  w.u8(ptype);
  w.u8(flags);
  w.u8(c.big_endian ? 0x00 : 0x10);  // integers; ASCII characters, IEEE floats
  w.u8(0);
  w.u8(0);
  w.u8(0);
  w.u16(0);  // frag_length
  w.u16(0);  // auth_length
  w.u32(call_id);
  return w;
}

bytes finish(const connection& c, writer& w) {
  bytes out = std::move(w.data());
  const auto length = static_cast<std::uint16_t>(out.size());
  if (c.big_endian)
    boost::endian::endian_store<std::uint16_t, 2, boost::endian::order::big>(&out[8], length);
  else
    boost::endian::endian_store<std::uint16_t, 2, boost::endian::order::little>(&out[8], length);
  return out;
}

bytes bind(const connection& c) {
  writer w = pdu(c, ptype_bind, pfc_first_frag | pfc_last_frag, 1);
  w.u16(5840);  // max_xmit_frag
  w.u16(5840);  // max_recv_frag
  w.u32(0);     // assoc_group_id
  w.u8(1);      // one presentation context
  w.u8(0);
  w.u16(0);
  w.u16(0);  // p_cont_id
  w.u8(1);   // one transfer syntax
  w.u8(0);
  w.id(dhcpsrv2, 1, 0);
  if (c.ndr64)
    w.id(ndr64_syntax, 1, 0);
  else
    w.id(ndr20_syntax, 2, 0);
  return finish(c, w);
}

bytes bind_ack(const connection& c) {
  writer w = pdu(c, ptype_bind_ack, pfc_first_frag | pfc_last_frag, 1);
  w.u16(5840);
  w.u16(5840);
  w.u32(0x12345);
  const std::string port = std::to_string(server_port);
  w.u16(static_cast<std::uint16_t>(port.size() + 1));
  w.raw({reinterpret_cast<const std::uint8_t*>(port.c_str()), port.size() + 1});
  w.align(4);
  w.u8(1);  // one result
  w.u8(0);
  w.u16(0);
  w.u16(0);  // acceptance
  w.u16(0);
  if (c.ndr64)
    w.id(ndr64_syntax, 1, 0);
  else
    w.id(ndr20_syntax, 2, 0);
  return finish(c, w);
}

// The [in] stub of opnum 98: ServerIpAddress ([unique, string] LPWSTR) and
// SearchInfo ([ref] DHCP_SEARCH_INFO*: SearchType DhcpClientIpAddress = 0,
// then the non-encapsulated union's discriminant and ClientIpAddress).
// NDR64: 8-byte referent id and counts, the enum is 4 bytes, and the union is
// aligned to 8 (its widest arm is the LPWSTR pointer).
bytes request_stub(const connection& c, std::u16string_view server, std::uint32_t client_ip) {
  writer w(c.big_endian);
  const auto units = static_cast<std::uint32_t>(server.size() + 1);
  if (c.ndr64) {
    w.u64(0x00020000);
    w.u64(units);
    w.u64(0);
    w.u64(units);
  } else {
    w.u32(0x00020000);
    w.u32(units);
    w.u32(0);
    w.u32(units);
  }
  for (char16_t u : server) w.u16(static_cast<std::uint16_t>(u));
  w.u16(0);
  if (c.ndr64) {
    w.align(8);
    w.u32(0);  // SearchType
    w.align(8);
    w.u32(0);  // union discriminant
    w.u32(client_ip);
  } else {
    w.align(4);
    w.u16(0);  // SearchType
    w.u16(0);  // union discriminant
    w.u32(client_ip);
  }
  return std::move(w.data());
}

bytes request(const connection& c, std::uint32_t call_id, const bytes& stub) {
  writer w = pdu(c, ptype_request, pfc_first_frag | pfc_last_frag, call_id);
  w.u32(static_cast<std::uint32_t>(stub.size()));  // alloc_hint
  w.u16(0);                                         // p_cont_id
  w.u16(opnum_get_client_info);
  w.raw(stub);
  return finish(c, w);
}

// The response's stub in `parts` fragments (as even as the bytes allow).
std::vector<bytes> response(const connection& c, std::uint32_t call_id, const bytes& stub, std::size_t parts) {
  std::vector<bytes> pdus;
  std::size_t sent = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    const std::size_t end = i + 1 == parts ? stub.size() : stub.size() * (i + 1) / parts;
    std::uint8_t flags = 0;
    if (i == 0) flags |= pfc_first_frag;
    if (i + 1 == parts) flags |= pfc_last_frag;
    writer w = pdu(c, ptype_response, flags, call_id);
    w.u32(static_cast<std::uint32_t>(stub.size() - sent));  // alloc_hint: what remains
    w.u16(0);                                                // p_cont_id
    w.u8(0);                                                 // cancel_count
    w.u8(0);
    w.raw(std::span(stub).subspan(sent, end - sent));
    pdus.push_back(finish(c, w));
    sent = end;
  }
  return pdus;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string dotted(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string(a >> 16 & 0xff) + "." + std::to_string(a >> 8 & 0xff) +
         "." + std::to_string(a & 0xff);
}

// A string as tshark -T fields prints it: "" for NULL and for "", "*" (not
// compared) when it is not printable UTF-8 on one line.
std::string expected_text(const dhcpm::utf16_string& s) {
  if (s.is_null()) return "";
  const auto utf8 = s.to_utf8();
  if (!utf8) return "*";
  for (unsigned char ch : *utf8)
    if (ch < 0x20 || ch == 0x7f || ch == '\\') return "*";
  return *utf8;
}

// One line of expected.tsv; columns as the tshark test asks for them:
// call_id, the request's SearchInfo.ClientIpAddress, then the response's
// ClientIpAddress, ClientName, PolicyName, OwnerHost.HostName, ReturnValue
// and dhcpm error code ("*" = not compared).
std::string expected_line(std::uint32_t call_id, std::uint32_t search_ip, const dhcpm::get_client_info_response& r,
                          std::string_view error) {
  std::string line = std::to_string(call_id) + "\t" + dotted(search_ip) + "\t";
  if (!error.empty()) return line + "*\t*\t*\t*\t*\t" + std::string(error) + "\n";
  if (r.client) {
    line += dotted(r.client->client_ip_address) + "\t" + expected_text(r.client->client_name) + "\t" +
            expected_text(r.client->policy_name) + "\t" + expected_text(r.client->owner_host.host_name) + "\t";
  } else {
    line += "\t\t\t\t";
  }
  return line + std::to_string(r.return_value) + "\t\n";
}

int usage() {
  std::fputs("usage: dhcpm_pcapgen --vectors DIR --wire ndr20|ndr20be|ndr64 --out FILE.pcap --expected FILE.tsv\n",
             stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string vectors, wire_name, out, expected_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--vectors")
      vectors = argv[i + 1];
    else if (flag == "--wire")
      wire_name = argv[i + 1];
    else if (flag == "--out")
      out = argv[i + 1];
    else if (flag == "--expected")
      expected_path = argv[i + 1];
    else
      return usage();
  }
  if (argc % 2 == 0 || vectors.empty() || out.empty() || expected_path.empty()) return usage();
  layout wire;
  if (wire_name == "ndr20")
    wire = layout::ndr20;
  else if (wire_name == "ndr20be")
    wire = layout::ndr20be;
  else if (wire_name == "ndr64")
    wire = layout::ndr64;
  else
    return usage();
  const connection c{wire == layout::ndr20be, wire == layout::ndr64};

  dhcpm::pcapgen::pcap_writer pcap({{0x00, 0x15, 0x5d, 0x01, 0x02, 0x03}, {192, 168, 1, 50}, 50123},
                                   {{0x00, 0x15, 0x5d, 0x0a, 0x0b, 0x0c}, {192, 168, 1, 2}, server_port});
  if (!pcap.open(out)) return 3;
  std::string expected;
  pcap.handshake();
  pcap.send(true, bind(c));
  pcap.send(false, bind_ack(c));

  std::uint32_t call_id = 2;
  const std::u16string server = u"192.168.1.2";
  // Sends a request for client_ip and the response stub in `parts` fragments.
  auto call = [&](std::uint32_t client_ip, const bytes& stub, std::size_t parts) {
    pcap.send(true, request(c, call_id, request_stub(c, server, client_ip)));
    for (const bytes& p : response(c, call_id, stub, parts)) pcap.send(false, p);
    ++call_id;
  };
  auto encode = [&](const dhcpm::get_client_info_response& r) -> bytes {
    auto encoded = dhcpm::encode<dhcpm::get_client_info_response>(r, wire);
    if (!encoded) {
      std::fprintf(stderr, "dhcpm_pcapgen: %s\n", dhcpm::format_error(encoded.error_value()).c_str());
      std::exit(1);
    }
    return std::move(*encoded);
  };

  dhcpm::get_client_info_response typical;
  for (const char* name : {"typical", "unicode", "minimal", "empty-strings", "extremes"}) {
    const std::string path = vectors + "/" + name + ".json";
    auto value = dhcpm::client_from_json(read_file(path));
    if (!value) {
      std::fprintf(stderr, "dhcpm_pcapgen: %s: %s\n", path.c_str(),
                   dhcpm::format_error(value.error_value()).c_str());
      return 1;
    }
    const dhcpm::get_client_info_response r{std::move(*value), 0};
    expected += expected_line(call_id, r.client->client_ip_address, r, "");
    call(r.client->client_ip_address, encode(r), 1);
    if (std::string_view(name) == "typical") typical = r;
  }

  const dhcpm::get_client_info_response not_found{std::nullopt, error_dhcp_jet_error};
  expected += expected_line(call_id, 0x0a000063, not_found, "");
  call(0x0a000063, encode(not_found), 1);

  const bytes typical_stub = encode(typical);
  expected += expected_line(call_id, typical.client->client_ip_address, typical, "");
  call(typical.client->client_ip_address, typical_stub, 3);

  // Cut inside ReturnValue: the last DWORD is missing two bytes.
  bytes truncated(typical_stub.begin(), typical_stub.end() - 2);
  expected += expected_line(call_id, typical.client->client_ip_address, typical, "truncated");
  call(typical.client->client_ip_address, truncated, 1);

  // ClientName's actual_count one more than its max_count (found by
  // dissecting the good stub), a count a conformant-varying string forbids.
  bytes bad_count = typical_stub;
  const auto parts = dhcpm::dissect(typical_stub, dhcpm::value_type::client,
                                    dhcpm::wire_format{.wire = wire, .frame = dhcpm::framing::response});
  bool patched = false;
  for (const auto& r : parts.regions) {
    const std::size_t count_width = c.ndr64 ? 8 : 4;
    if (r.kind == dhcpm::region_kind::actual_count && r.path == "ClientInfo.ClientName" && r.length == count_width) {
      const auto units = static_cast<std::uint32_t>(typical.client->client_name.size() + 1);
      writer w(c.big_endian);
      if (c.ndr64)
        w.u64(units + 1);
      else
        w.u32(units + 1);
      std::copy(w.data().begin(), w.data().end(), bad_count.begin() + static_cast<std::ptrdiff_t>(r.offset));
      patched = true;
    }
  }
  if (!patched) {
    std::fputs("dhcpm_pcapgen: no actual_count region for ClientInfo.ClientName\n", stderr);
    return 4;
  }
  expected += expected_line(call_id, typical.client->client_ip_address, typical, "actual_count_exceeds_max");
  call(typical.client->client_ip_address, bad_count, 1);

  pcap.close_connection();
  if (!pcap.finish()) return 3;
  std::ofstream(expected_path, std::ios::binary) << expected;
  return 0;
}
