#include "checker/text/unicode.h"

#include <link.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <functional>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
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


namespace {

// Converts bytes in `charset` to UTF-8 with ICU; nullopt when ICU has no
// such converter (`*unknown` set, if given) or, `strict`, at the first
// sequence ill-formed in it (else it is substituted).
std::optional<std::string> ConvertToUtf8(std::string_view bytes, const char* charset, bool strict,
                                         bool* unknown = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset, &status);
  if (U_FAILURE(status) || from == nullptr) {
    if (unknown != nullptr) *unknown = true;
    return std::nullopt;
  }
  if (strict) ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // One UTF-16 unit a byte is enough for every charset but a rare few; for
  // those, the size ICU asks for.
  std::u16string utf16(bytes.size() + 1, u'\0');
  int32_t n16 = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    n16 = ucnv_toUChars(from, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                        static_cast<int32_t>(bytes.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    utf16.assign(static_cast<size_t>(n16) + 1, u'\0');
  }
  ucnv_close(from);
  if (U_FAILURE(status)) return std::nullopt;
  utf16.resize(static_cast<size_t>(n16));
  std::string out;
  icu::UnicodeString(false, utf16.data(), static_cast<int32_t>(utf16.size())).toUTF8String(out);
  return out;
}

}  // namespace

std::optional<std::string> FromCharset(std::string_view bytes, const std::string& charset, bool* unknown) {
  *unknown = false;
  std::string lower;
  for (char c : charset) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "utf-8" || lower == "utf8") return std::string(bytes);
  return ConvertToUtf8(bytes, charset.c_str(), /*strict=*/true, unknown);
}

std::optional<Decoded> Decode(std::string_view bytes) {
  Decoded d;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    d.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    auto utf8 = ConvertToUtf8(bytes.substr(2), d.encoding.c_str(), /*strict=*/false);
    if (!utf8) return std::nullopt;
    d.utf8 = std::move(*utf8);
    d.converted = true;
    return d;
  }
  // Well-formed multi-byte sequences and ill-formed bytes.
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int valid_multibyte = 0, invalid = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) ++invalid;
    else if (i - start > 1) ++valid_multibyte;
  }
  d.encoding = "UTF-8";
  if (invalid == 0) {
    d.utf8 = std::string(bytes);
    return d;
  }
  if (valid_multibyte == 0) {
    // A legacy 8-bit charset (a Word export, an old CMS): ICU's detector,
    // trusted for a charset other than windows-1252's family only when sure.
    std::string charset = "windows-1252";
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* detector = ucsdet_open(&status);
    if (U_SUCCESS(status)) {
      ucsdet_setText(detector, bytes.data(), length, &status);
      const UCharsetMatch* match = ucsdet_detect(detector, &status);
      if (U_SUCCESS(status) && match != nullptr) {
        const char* name = ucsdet_getName(match, &status);
        const int32_t confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && name != nullptr && confidence >= 60 && std::string_view(name) != "ISO-8859-1" &&
            std::string_view(name).starts_with("windows-") == false && std::string_view(name).starts_with("ISO-8859-")) {
          charset = name;
        }
      }
      ucsdet_close(detector);
    }
    auto utf8 = ConvertToUtf8(bytes, charset.c_str(), /*strict=*/false);
    if (!utf8) return std::nullopt;
    d.utf8 = std::move(*utf8);
    d.encoding = charset;
    d.converted = true;
    return d;
  }
  // UTF-8 with a few bad bytes: each ill-formed sequence becomes U+FFFD.
  d.utf8.reserve(bytes.size() + 2 * static_cast<size_t>(invalid));
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (d.replaced++ == 0) d.first_replaced = static_cast<uint32_t>(d.utf8.size());
      d.utf8 += "\xEF\xBF\xBD";
    } else {
      d.utf8.append(bytes.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  d.converted = true;
  return d;
}

std::optional<uint32_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII, always well formed, passed over eight bytes at a time.
    for (uint64_t eight = 0; i + 8 <= length; i += 8) {
      std::memcpy(&eight, s + i, 8);
      if ((eight & 0x8080808080808080ULL) != 0) break;
    }
    if (i >= length) break;
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<uint32_t>(start);
  }
  return std::nullopt;
}

