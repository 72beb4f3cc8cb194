#include "gate/github/curl_http_client.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include <curl/curl.h>
#include <fmt/format.h>

namespace zkgate::github {

namespace {

// libcurl wants one global initialisation before the first handle in a process.
void ensure_curl_initialised() {
  static const CURLcode result = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (result != CURLE_OK) {
    throw TransportError(fmt::format("cannot initialise libcurl: {}", curl_easy_strerror(result)));
  }
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

// Collects "Name: value" lines; a new status line (after a 100 Continue) starts over.
std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* user) {
  std::map<std::string, std::string>& headers = *static_cast<std::map<std::string, std::string>*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers.clear();
    return size * count;
  }
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    headers[name] = trim(line.substr(colon + 1));
  }
  return size * count;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

}  // namespace

struct CurlHttpClient::Handle {
  CURL* curl = nullptr;
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

CurlHttpClient::CurlHttpClient(CurlSettings settings) : settings_(std::move(settings)), handle_(std::make_unique<Handle>()) {
  ensure_curl_initialised();
  handle_->curl = curl_easy_init();
  if (handle_->curl == nullptr) throw TransportError("cannot create a libcurl handle");
}

CurlHttpClient::~CurlHttpClient() = default;

HttpResponse CurlHttpClient::send(const HttpRequest& request) {
  CURL* curl = handle_->curl;
  curl_easy_reset(curl);

  curl_slist* raw_headers = nullptr;
  const std::string authorization = "Authorization: Bearer " + settings_.token;
  for (const std::string& line : {std::string("Accept: application/vnd.github+json"),
                                  std::string("X-GitHub-Api-Version: 2022-11-28"),
                                  std::string("Content-Type: application/json"), authorization}) {
    curl_slist* extended = curl_slist_append(raw_headers, line.c_str());
    if (extended == nullptr) {
      curl_slist_free_all(raw_headers);
      throw TransportError("out of memory building request headers");
    }
    raw_headers = extended;
  }
  const SlistPtr headers(raw_headers);

  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_USERAGENT, settings_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(settings_.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }

  const CURLcode result = curl_easy_perform(curl);
  if (result != CURLE_OK) {
    const std::string reason = error_buffer[0] != '\0' ? std::string(error_buffer) : curl_easy_strerror(result);
    throw TransportError(fmt::format("{} {}: {}", request.method, request.url, reason));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace zkgate::github
