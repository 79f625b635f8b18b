#include "testing/case_text.hpp"

#include "support/quote.hpp"

namespace scarwise::internal {

namespace {

// A case is four levels deep; anything deeper is not a case and is shown as an ellipsis.
constexpr int kMaxDepth = 4;

void append_flow(std::string& out, const YamlNode& node, int depth);

void append_scalar(std::string& out, const YamlNode& node) {
  if (node.is_null()) {
    out += "null";
  } else if (node.style == YamlNode::Style::Plain) {
    out += shown(node.scalar);
  } else {
    out += quote(node.scalar);
  }
}

void append_map(std::string& out, const YamlNode& node, int depth) {
  out += "{";
  for (std::size_t i = 0; i < node.entries.size() && out.size() < kMaxCaseLineBytes; ++i) {
    out += i ? ", " : "";
    out += shown(node.entries[i].first.scalar) + ": ";
    append_flow(out, node.entries[i].second, depth + 1);
  }
  out += "}";
}

void append_sequence(std::string& out, const YamlNode& node, int depth) {
  out += "[";
  for (std::size_t i = 0; i < node.items.size() && out.size() < kMaxCaseLineBytes; ++i) {
    out += i ? ", " : "";
    append_flow(out, node.items[i], depth + 1);
  }
  out += "]";
}

void append_flow(std::string& out, const YamlNode& node, int depth) {
  if (depth > kMaxDepth && (node.is_map() || node.is_sequence())) {
    out += node.is_map() ? "{…}" : "[…]";
  } else if (node.is_map()) {
    append_map(out, node, depth);
  } else if (node.is_sequence()) {
    append_sequence(out, node, depth);
  } else {
    append_scalar(out, node);
  }
}

/// One line: `prefix` then `node` in flow style, cut at the line cap.
std::string flow_line(const std::string& prefix, const YamlNode& node) {
  std::string line = prefix;
  append_flow(line, node, 1);
  if (line.size() > kMaxCaseLineBytes) {
    // shown() keeps characters whole; cut the line the same way, never inside one.
    std::size_t cut = kMaxCaseLineBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "…";
  }
  return line + "\n";
}

std::string scars_text(const YamlNode& scars) {
  std::string out = "scars:\n";
  for (std::size_t i = 0; i < scars.items.size() && i < kMaxCaseScars; ++i) {
    out += flow_line("  - ", scars.items[i]);
  }
  if (scars.items.size() > kMaxCaseScars) {
    out += "  # and " + std::to_string(scars.items.size() - kMaxCaseScars) + " more scars\n";
  }
  return out;
}

}  // namespace

std::string case_text(const YamlNode& case_node) {
  if (!case_node.is_map()) return flow_line("", case_node);
  std::string out;
  for (const auto& [key, value] : case_node.entries) {
    if (key.scalar == "scars" && value.is_sequence()) {
      out += scars_text(value);
    } else {
      out += flow_line(shown(key.scalar) + ": ", value);
    }
  }
  return out;
}

}  // namespace scarwise::internal
