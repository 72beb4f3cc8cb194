#include "util/bounded_regex.h"

namespace zkgate::util {

std::optional<bool> regex_search_bounded(const std::string& subject, const std::regex& regex) {
  if (subject.size() > kMaxRegexSubjectBytes) return std::nullopt;
  return std::regex_search(subject, regex);
}

std::optional<bool> regex_match_bounded(const std::string& subject, std::smatch& match, const std::regex& regex) {
  if (subject.size() > kMaxRegexSubjectBytes) return std::nullopt;
  return std::regex_match(subject, match, regex);
}

}  // namespace zkgate::util
