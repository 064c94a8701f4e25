// Strict UTF-16 <-> UTF-8: every boundary of Unicode Table 3-7, every way a
// surrogate can be unpaired, NUL as data, and NULL vs empty.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dhcpm/utf16_string.hpp"

namespace dhcpm {
namespace {

std::string bytes(std::initializer_list<unsigned> values) {
  std::string out;
  for (unsigned v : values) out.push_back(static_cast<char>(v));
  return out;
}

// Reference decoder for the exhaustive sweeps, written differently from the
// library on purpose: it decodes without range checks and then judges the
// code point (shortest form, not a surrogate, not above U+10FFFF), where the
// library restricts the second byte's range.
std::optional<char32_t> reference_decode(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  if (s.empty()) return std::nullopt;
  std::size_t length = 0;
  char32_t cp = 0;
  if (b(0) < 0x80) {
    length = 1;
    cp = b(0);
  } else if ((b(0) & 0xE0) == 0xC0) {
    length = 2;
    cp = b(0) & 0x1F;
  } else if ((b(0) & 0xF0) == 0xE0) {
    length = 3;
    cp = b(0) & 0x0F;
  } else if ((b(0) & 0xF8) == 0xF0) {
    length = 4;
    cp = b(0) & 0x07;
  } else {
    return std::nullopt;
  }
  if (s.size() != length) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    if ((b(i) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b(i) & 0x3F);
  }
  static constexpr char32_t shortest_min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < shortest_min[length]) return std::nullopt;
  if (cp >= 0xD800 && cp <= 0xDFFF) return std::nullopt;
  if (cp > 0x10FFFF) return std::nullopt;
  return cp;
}

std::u16string units_of(char32_t cp) {
  if (cp < 0x10000) return std::u16string(1, static_cast<char16_t>(cp));
  const char32_t v = cp - 0x10000;
  return {static_cast<char16_t>(0xD800 + (v >> 10)), static_cast<char16_t>(0xDC00 + (v & 0x3FF))};
}

TEST(Utf16Conversion, BoundariesOfEachSequenceLength) {
  struct boundary {
    std::u16string units;
    std::string utf8;
  };
  const boundary cases[] = {
      {std::u16string(1, u'\0'), bytes({0x00})},
      {u"\u007F", bytes({0x7F})},
      {u"\u0080", bytes({0xC2, 0x80})},
      {u"\u07FF", bytes({0xDF, 0xBF})},
      {u"\u0800", bytes({0xE0, 0xA0, 0x80})},
      {u"\uD7FF", bytes({0xED, 0x9F, 0xBF})},
      {u"\uE000", bytes({0xEE, 0x80, 0x80})},
      {u"\uFFFF", bytes({0xEF, 0xBF, 0xBF})},
      {u"\U00010000", bytes({0xF0, 0x90, 0x80, 0x80})},
      {u"\U0001F512", bytes({0xF0, 0x9F, 0x94, 0x92})},
      {u"\U0010FFFF", bytes({0xF4, 0x8F, 0xBF, 0xBF})},
  };
  for (const boundary& c : cases) {
    SCOPED_TRACE(c.utf8.size());
    EXPECT_TRUE(is_valid_utf16(c.units));
    EXPECT_EQ(utf16_to_utf8(c.units), c.utf8);
    EXPECT_EQ(utf8_to_utf16(c.utf8), c.units);
  }
  EXPECT_EQ(std::u16string(u"\U0001F512"), (std::u16string{0xD83D, 0xDD12}));
}

TEST(Utf16Conversion, UnpairedSurrogatesAreDetected) {
  const std::u16string invalid[] = {
      {0xD800},                  // high alone
      {u'a', 0xDBFF},            // high at the end
      {0xD800, u'a'},            // high followed by a non-surrogate
      {0xD800, 0xD800, 0xDC00},  // high followed by high (the second pair is fine)
      {0xDC00},                  // low alone
      {0xDFFF, u'a'},            // low first
      {0xDC00, 0xD800},          // a pair in the wrong order
      {0xD83D, 0xDD12, 0xDD12},  // a pair, then a stray low
  };
  for (const std::u16string& units : invalid) {
    SCOPED_TRACE(units.size());
    EXPECT_FALSE(is_valid_utf16(units));
    EXPECT_EQ(utf16_to_utf8(units), std::nullopt);
  }
  EXPECT_TRUE(is_valid_utf16(std::u16string{0xD800, 0xDC00, 0xDBFF, 0xDFFF}));
}

TEST(Utf16Conversion, EveryCodeUnitAloneAndEveryCodePointRoundTrips) {
  for (char32_t unit = 0; unit <= 0xFFFF; ++unit) {
    const std::u16string units(1, static_cast<char16_t>(unit));
    const bool surrogate = unit >= 0xD800 && unit <= 0xDFFF;
    ASSERT_EQ(is_valid_utf16(units), !surrogate) << static_cast<std::uint32_t>(unit);
    ASSERT_EQ(utf16_to_utf8(units).has_value(), !surrogate) << static_cast<std::uint32_t>(unit);
  }
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::u16string units = units_of(cp);
    const std::optional<std::string> utf8 = utf16_to_utf8(units);
    ASSERT_TRUE(utf8.has_value()) << static_cast<std::uint32_t>(cp);
    ASSERT_EQ(reference_decode(*utf8), cp) << static_cast<std::uint32_t>(cp);
    ASSERT_EQ(utf8_to_utf16(*utf8), units) << static_cast<std::uint32_t>(cp);
  }
}

