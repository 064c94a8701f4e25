#include "generate/realistic_text.hpp"

#include <cctype>
#include <span>
#include <string_view>

namespace dhcpm::detail {
namespace {

template <class T>
const T& pick(realistic_generator& g, std::span<const T> choices) {
  return choices[static_cast<std::size_t>(g.below(choices.size()))];
}
template <class T, std::size_t N>
const T& pick(realistic_generator& g, const std::array<T, N>& choices) {
  return pick(g, std::span<const T>(choices));
}

constexpr std::array<std::string_view, 8> domains{
    "corp.contoso.com", "ad.fabrikam.local", "hq.adatum.com", "lab.northwind.net",
    "branch.woodgrove.org", "example.org", "campus.litware.edu", "stores.tailspin.biz"};

constexpr std::array<std::string_view, 16> first_names{"anna",  "ben",   "chloe", "david", "emma", "farid",
                                                       "grace", "hiro",  "ines",  "jonas", "kemal", "lena",
                                                       "mateo", "nadia", "oscar", "priya"};

constexpr std::array<std::string_view, 8> departments{"fin", "hr", "eng", "ops", "sales", "legal", "it", "lab"};

constexpr std::array<std::string_view, 6> device_kinds{"ws", "build", "kiosk", "pos", "scanner", "cam"};

constexpr std::array<std::string_view, 5> printer_vendors{"hp", "canon", "brother", "xerox", "ricoh"};

constexpr std::array<std::string_view, 6> phones{"iPhone", "iPad", "Galaxy-S23", "Pixel-8", "MacBook-Air",
                                                 "Surface-Pro"};

// Names that real networks do carry, with characters beyond ASCII (and one
// beyond the BMP, which takes a surrogate pair in UTF-16).
constexpr std::array<std::string_view, 8> unicode_names{
    "Café-Laptop", "Müller-PC", "ПК-Бухгалтерия", "会議室-PC", "Zoë-iPad", "Øresund-Kiosk", "José-MacBook",
    "📱-Pixel"};

constexpr std::array<std::string_view, 10> comments{
    "Reserved for the finance printer", "Conference room B display", "VoIP phone, 2nd floor", "Contractor laptop",
    "Moved from VLAN 20", "Badge reader, main entrance", "Do not release: lab equipment", "Test reservation",
    "Warehouse handheld scanner", "Digital signage"};

constexpr std::array<std::string_view, 4> unicode_comments{"Réservé pour l'imprimante du 3ᵉ étage",
                                                           "Drucker im Büro Süd", "会議室Bのディスプレイ",
                                                           "Lab equipment — do not release"};

constexpr std::array<std::string_view, 6> server_names{"DHCP01", "DHCP02", "DHCP-PRI", "DHCP-SEC", "SRV-DHCP01",
                                                       "DC01"};

constexpr std::array<std::string_view, 6> policies{"VoIP Phones", "Guest Wi-Fi", "Printers", "IoT Devices",
                                                   "Lab VLAN 30", "Default Policy"};

// Vendor prefixes (OUIs) found on every enterprise network.
constexpr std::array<std::array<std::uint8_t, 3>, 12> ouis{{
    {0x00, 0x50, 0x56},  // VMware
    {0x00, 0x0C, 0x29},  // VMware
    {0x00, 0x15, 0x5D},  // Microsoft Hyper-V
    {0x08, 0x00, 0x27},  // VirtualBox
    {0x3C, 0x22, 0xFB},  // Apple
    {0xF4, 0x5C, 0x89},  // Apple
    {0xA4, 0xBB, 0x6D},  // Dell
    {0x3C, 0x52, 0x82},  // HP
    {0x00, 0x1B, 0x21},  // Intel
    {0xB8, 0x27, 0xEB},  // Raspberry Pi
    {0x00, 0x25, 0xB5},  // Cisco
    {0x28, 0x6F, 0xB9},  // Nokia
}};

std::string random_chars(realistic_generator& g, std::size_t n, std::string_view alphabet) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += alphabet[static_cast<std::size_t>(g.below(alphabet.size()))];
  return out;
}

std::string two_digits(std::uint64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string ascii_client_name(realistic_generator& g) {
  constexpr std::string_view upper_alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  switch (g.below(6)) {
    case 0: return "DESKTOP-" + random_chars(g, 7, upper_alnum);  // Windows' default names
    case 1: return "LAPTOP-" + random_chars(g, 8, upper_alnum);
    case 2: {
      const std::string owner(pick(g, first_names));
      return owner + "s-" + std::string(pick(g, phones));
    }
    case 3: return "android-" + random_chars(g, 16, "0123456789abcdef");
    case 4: {
      const std::string floor = std::to_string(g.between(1, 9));
      return "printer-" + floor + "f-" + std::string(pick(g, printer_vendors));
    }
    default: {
      const std::string department(pick(g, departments));
      const std::string device(pick(g, device_kinds));
      return department + "-" + device + "-" + two_digits(g.between(1, 99));
    }
  }
}

utf16_string text(std::string_view utf8) {
  // Every table entry is well-formed UTF-8.
  return utf16_string::from_utf8(utf8).value_or(utf16_string::from_units(u"?"));
}

}  // namespace

std::string domain_name(realistic_generator& g) { return std::string(pick(g, domains)); }

utf16_string client_name(realistic_generator& g, const std::string& domain) {
  if (g.chance(8)) return utf16_string::null();
  if (g.chance(3)) return text("");
  if (g.chance(g.options().unicode_percent)) return text(pick(g, unicode_names));
  std::string name = ascii_client_name(g);
  if (g.chance(50)) {  // clients that register their FQDN
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    name += "." + domain;
  }
  return text(name);
}

utf16_string client_comment(realistic_generator& g) {
  if (g.chance(60)) return utf16_string::null();
  if (g.chance(15)) return text("");
  if (g.chance(g.options().unicode_percent)) return text(pick(g, unicode_comments));
  if (g.chance(15)) return text("Ticket INC" + std::to_string(g.between(1000000, 9999999)));
  return text(pick(g, comments));
}

std::string server_netbios_name(realistic_generator& g) { return std::string(pick(g, server_names)); }

utf16_string policy_name(realistic_generator& g) {
  if (g.chance(70)) return utf16_string::null();
  return text(pick(g, policies));
}

std::array<std::uint8_t, 6> mac_address(realistic_generator& g) {
  const std::array<std::uint8_t, 3>& oui = pick(g, ouis);
  std::array<std::uint8_t, 6> mac{oui[0], oui[1], oui[2], 0, 0, 0};
  for (std::size_t i = 3; i < 6; ++i) mac[i] = static_cast<std::uint8_t>(g.below(256));
  return mac;
}

}  // namespace dhcpm::detail
