#include "io/json_writer.hpp"

#include "support/text_buffer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace scarwise::internal {

namespace {

/// 2^53: every integer below it in magnitude is exactly representable as a double.
constexpr double kExactIntegerLimit = 9007199254740992.0;

/// Writes `value` at `out` when it is a decimal of one to three places (31.2, -0.75, 1.125)
/// between 0.01 and 10^12 in magnitude, exactly as std::to_chars would, and sets `end`; returns
/// false for any other value. Measurements mostly look like this, and std::to_chars' search for
/// the shortest form costs several times this.
///
/// Why the text is the same: a decimal of at most 15 significant digits that reads back to
/// `value` is the only such decimal that does (DBL_DIG), so it is the shortest one, and in this
/// range fixed notation is shorter than scientific, which std::to_chars would otherwise pick.
bool short_decimal_text(double value, char* out, char*& end) {
  const double magnitude = std::fabs(value);
  if (!(magnitude >= 0.01 && magnitude < 1e12)) return false;
  constexpr double kScales[] = {10, 100, 1000};
  // The fewest places that read back, so the last digit is no zero.
  for (int places = 1; places <= 3; ++places) {
    const double scale = kScales[places - 1];
    // The digits are below 10^15, so exact; dividing them rounds once, as reading would.
    const double digits = std::round(magnitude * scale);
    if (digits / scale != magnitude) continue;
    char text[24];
    const char* const text_end =
        std::to_chars(text, text + sizeof text, static_cast<std::int64_t>(digits)).ptr;
    const int length = static_cast<int>(text_end - text);
    const int whole = std::max(length - places, 0);  // digits before the point
    if (value < 0) *out++ = '-';
    if (whole == 0) {
      *out++ = '0';
      *out++ = '.';
      for (int i = length; i < places; ++i) *out++ = '0';
    } else {
      std::memcpy(out, text, static_cast<std::size_t>(whole));
      out += whole;
      *out++ = '.';
    }
    std::memcpy(out, text + whole, static_cast<std::size_t>(length - whole));
    end = out + (length - whole);
    return true;
  }
  return false;
}

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

void append_escaped(std::string& out, char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      out += "\\u00";
      out += kHex[static_cast<unsigned char>(c) >> 4];
      out += kHex[static_cast<unsigned char>(c) & 0xf];
  }
}

/// Appends `text` as a JSON string literal, escaped exactly as Boost.JSON's serializer does
/// (the two short escapes for quote and backslash, \b \f \n \r \t, \u00xx with lowercase hex
/// for the other control characters, everything else as is), without the temporary string a
/// call to boost::json::serialize would allocate for every key and value.
void append_string_literal(std::string& out, boost::json::string_view text) {
  out += '"';
  const char* run = text.data();
  const char* const end = text.data() + text.size();
  for (const char* p = run; p != end; ++p) {
    if (!needs_escape(*p)) continue;
    out.append(run, p);  // the characters that need no escape, in one go
    append_escaped(out, *p);
    run = p + 1;
  }
  out.append(run, end);
  out += '"';
}

class PrettyWriter {
 public:
  /// `pretty`: two-space indentation, one member per line, ": " after keys. Otherwise the
  /// same document with no whitespace at all, for one-line-per-record streams.
  explicit PrettyWriter(bool pretty) : pretty_(pretty) {}

  std::string take() { return std::move(out_); }

  void write(const boost::json::value& value, int depth) {
    switch (value.kind()) {
      case boost::json::kind::object:
        return write_object(value.get_object(), depth);
      case boost::json::kind::array:
        return write_array(value.get_array(), depth);
      case boost::json::kind::string:
        append_string_literal(out_, value.get_string());
        return;
      case boost::json::kind::int64:
        out_ += std::to_string(value.get_int64());
        return;
      case boost::json::kind::uint64:
        out_ += std::to_string(value.get_uint64());
        return;
      case boost::json::kind::double_:
        out_ += format_json_number(value.get_double());
        return;
      case boost::json::kind::bool_:
        out_ += value.get_bool() ? "true" : "false";
        return;
      case boost::json::kind::null:
        out_ += "null";
        return;
    }
  }

 private:
  void newline(int depth) {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth) * 2, ' ');
  }

  void write_object(const boost::json::object& object, int depth) {
    if (object.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    bool first = true;
    for (const auto& member : object) {
      if (!first) out_ += ',';
      first = false;
      newline(depth + 1);
      append_string_literal(out_, member.key());
      out_ += pretty_ ? ": " : ":";
      write(member.value(), depth + 1);
    }
    newline(depth);
    out_ += '}';
  }

  void write_array(const boost::json::array& array, int depth) {
    if (array.empty()) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    bool first = true;
    for (const auto& element : array) {
      if (!first) out_ += ',';
      first = false;
      newline(depth + 1);
      write(element, depth + 1);
    }
    newline(depth);
    out_ += ']';
  }

  bool pretty_;
  std::string out_;
};

}  // namespace

std::string_view json_number_text(double value, JsonNumberBuffer& buffer) {
  if (!std::isfinite(value)) return "null";
  char* const first = buffer.data();
  char* const last = first + buffer.size();
  char* end = nullptr;
  if (std::trunc(value) == value && std::fabs(value) < kExactIntegerLimit) {
    end = std::to_chars(first, last, static_cast<std::int64_t>(value)).ptr;
  } else if (!short_decimal_text(value, first, end)) {
    end = std::to_chars(first, last, value).ptr;
  }
  return std::string_view(first, static_cast<std::size_t>(end - first));
}

void append_json_number(std::string& out, double value) {
  JsonNumberBuffer buffer;
  out += json_number_text(value, buffer);
}

bool json_string_needs_escape(std::string_view text) {
  for (const char c : text) {
    if (needs_escape(c)) return true;
  }
  return false;
}

std::string format_json_number(double value) {
  std::string out;
  append_json_number(out, value);
  return out;
}

void append_json_string(std::string& out, std::string_view text) {
  append_string_literal(out, boost::json::string_view(text.data(), text.size()));
}

void append_json_string(TextBuffer& out, std::string_view text) {
  if (!json_string_needs_escape(text)) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  std::string escaped;
  append_json_string(escaped, text);
  out += escaped;
}

std::string write_pretty_json(const boost::json::value& value) {
  PrettyWriter writer(true);
  writer.write(value, 0);
  std::string out = writer.take();
  out += '\n';
  return out;
}

std::string write_compact_json(const boost::json::value& value) {
  PrettyWriter writer(false);
  writer.write(value, 0);
  return writer.take();
}

}  // namespace scarwise::internal
