#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zkgate::github {

// The URL of the link with rel="next" in an RFC 8288 Link header, as GitHub sends it for
// paginated lists: `<https://api.github.com/...&page=2>; rel="next", <...>; rel="last"`.
// Empty when there is no next page.
std::optional<std::string> next_page_url(std::string_view link_header);

// True when both absolute URLs have the same scheme, host and port. Pagination links are
// only followed to the API origin the user named, so the token never goes elsewhere.
bool same_origin(const std::string& a, const std::string& b);

}  // namespace zkgate::github
