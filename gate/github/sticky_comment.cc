#include "gate/github/sticky_comment.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gate/github/comment_body.h"
#include "gate/github/link_header.h"
#include "util/json_text.h"

namespace zkgate::github {

namespace {

using nlohmann::json;

// Bounds the walk over a conversation (100 comments a page), so a Link header that loops
// cannot keep the job busy until its timeout.
constexpr int kMaxPages = 300;

bool is_denial(long status) { return status == 403 || status == 404; }

// GitHub's own explanation from an error body ({"message": ...}), or the start of the body.
std::string github_message(const HttpResponse& response) {
  const json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_object() && parsed.contains("message") && parsed["message"].is_string()) {
    return parsed["message"].get<std::string>();
  }
  return response.body.substr(0, 200);
}

// "POST https://.../comments: HTTP 403: Resource not accessible by integration".
std::string describe(const HttpRequest& request, const HttpResponse& response) {
  std::string text = fmt::format("{} {}: HTTP {}: {}", request.method, request.url, response.status, github_message(response));
  const std::string needed = response.header("x-accepted-github-permissions");
  if (!needed.empty()) text += fmt::format(" (the token needs: {})", needed);
  return text;
}

json parse_answer(const HttpRequest& request, const HttpResponse& response) {
  json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) {
    throw GithubApiError(fmt::format("{} {}: HTTP {} but the body is not JSON", request.method, request.url, response.status));
  }
  return parsed;
}

std::string to_request_body(const std::string& body) {
  // Invalid UTF-8 (say, from a mangled symbol name) becomes U+FFFD instead of failing.
  return util::dump_json(json{{"body", body}});
}

std::string string_field(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return {};
  return object[key].get<std::string>();
}

struct Comment {
  std::uint64_t id = 0;
  std::string html_url;
};

CommentOutcome denied(const HttpRequest& request, const HttpResponse& response) {
  CommentOutcome outcome;
  outcome.action = CommentAction::kDenied;
  outcome.detail = describe(request, response);
  return outcome;
}

Comment read_comment(const HttpRequest& request, const HttpResponse& response) {
  const json answer = parse_answer(request, response);
  if (!answer.is_object() || !answer.contains("id") || !answer["id"].is_number_unsigned()) {
    throw GithubApiError(fmt::format("{} {}: the answer has no comment id", request.method, request.url));
  }
  return Comment{answer["id"].get<std::uint64_t>(), string_field(answer, "html_url")};
}

// Whether this entry of the comment list is zkgate's own sticky comment.
bool is_ours(const json& comment, const std::string& author) {
  if (!comment.is_object() || !comment.contains("id") || !comment["id"].is_number_unsigned()) return false;
  if (!comment.contains("user") || string_field(comment["user"], "login") != author) return false;
  return starts_with_marker(string_field(comment, "body"));
}

// Walks the PR's comments page by page until ours is found. Sets `refusal` instead when
// GitHub refuses to list them.
std::optional<Comment> find_ours(HttpClient& http, const CommentTarget& target, const std::string& author,
                                 std::optional<CommentOutcome>& refusal) {
  std::string url = fmt::format("{}/repos/{}/issues/{}/comments?per_page=100", target.api_url, target.repo, target.pr);
  for (int page = 1; page <= kMaxPages; ++page) {
    const HttpRequest request{"GET", url, ""};
    const HttpResponse response = http.send(request);
    if (is_denial(response.status)) {
      refusal = denied(request, response);
      return std::nullopt;
    }
    if (response.status != 200) throw GithubApiError(describe(request, response));
    const json comments = parse_answer(request, response);
    if (!comments.is_array()) {
      throw GithubApiError(fmt::format("GET {}: expected a JSON array of comments", url));
    }
    for (const json& comment : comments) {
      if (is_ours(comment, author)) return Comment{comment["id"].get<std::uint64_t>(), string_field(comment, "html_url")};
    }
    const std::optional<std::string> next = next_page_url(response.header("link"));
    if (!next) return std::nullopt;
    if (!same_origin(*next, target.api_url)) {
      throw GithubApiError(fmt::format("GET {}: the next-page link leaves the API host ({}); not following it with the token", url, *next));
    }
    url = *next;
  }
  throw GithubApiError(fmt::format("{}/repos/{}/issues/{}/comments: more than {} pages of comments; giving up",
                                   target.api_url, target.repo, target.pr, kMaxPages));
}

}  // namespace

std::optional<std::string> token_login(HttpClient& http, const std::string& api_url) {
  const HttpRequest request{"GET", api_url + "/user", ""};
  const HttpResponse response = http.send(request);
  if (response.status == 401) {
    throw GithubApiError(describe(request, response) + "; check that the token is valid and not expired");
  }
  if (response.status != 200) return std::nullopt;
  const std::string login = string_field(parse_answer(request, response), "login");
  if (login.empty()) return std::nullopt;
  return login;
}

std::optional<std::string> pull_request_head(HttpClient& http, const CommentTarget& target,
                                             std::optional<CommentOutcome>& refusal) {
  const HttpRequest request{"GET", fmt::format("{}/repos/{}/pulls/{}", target.api_url, target.repo, target.pr), ""};
  const HttpResponse response = http.send(request);
  if (is_denial(response.status)) {
    refusal = denied(request, response);
    return std::nullopt;
  }
  if (response.status != 200) throw GithubApiError(describe(request, response));
  const json answer = parse_answer(request, response);
  const std::string sha = answer.is_object() && answer.contains("head") ? string_field(answer["head"], "sha") : std::string();
  if (sha.empty()) throw GithubApiError(fmt::format("GET {}: the answer names no head commit", request.url));
  return sha;
}

CommentOutcome upsert_sticky_comment(HttpClient& http, const CommentTarget& target, const std::string& author,
                                     const std::string& body) {
  std::optional<CommentOutcome> refusal;
  const std::optional<Comment> existing = find_ours(http, target, author, refusal);
  if (refusal) return *refusal;

  HttpRequest request;
  if (existing) {
    request = {"PATCH", fmt::format("{}/repos/{}/issues/comments/{}", target.api_url, target.repo, existing->id),
               to_request_body(body)};
  } else {
    request = {"POST", fmt::format("{}/repos/{}/issues/{}/comments", target.api_url, target.repo, target.pr),
               to_request_body(body)};
  }
  const HttpResponse response = http.send(request);
  if (is_denial(response.status)) return denied(request, response);
  const long expected = existing ? 200 : 201;
  if (response.status != expected) throw GithubApiError(describe(request, response));

  const Comment written = read_comment(request, response);
  CommentOutcome outcome;
  outcome.action = existing ? CommentAction::kUpdated : CommentAction::kCreated;
  outcome.comment_id = written.id;
  outcome.html_url = written.html_url;
  return outcome;
}

}  // namespace zkgate::github
