#include "gate/github/comment_command.h"

#include <fmt/format.h>

#include "gate/github/comment_body.h"
#include "gate/github/curl_http_client.h"
#include "util/exit_codes.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::github {

namespace {

// Workflow-command data must not contain raw newlines or '%' (they would end or forge the command).
std::string escape_workflow_data(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '%') {
      escaped += "%25";
    } else if (c == '\r') {
      escaped += "%0D";
    } else if (c == '\n') {
      escaped += "%0A";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

// Whose marker comment is ours: the explicit --author, else the token's own login, else
// the Actions bot (the GITHUB_TOKEN cannot read /user).
std::string resolve_author(const CommentRequest& request, HttpClient& http, const std::string& api_url, std::ostream& err) {
  if (!request.author.empty()) return request.author;
  if (std::optional<std::string> login = token_login(http, api_url)) return *login;
  err << fmt::format("gate: note: the token cannot read its own user (an Actions GITHUB_TOKEN); "
                     "taking comments by {} as ours (use --author LOGIN for another app)\n",
                     kActionsBotLogin);
  return kActionsBotLogin;
}

void report_refusal(const CommentOutcome& outcome, const EnvLookup& env, std::ostream& out, std::ostream& err) {
  const std::string message = fmt::format(
      "PR comment not posted: {}. A fork PR's token is read-only (use the fork-safe workflow in "
      "github-action/examples/) and a same-repo job needs `permissions: pull-requests: write`. "
      "The report itself is unaffected.",
      outcome.detail);
  err << "gate: warning: " << message << '\n';
  if (env("GITHUB_ACTIONS").value_or("") == "true") {
    out << "::warning title=zkgate comment not posted::" << escape_workflow_data(message) << '\n';
  }
}

}  // namespace

int run_comment(const CommentRequest& request, const EnvLookup& env, std::ostream& out, std::ostream& err) {
  const CommentSettings settings = resolve_settings(request, env);
  const std::string report = util::read_file(request.body_file);
  const std::string body = make_comment_body(report);
  if (kMarker.size() + 1 + comment_length(report) > kMaxCommentChars) {
    err << fmt::format("gate: note: the report has {} characters, over GitHub's limit of {}; the comment is truncated\n",
                       comment_length(report), kMaxCommentChars);
  }

  CurlHttpClient http(CurlSettings{settings.token, "zkgate/" ZKGATE_VERSION, std::chrono::seconds(10), request.timeout});
  if (!request.head_sha.empty()) {
    std::optional<CommentOutcome> refusal;
    const std::optional<std::string> head = pull_request_head(http, settings.target, refusal);
    if (refusal) {
      report_refusal(*refusal, env, out, err);
      return util::kExitOk;
    }
    if (*head != request.head_sha) {
      throw util::InputError({}, fmt::format("{}#{} is at commit {}, but the report is for {}; not posting it", settings.target.repo,
                                             settings.target.pr, *head, request.head_sha),
                             "the PR moved on (a newer run will comment) or the PR number does not belong to this report");
    }
  }
  const std::string author = resolve_author(request, http, settings.target.api_url, err);
  const CommentOutcome outcome = upsert_sticky_comment(http, settings.target, author, body);
  switch (outcome.action) {
    case CommentAction::kCreated:
    case CommentAction::kUpdated:
      out << fmt::format("{} comment {} on {}#{}{}\n", outcome.action == CommentAction::kCreated ? "created" : "updated",
                         outcome.comment_id, settings.target.repo, settings.target.pr,
                         outcome.html_url.empty() ? "" : ": " + outcome.html_url);
      break;
    case CommentAction::kDenied:
      report_refusal(outcome, env, out, err);
      break;
  }
  return util::kExitOk;
}

}  // namespace zkgate::github
