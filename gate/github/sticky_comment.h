#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gate/github/http_client.h"

namespace zkgate::github {

// Which pull request's conversation gets the comment.
struct CommentTarget {
  std::string api_url;  // e.g. https://api.github.com, no trailing slash
  std::string repo;     // OWNER/NAME
  std::uint64_t pr = 0;
};

enum class CommentAction {
  kCreated,
  kUpdated,
  kDenied,  // GitHub answered 403/404: no permission (fork PR) or not visible
};

struct CommentOutcome {
  CommentAction action = CommentAction::kDenied;
  std::uint64_t comment_id = 0;  // 0 when denied
  std::string html_url;          // where the comment is shown, when GitHub said
  std::string detail;            // for kDenied: status, request and GitHub's message
};

// Something other than a permission refusal stopped the comment: a transport failure,
// an unexpected status or a malformed answer. The message names the request, never the token.
class GithubApiError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The login of the token's user (GET /user), or nullopt when GitHub will not say, as for
// the GITHUB_TOKEN of Actions (an app installation token gets 403 there).
std::optional<std::string> token_login(HttpClient& http, const std::string& api_url);

// The head commit SHA of the pull request (GET /repos/{repo}/pulls/{n}), or nullopt with
// `refusal` set when GitHub answers 403/404.
std::optional<std::string> pull_request_head(HttpClient& http, const CommentTarget& target,
                                             std::optional<CommentOutcome>& refusal);

// Creates zkgate's one comment on the PR or updates it in place. Ours is the oldest comment
// whose body starts with the marker line and whose author is `author`; every other comment
// (foreign, or quoting the marker, or forged by someone else) is left alone. All pages of
// the conversation are read (Link rel="next", same API origin only) before deciding, so a
// second run finds the first run's comment and never posts a duplicate.
CommentOutcome upsert_sticky_comment(HttpClient& http, const CommentTarget& target, const std::string& author,
                                     const std::string& body);

}  // namespace zkgate::github
