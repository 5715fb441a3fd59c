#include "checker/text/unicode.h"

#include <link.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace citelint::text {

std::string IcuVersion() {
  UVersionInfo v;
  u_getVersion(v);
  char out[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, out);
  return out;
}

std::string Re2Library() {
  // The file name of the loaded libre2 (its soname carries the ABI version).
  std::string name;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        const std::string_view path = info->dlpi_name == nullptr ? "" : info->dlpi_name;
        const size_t slash = path.rfind('/');
        const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
        if (file.starts_with("libre2.so")) {
          *static_cast<std::string*>(data) = std::string(file);
          return 1;
        }
        return 0;
      },
      &name);
  return name.empty() ? "statically linked" : name;
}


std::optional<uint32_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<uint32_t>(start);
  }
  return std::nullopt;
}

int32_t NextCodePoint(std::string_view s, uint32_t& i) {
  if (i >= s.size()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  i = static_cast<uint32_t>(j);
  return c < 0 ? 0xFFFD : c;
}

int32_t PrevCodePoint(std::string_view s, uint32_t& i) {
  if (i == 0) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, j, c);
  i = static_cast<uint32_t>(j);
  return c < 0 ? 0xFFFD : c;
}

std::string FoldCase(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool IsLetter(int32_t c) { return c >= 0 && u_isalpha(c); }
bool IsUpper(int32_t c) { return c >= 0 && u_isupper(c); }
bool IsLower(int32_t c) { return c >= 0 && u_islower(c); }

int DisplayWidth(int32_t c) {
  if (c < 0) return 1;
  // Combining marks and format characters (zero-width joiner, …) take no cell.
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  // East Asian wide and fullwidth characters (CJK, most emoji) take two.
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  return 1;
}
bool IsWhitespace(int32_t c) { return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF); }

bool IsClosingQuote(int32_t c) {
  switch (c) {
    case '"': case '\'': case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
    case 0x300D: case 0x300F:
      return true;
    default:
      return false;
  }
}

bool IsRangeDash(int32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014;
}

int SuperscriptDigit(int32_t c) {
  switch (c) {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default:
      if (c >= 0x2074 && c <= 0x2079) return c - 0x2070;
      return -1;
  }
}

}  // namespace citelint::text
