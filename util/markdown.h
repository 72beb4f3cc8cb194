#pragma once

#include <string>
#include <string_view>

namespace zkgate::util {

// Makes text from code, git or profiles (Rust symbols such as
// "<impl Foo for Box<dyn Bar>>::get", branch names, commit subjects) render literally in
// GitHub-flavoured markdown, also inside a table cell: no HTML, no emphasis, no links,
// no column breaks, no @mentions, no forged "<!-- zkgate -->" markers. Newlines become spaces.
// Every escape_* function also makes its output printable (util/printable.h): valid UTF-8,
// control characters and invalid bytes replaced by U+FFFD.
std::string escape_markdown(std::string_view text);

// Text placed inside raw HTML that GitHub passes through (a <summary> line, a <pre> log
// tail): markdown is not processed there, so only &, <, > and " are replaced by entities.
// Newlines are kept (a <pre> block shows them).
std::string escape_html(std::string_view text);

// The same text for a mermaid chart label (inside double quotes).
std::string escape_mermaid_label(std::string_view text);

}  // namespace zkgate::util
