#include "gate/github/link_header.h"

#include <memory>

#include <curl/curl.h>

namespace zkgate::github {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// True when a ";"-separated parameter list holds rel="next" (or a rel list naming next).
bool params_say_next(std::string_view params) {
  while (!params.empty()) {
    const std::size_t semicolon = params.find(';');
    const std::string_view param = trim(params.substr(0, semicolon));
    params = semicolon == std::string_view::npos ? std::string_view() : params.substr(semicolon + 1);
    const std::size_t equals = param.find('=');
    if (equals == std::string_view::npos || trim(param.substr(0, equals)) != "rel") continue;
    std::string_view value = trim(param.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    while (!value.empty()) {
      const std::size_t space = value.find(' ');
      if (value.substr(0, space) == "next") return true;
      value = space == std::string_view::npos ? std::string_view() : trim(value.substr(space + 1));
    }
  }
  return false;
}

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

// "scheme://host:port" with the scheme's default port filled in; empty when unparseable.
std::string origin_of(const std::string& url) {
  const std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  std::string origin;
  for (CURLUPart part : {CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT}) {
    char* value = nullptr;
    const unsigned int flags = part == CURLUPART_PORT ? CURLU_DEFAULT_PORT : 0U;
    if (curl_url_get(handle.get(), part, &value, flags) != CURLUE_OK) return {};
    origin += value;
    origin += '|';
    curl_free(value);
  }
  return origin;
}

}  // namespace

std::optional<std::string> next_page_url(std::string_view link_header) {
  std::string_view rest = link_header;
  while (true) {
    const std::size_t open = rest.find('<');
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t close = rest.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view url = rest.substr(open + 1, close - open - 1);
    rest = rest.substr(close + 1);
    const std::size_t next_link = rest.find('<');
    const std::string_view params = rest.substr(0, next_link);
    if (params_say_next(params.substr(0, params.rfind(',')))) return std::string(url);
  }
}

bool same_origin(const std::string& a, const std::string& b) {
  const std::string origin_a = origin_of(a);
  return !origin_a.empty() && origin_a == origin_of(b);
}

}  // namespace zkgate::github
