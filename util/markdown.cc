#include "util/markdown.h"

#include <cctype>

#include "util/printable.h"

namespace zkgate::util {

std::string escape_markdown(std::string_view raw) {
  const std::string text = printable_text(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      // Entities rather than backslashes: tagfilter and HTML blocks act before escapes do.
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\r':
      case '\n': out += ' '; break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']':
      case '#': case '~': case '!': case '$':
        out += '\\';
        out += c;
        break;
      case '@': {
        out += '@';
        // A word joiner after '@' stops GitHub from turning "@name" into a ping.
        const bool next_is_name = i + 1 < text.size() &&
                                  (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '-');
        if (next_is_name) out += "\u2060";
        break;
      }
      default: out += c;
    }
  }
  return out;
}

std::string escape_html(std::string_view raw) {
  const std::string text = printable_text(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_mermaid_label(std::string_view raw) {
  const std::string text = printable_text(raw);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '`': out += "#96;"; break;
      case '\n':
      case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace zkgate::util
