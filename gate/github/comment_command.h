#pragma once

#include <ostream>

#include "gate/github/github_context.h"

namespace zkgate::github {

// Name of the author whose marker comments count when the token cannot tell its own user:
// the Actions GITHUB_TOKEN posts as this bot.
inline constexpr const char* kActionsBotLogin = "github-actions[bot]";

// `gate comment`: posts the report in request.body_file as the PR's one sticky comment.
// Prints one line to `out` ("created comment ..." / "updated comment ...") and returns
// kExitOk. A refusal (HTTP 403/404: a fork PR's read-only token, a missing
// `pull-requests: write`) is a warning, also returning kExitOk, so a passing gate stays
// passing; inside Actions it becomes a ::warning:: annotation. Throws util::InputError for
// bad settings or a PR whose head is not request.head_sha, and GithubApiError/TransportError when GitHub cannot be reached or answers
// otherwise (the caller prints them and exits kExitError).
int run_comment(const CommentRequest& request, const EnvLookup& env, std::ostream& out, std::ostream& err);

}  // namespace zkgate::github