TEST(Utf8Conversion, IllFormedSequencesAreRefused) {
  const std::string invalid[] = {
      bytes({0x80}),  // continuation as a lead
      bytes({0xBF}),
      bytes({0xC0, 0x80}),                          // overlong NUL
      bytes({0xC1, 0xBF}),                          // overlong U+007F
      bytes({0xE0, 0x80, 0x80}),                    // overlong 3-byte
      bytes({0xE0, 0x9F, 0xBF}),                    // overlong U+07FF
      bytes({0xED, 0xA0, 0x80}),                    // U+D800 encoded
      bytes({0xED, 0xBF, 0xBF}),                    // U+DFFF encoded
      bytes({0xED, 0xA0, 0xBD, 0xED, 0xB4, 0x92}),  // CESU-8 surrogate pair
      bytes({0xF0, 0x80, 0x80, 0x80}),              // overlong 4-byte
      bytes({0xF0, 0x8F, 0xBF, 0xBF}),              // overlong U+FFFF
      bytes({0xF4, 0x90, 0x80, 0x80}),              // U+110000
      bytes({0xF5, 0x80, 0x80, 0x80}),
      bytes({0xF8, 0x88, 0x80, 0x80, 0x80}),
      bytes({0xFE}),
      bytes({0xFF}),
      bytes({0xC3}),              // truncated 2-byte
      bytes({0xE2, 0x82}),        // truncated 3-byte
      bytes({0xF0, 0x9F, 0x94}),  // truncated 4-byte
      bytes({0xC3, 0x41}),        // continuation missing
      bytes({0xE2, 0x41, 0xAC}),
      bytes({0xF0, 0x9F, 0x94, 0x41}),
      bytes({0x61, 0x62, 0xE2, 0x82}),  // valid prefix, truncated end
  };
  for (const std::string& s : invalid) {
    SCOPED_TRACE(testing::PrintToString(s));
    EXPECT_EQ(utf8_to_utf16(s), std::nullopt);
    EXPECT_EQ(utf16_string::from_utf8(s), std::nullopt);
  }
}

