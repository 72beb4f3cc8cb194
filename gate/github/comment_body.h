#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zkgate::github {

// The hidden first line that identifies zkgate's sticky comment on a PR.
inline constexpr std::string_view kMarker = "<!-- zkgate -->";

// GitHub refuses comment bodies longer than this many characters (HTTP 422).
inline constexpr std::size_t kMaxCommentChars = 65536;

// True when the body's first line is exactly the marker. A comment that merely quotes the
// marker further down (a reviewer pasting our report) is not ours and is never edited.
bool starts_with_marker(std::string_view body);

// Characters as GitHub may count them, erring high: UTF-16 code units (a code point above
// U+FFFF counts twice) and each byte of an invalid UTF-8 sequence counts once.
std::size_t comment_length(std::string_view text);

// The marker line followed by the report, cut to fit max_chars when needed: the cut falls
// on a line boundary where one is near (never inside a UTF-8 sequence), an open code fence
// and open <details> blocks are closed, and a note says the report was truncated and where
// the full one is.
std::string make_comment_body(std::string_view report, std::size_t max_chars = kMaxCommentChars);

}  // namespace zkgate::github
