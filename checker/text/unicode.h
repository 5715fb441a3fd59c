// Unicode helpers over UTF-8 byte strings, backed by ICU: validation, code
// point decoding and case folding. Offsets are always bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace citelint::text {

// The ICU version citelint runs with ("72.1"), and the RE2 library it has
// loaded ("libre2.so.9"; RE2 has no version call).
std::string IcuVersion();
std::string Re2Library();

// How the bytes of an input read as text (see Decode).
struct Decoded {
  std::string utf8;          // the text as UTF-8
  std::string encoding;      // "UTF-8", "UTF-16LE", "windows-1252", …
  int replaced = 0;          // ill-formed UTF-8 sequences replaced with U+FFFD
  uint32_t first_replaced = 0;  // byte offset (in utf8) of the first of them
  bool converted = false;    // not read as UTF-8 (utf8 differs from the input)
};
// Reads input bytes as a newsroom sends them: UTF-8 (a BOM kept, as the
// loaders skip it); UTF-16 with a byte-order mark; bytes with no well-formed
// UTF-8 multi-byte sequence but some high bytes, as the legacy 8-bit
// charset ICU detects (windows-1252 unless it is sure of another);
// otherwise UTF-8 with each ill-formed sequence replaced by U+FFFD.
// nullopt when a converter fails.
std::optional<Decoded> Decode(std::string_view bytes);

// Bytes declared to be in `charset` (as an HTTP Content-Type names it:
// "iso-8859-1", "windows-1252", "utf-16le", …; any name ICU knows) as UTF-8.
// nullopt when ICU knows no such charset (`*unknown` set) or the bytes are
// ill-formed in it. UTF-8 itself is returned as it is (the loaders replace
// and report ill-formed sequences, as for a file).
std::optional<std::string> FromCharset(std::string_view bytes, const std::string& charset, bool* unknown);

// Byte offset of the first ill-formed UTF-8 sequence, or nullopt if valid.
std::optional<uint32_t> FindInvalidUtf8(std::string_view bytes);

// Decodes the code point starting at byte i (advancing i), or before byte i
// (moving i back). Returns U+FFFD for ill-formed input; -1 at the ends.
// ASCII is decoded here, inline; anything else by ICU's U8_NEXT.
int32_t NextCodePointSlow(std::string_view s, uint32_t& i);
inline int32_t NextCodePoint(std::string_view s, uint32_t& i) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) return static_cast<unsigned char>(s[i++]);
  return NextCodePointSlow(s, i);
}
int32_t PrevCodePoint(std::string_view s, uint32_t& i);

// Unicode default case folding (for label and title comparison); ASCII
// text, whose folding is its lower case, without a round trip through UTF-16.
std::string FoldCase(std::string_view s);
// The same into `out` (its buffer reused; `s` may view it).
void FoldCase(std::string_view s, std::string& out);
// The same appended to `out` (`s` must not view it): a tokenizer's words
// folded one after another into one buffer, without a copy apiece.
void AppendFoldCase(std::string_view s, std::string& out);

// Unicode letters and case; ASCII answered inline (the same answers ICU
// gives: A-Z and a-z are the only ASCII letters), the rest by ICU.
bool IsLetterSlow(int32_t c);
bool IsUpperSlow(int32_t c);
bool IsLowerSlow(int32_t c);
inline bool IsLetter(int32_t c) {
  if (c >= 0 && c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return IsLetterSlow(c);
}
inline bool IsUpper(int32_t c) {
  if (c >= 0 && c < 0x80) return c >= 'A' && c <= 'Z';
  return IsUpperSlow(c);
}
inline bool IsLower(int32_t c) {
  if (c >= 0 && c < 0x80) return c >= 'a' && c <= 'z';
  return IsLowerSlow(c);
}
// ASCII letters and digits, and ASCII lower case (other bytes unchanged): the
// byte-level fast paths of the tokenizers and of FoldCase share these.
inline bool IsAsciiAlnum(char b) { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'); }
inline char AsciiLower(char b) { return b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : b; }
// Unicode White_Space (NBSP and the other Unicode spaces) and U+FEFF; ASCII
// answered inline: tab, LF, VT, FF, CR and space are its only ASCII members.
bool IsWhitespaceSlow(int32_t c);
inline bool IsWhitespace(int32_t c) {
  if (c >= 0 && c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return IsWhitespaceSlow(c);
}
// Terminal cells a code point takes: 2 for East Asian wide and fullwidth (CJK,
// most emoji), 0 for combining marks and format characters, else 1.
int DisplayWidth(int32_t c);
// Closing quotation marks (”, ’, ", ', », ›, 」, 』).
bool IsClosingQuote(int32_t c);
// Dashes usable in a range of note numbers (hyphen, en dash, em dash, …).
bool IsRangeDash(int32_t c);
// Value of a superscript digit (¹ → 1), or -1.
int SuperscriptDigit(int32_t c);

}  // namespace citelint::text