// The library and the reference decoder agree on one sequence: both refuse it,
// or both give the same code point.
testing::AssertionResult agrees_with_reference(const std::string& s) {
  const std::optional<char32_t> expected = reference_decode(s);
  const std::optional<std::u16string> got = utf8_to_utf16(s);
  if (got.has_value() == expected.has_value() && (!expected || *got == units_of(*expected))) {
    return testing::AssertionSuccess();
  }
  testing::AssertionResult failure = testing::AssertionFailure();
  for (char c : s) failure << static_cast<unsigned>(static_cast<std::uint8_t>(c)) << ' ';
  return failure << (expected ? "should decode" : "should be refused");
}

// Every 1-, 2- and 3-byte string and a wide slice of 4-byte ones, judged by
// the reference decoder: the library accepts exactly the well-formed ones.
TEST(Utf8Conversion, AgreesWithReferenceDecoderExhaustively) {
  for (unsigned a = 0; a < 256; ++a) {
    ASSERT_TRUE(agrees_with_reference(bytes({a})));
    // Two ASCII bytes are two sequences: the reference judges one at a time.
    if (a < 0x80) continue;
    for (unsigned b = 0; b < 256; ++b) ASSERT_TRUE(agrees_with_reference(bytes({a, b})));
  }
  for (unsigned a = 0xE0; a <= 0xEF; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c = 0; c < 256; ++c) ASSERT_TRUE(agrees_with_reference(bytes({a, b, c})));
    }
  }
  for (unsigned a = 0xF0; a <= 0xFF; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c : {0x00u, 0x7Fu, 0x80u, 0xA5u, 0xBFu, 0xC0u}) {
        for (unsigned d : {0x00u, 0x80u, 0xBFu, 0xC0u}) ASSERT_TRUE(agrees_with_reference(bytes({a, b, c, d})));
      }
    }
  }
}

TEST(Utf16Conversion, EmbeddedNulIsAnOrdinaryUnit) {
  const std::string utf8("a\0b\0", 4);
  const std::u16string units(u"a\0b\0", 4);
  EXPECT_EQ(utf8_to_utf16(utf8), units);
  EXPECT_EQ(utf16_to_utf8(units), utf8);
  const std::optional<utf16_string> s = utf16_string::from_utf8(utf8);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->size(), 4u);
  EXPECT_EQ(s->to_utf8(), utf8);
}

TEST(Utf16String, NullEmptyAndNonEmptyAreDistinct) {
  const utf16_string null_string;
  const utf16_string empty = utf16_string::from_units(u"");
  const std::optional<utf16_string> empty_from_utf8 = utf16_string::from_utf8("");
  ASSERT_TRUE(empty_from_utf8.has_value());

  EXPECT_TRUE(null_string.is_null());
  EXPECT_EQ(null_string, utf16_string::null());
  EXPECT_FALSE(empty.is_null());
  EXPECT_FALSE(empty_from_utf8->is_null());
  EXPECT_EQ(empty, *empty_from_utf8);
  EXPECT_NE(null_string, empty);
  EXPECT_EQ(null_string.size(), 0u);
  EXPECT_EQ(empty.size(), 0u);

  EXPECT_EQ(null_string.to_utf8(), std::nullopt);
  EXPECT_EQ(empty.to_utf8(), std::string{});
  EXPECT_TRUE(null_string.is_valid_utf16());
}

TEST(Utf16String, KeepsUnpairedSurrogatesExactly) {
  const std::u16string units{u'x', 0xDC01, u'y'};
  const utf16_string s = utf16_string::from_units(units);
  EXPECT_FALSE(s.is_valid_utf16());
  EXPECT_EQ(s.to_utf8(), std::nullopt);
  EXPECT_EQ(s.units(), units);
  EXPECT_NE(s, utf16_string::from_units(u"x\uFFFDy"));  // never replaced
}

TEST(Utf16String, FromUtf8) {
  const std::optional<utf16_string> s = utf16_string::from_utf8("Zoë 🔒");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->units(), std::u16string_view(u"Zoë 🔒"));
  EXPECT_EQ(s->size(), 6u);  // the padlock takes two units
  EXPECT_EQ(s->to_utf8(), "Zoë 🔒");
}

}  // namespace
}  // namespace dhcpm
