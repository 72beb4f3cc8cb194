#include <iostream>

#include <CLI/CLI.hpp>

#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/github/comment_command.h"
#include "util/exit_codes.h"

namespace zkgate::gate::cli {
namespace {

constexpr const char* kCommentFooter = R"(
Environment:
  GITHUB_TOKEN        token with `pull-requests: write` (required; never printed)
  GITHUB_API_URL      API base for GitHub Enterprise, e.g. https://ghe.example/api/v3
                      (default https://api.github.com)
  GITHUB_REPOSITORY   default for --repo
  GITHUB_EVENT_PATH   default for --pr: the pull request of the Actions event
  GITHUB_ACTIONS      when "true", a refused comment is also a ::warning:: annotation

Ours is the oldest comment whose body starts with the line <!-- zkgate --> and whose author
is the token's user (github-actions[bot] for the Actions GITHUB_TOKEN); it is updated in
place, so reruns never add a second comment. Reports over 65,536 characters are truncated
with a note.

Exit codes: 0 created or updated, and also when GitHub refused the comment (HTTP 403/404:
a fork PR's read-only token, missing `pull-requests: write`; a warning is printed, so a
passing gate stays passing); 2 could not post (no token, bad --repo/--pr, API unreachable,
other HTTP errors, the PR's head is not --head-sha).

Examples:
  GITHUB_TOKEN=... gate comment --repo octo/widgets --pr 42 --body-file report.md
  gate comment --body-file report.md          # inside a pull_request workflow
  gate comment --pr 42 --body-file report.md --head-sha "$HEAD_SHA"   # fork-safe workflow_run job
)";

}  // namespace

int comment_command(int argc, char** argv) {
  CLI::App app{"Create or update the one sticky zkgate comment on a pull request (GitHub REST API).", "gate comment"};
  github::CommentRequest request;
  std::uint64_t pr = 0;
  int timeout_seconds = 30;
  app.add_option("--body-file", request.body_file, "the markdown report to post")->required()->type_name("FILE");
  app.add_option("--repo", request.repo, "OWNER/NAME (default: GITHUB_REPOSITORY)")->type_name("OWNER/NAME");
  CLI::Option* pr_option =
      app.add_option("--pr", pr, "pull request number (default: from GITHUB_EVENT_PATH)")->type_name("N")->check(CLI::PositiveNumber);
  app.add_option("--author", request.author, "login whose marker comment is ours (default: the token's user)")->type_name("LOGIN");
  app.add_option("--head-sha", request.head_sha, "post only while the PR's head commit is this SHA")->type_name("SHA");
  app.add_option("--timeout", timeout_seconds, "seconds allowed per HTTP request")->check(CLI::Range(1, 600))->capture_default_str();
  app.footer(kCommentFooter);
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "comment")) return *stop;
  if (pr_option->count() > 0) request.pr = pr;
  request.timeout = std::chrono::seconds(timeout_seconds);
  return github::run_comment(request, github::process_environment(), std::cout, std::cerr);
}

}  // namespace zkgate::gate::cli
