#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "gate/github/http_client.h"

namespace zkgate::github {

struct CurlSettings {
  std::string token;       // sent as "Authorization: Bearer"; never printed
  std::string user_agent;  // GitHub refuses requests without one
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds total_timeout{30};  // per request, so a hung API cannot hang CI
};

// HttpClient over libcurl with the GitHub REST API headers. Redirects are not followed
// (the token must only go to the API host the user named).
class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(CurlSettings settings);
  ~CurlHttpClient() override;
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;

  HttpResponse send(const HttpRequest& request) override;

 private:
  struct Handle;
  CurlSettings settings_;
  std::unique_ptr<Handle> handle_;
};

}  // namespace zkgate::github
