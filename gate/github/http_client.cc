#include "gate/github/http_client.h"

namespace zkgate::github {

std::string HttpResponse::header(const std::string& lower_case_name) const {
  const auto found = headers.find(lower_case_name);
  return found == headers.end() ? std::string() : found->second;
}

}  // namespace zkgate::github