int32_t NextCodePointSlow(std::string_view s, uint32_t& i) {
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

namespace {

// Whether ICU's folding leaves a run of non-ASCII bytes as it is: well-formed
// UTF-8 whose code points have no decomposition and do not change when case
// folded (quotation marks, dashes, most symbols). Changes_When_Casefolded is
// defined on a code point's decomposition ("ǰ" folds to "j" and a combining
// caron, its decomposition, so the property is false for it): a code point
// that has one goes through ICU.
bool FoldsToItselfSlow(UChar32 c) {
  return !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED) &&
         u_getIntPropertyValue(c, UCHAR_DECOMPOSITION_TYPE) == U_DT_NONE;
}

bool FoldsToItself(std::string_view run) {
  // The answers for Latin-1 and General Punctuation (curly quotation marks,
  // dashes: most of the non-ASCII in English prose), asked of ICU once.
  static const auto kLatin1 = [] {
    std::array<bool, 0x80> t{};
    for (UChar32 c = 0x80; c < 0x100; ++c) t[c - 0x80] = FoldsToItselfSlow(c);
    return t;
  }();
  static const auto kPunctuation = [] {
    std::array<bool, 0x70> t{};
    for (UChar32 c = 0x2000; c < 0x2070; ++c) t[c - 0x2000] = FoldsToItselfSlow(c);
    return t;
  }();
  int32_t i = 0;
  const auto n = static_cast<int32_t>(run.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(run.data(), i, n, c);
    if (c < 0) return false;
    const bool same = c >= 0x80 && c < 0x100     ? kLatin1[c - 0x80]
                      : c >= 0x2000 && c < 0x2070 ? kPunctuation[c - 0x2000]
                                                  : FoldsToItselfSlow(c);
    if (!same) return false;
  }
  return true;
}

}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out;
  FoldCase(s, out);
  return out;
}

void FoldCase(std::string_view s, std::string& out) {
  if (!out.empty() && std::less_equal<const char*>()(out.data(), s.data()) &&
      std::less<const char*>()(s.data(), out.data() + out.size())) {
    const std::string copy(s);  // `s` views `out`, which is written over: fold a copy
    FoldCase(copy, out);
    return;
  }
  out.clear();
  AppendFoldCase(s, out);
}

void AppendFoldCase(std::string_view s, std::string& out) {
  // ASCII lowered byte by byte. Case folding maps each code point on its own
  // (no context), and an ASCII byte always ends an ill-formed sequence, so
  // each run of non-ASCII bytes is folded alone: copied when nothing in it
  // folds, else through ICU (UTF-16 and back). The result is ICU's folding
  // of the whole string (a unit test holds it to that for every code point).
  // The common case, all ASCII, lowered in place in one copy.
  const size_t base = out.size();
  out.append(s);
  // (Read and written through locals: stores through a char pointer may
  // alias anything, and made the loop load the view and the buffer again at
  // every byte.)
  const char* const from = s.data();
  const size_t n = s.size();
  char* const to = out.data() + base;
  size_t i = 0;
  for (; i < n && static_cast<unsigned char>(from[i]) < 0x80; ++i) to[i] = AsciiLower(from[i]);
  if (i == n) return;
  out.resize(base + i);
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out += AsciiLower(s[i]);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
    const std::string_view run = s.substr(i, j - i);
    if (FoldsToItself(run)) {
      out.append(run);
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
      u.foldCase();
      u.toUTF8String(out);  // appends
    }
    i = j;
  }
}

bool IsLetterSlow(int32_t c) { return c >= 0 && u_isalpha(c); }
bool IsUpperSlow(int32_t c) { return c >= 0 && u_isupper(c); }
bool IsLowerSlow(int32_t c) { return c >= 0 && u_islower(c); }

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
bool IsWhitespaceSlow(int32_t c) { return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF); }

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
