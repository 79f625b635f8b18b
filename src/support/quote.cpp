#include "support/quote.hpp"

#include <algorithm>

#include "support/utf8.hpp"

namespace scarwise::internal {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_byte_escape(std::string& out, unsigned char byte) {
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0f];
}

void append_code_point_escape(std::string& out, std::uint32_t code_point) {
  out += "\\u{";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_point >> shift) & 0x0f];
  out += '}';
}

/// Appends the ASCII byte `c`, escaped when it is a control character or, inside quotes, a
/// quote or backslash.
void append_ascii(std::string& out, char c, bool in_quotes) {
  switch (c) {
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    default:
      break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7F) {
    append_byte_escape(out, byte);
  } else {
    if (in_quotes && (c == '\'' || c == '\\')) out += '\\';
    out += c;
  }
}

std::string show(std::string_view text, bool in_quotes, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (i + std::max<std::size_t>(length, 1) > max_bytes) break;
    if (length == 0) {
      append_byte_escape(out, static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (length == 1) {
      append_ascii(out, text[i], in_quotes);
    } else {
      const std::uint32_t code_point = utf8_code_point(text, i, length);
      if (code_point <= 0x9F || is_bidi_control(code_point)) {
        append_code_point_escape(out, code_point);  // C1 controls and text reordering
      } else {
        out.append(text, i, length);
      }
    }
    i += length;
  }
  if (i < text.size()) out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
  return out;
}

}  // namespace

std::string shown(std::string_view text) { return show(text, false, kMaxShownBytes); }

std::string shown_in_full(std::string_view text) { return show(text, false, text.size()); }

std::string quote(std::string_view text) { return "'" + show(text, true, kMaxShownBytes) + "'"; }

std::string quote_in_full(std::string_view text) {
  return "'" + show(text, true, text.size()) + "'";
}

}  // namespace scarwise::internal
