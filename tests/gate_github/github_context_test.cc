#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "gate/github/github_context.h"
#include "test_support.h"
#include "util/input_error.h"

using zkgate::github::CommentRequest;
using zkgate::github::CommentSettings;
using zkgate::github::EnvLookup;
using zkgate::github::pr_from_event;
using zkgate::github::resolve_settings;
using zkgate::util::InputError;

namespace {

EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    const auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

std::filesystem::path event(const std::string& name) { return zkgate::test::fixtures_dir() / "github" / name; }

bool message_contains(const InputError& error, const std::string& needle) {
  return error.describe().find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(github_context)

BOOST_AUTO_TEST_CASE(pr_number_from_each_event_kind) {
  BOOST_TEST(pr_from_event(event("event_pull_request.json")) == 42U);
  BOOST_TEST(pr_from_event(event("event_issue_comment.json")) == 17U);
  BOOST_TEST(pr_from_event(event("event_workflow_run.json")) == 5U);
}

BOOST_AUTO_TEST_CASE(events_without_a_pr_are_refused) {
  BOOST_CHECK_EXCEPTION(pr_from_event(event("event_push.json")), InputError,
                        [](const InputError& e) { return message_contains(e, "--pr"); });
  BOOST_CHECK_THROW(pr_from_event(event("event_issue_comment_not_pr.json")), InputError);
  BOOST_CHECK_EXCEPTION(pr_from_event(event("event_workflow_run_fork.json")), InputError,
                        [](const InputError& e) { return message_contains(e, "artifact"); });
  BOOST_CHECK_THROW(pr_from_event(event("event_truncated.json")), InputError);
  BOOST_CHECK_THROW(pr_from_event(event("no_such_event.json")), InputError);
}

BOOST_AUTO_TEST_CASE(settings_come_from_the_actions_environment) {
  CommentRequest request;
  const CommentSettings settings = resolve_settings(
      request, env_of({{"GITHUB_REPOSITORY", "octo/widgets"},
                       {"GITHUB_EVENT_PATH", event("event_pull_request.json").string()},
                       {"GITHUB_TOKEN", "t0ken"},
                       {"GITHUB_API_URL", "https://ghe.example/api/v3/"}}));
  BOOST_TEST(settings.target.repo == "octo/widgets");
  BOOST_TEST(settings.target.pr == 42U);
  BOOST_TEST(settings.target.api_url == "https://ghe.example/api/v3");
  BOOST_TEST(settings.token == "t0ken");
}

BOOST_AUTO_TEST_CASE(flags_win_over_the_environment_and_api_defaults_to_github) {
  CommentRequest request;
  request.repo = "someone/else.rs";
  request.pr = 9;
  const CommentSettings settings = resolve_settings(
      request, env_of({{"GITHUB_REPOSITORY", "octo/widgets"},
                       {"GITHUB_EVENT_PATH", event("event_push.json").string()},
                       {"GITHUB_TOKEN", "t"}}));
  BOOST_TEST(settings.target.repo == "someone/else.rs");
  BOOST_TEST(settings.target.pr == 9U);
  BOOST_TEST(settings.target.api_url == "https://api.github.com");
}

BOOST_AUTO_TEST_CASE(bad_or_missing_settings_say_what_to_do) {
  CommentRequest request;
  request.pr = 1;
  BOOST_CHECK_EXCEPTION(resolve_settings(request, env_of({{"GITHUB_TOKEN", "t"}})), InputError,
                        [](const InputError& e) { return message_contains(e, "--repo OWNER/NAME"); });
  for (const char* repo : {"octo", "octo/widgets/issues", "../etc/passwd", "octo/..", "octo/wid gets", "octo/w?x=1"}) {
    request.repo = repo;
    BOOST_CHECK_THROW(resolve_settings(request, env_of({{"GITHUB_TOKEN", "t"}})), InputError);
  }
  request.repo = "octo/widgets";
  BOOST_CHECK_EXCEPTION(resolve_settings(request, env_of({})), InputError,
                        [](const InputError& e) { return message_contains(e, "GITHUB_TOKEN is not set"); });
  BOOST_CHECK_THROW(resolve_settings(request, env_of({{"GITHUB_TOKEN", "t"}, {"GITHUB_API_URL", "ftp://x"}})), InputError);
  request.pr.reset();
  BOOST_CHECK_EXCEPTION(resolve_settings(request, env_of({{"GITHUB_TOKEN", "t"}})), InputError,
                        [](const InputError& e) { return message_contains(e, "--pr N"); });
}

BOOST_AUTO_TEST_SUITE_END()
