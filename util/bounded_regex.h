#pragma once

#include <cstddef>
#include <optional>
#include <regex>
#include <string>

// libstdc++'s std::regex matches by recursion, about one stack frame per subject character
// for patterns such as ".*": a symbol name of 40 KB with `match: 'g.*x'` overflowed the
// stack (SIGSEGV). Subjects come from profiles and manifests a PR writes, so they are
// matched only up to a length no real name reaches (Rust symbols in the corpus: < 400 bytes).
namespace zkgate::util {

inline constexpr std::size_t kMaxRegexSubjectBytes = 4096;

// std::regex_search / std::regex_match, or nullopt (not tried) when `subject` is longer than
// kMaxRegexSubjectBytes. Callers decide what an unmatched long subject means.
std::optional<bool> regex_search_bounded(const std::string& subject, const std::regex& regex);
std::optional<bool> regex_match_bounded(const std::string& subject, std::smatch& match, const std::regex& regex);

}  // namespace zkgate::util
