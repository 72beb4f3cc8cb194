#pragma once

#include <map>
#include <stdexcept>
#include <string>

namespace zkgate::github {

// One HTTP exchange, reduced to what the GitHub REST API needs. The client adds the
// credentials itself, so requests (which may be logged) never carry the token.
struct HttpRequest {
  std::string method;  // GET, POST, PATCH
  std::string url;     // absolute
  std::string body;    // JSON for POST/PATCH, empty for GET
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased; the last value wins
  std::string body;

  // The header's value, or "" when the response has none.
  std::string header(const std::string& lower_case_name) const;
};

// The network failed before any HTTP status arrived (refused, timeout, TLS, DNS).
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sends requests; injected so the sticky-comment logic is tested without a network.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Returns any HTTP status (4xx/5xx included); throws TransportError when none arrived.
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace zkgate::github
