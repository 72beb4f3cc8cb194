// `gate comment` end to end against tests/gate_github/mock_github.py, a stand-in for the
// GitHub REST API on 127.0.0.1 (ephemeral port), through the real libcurl client.
#include <boost/process.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "gate/github/comment_body.h"
#include "gate/github/comment_command.h"
#include "gate/github/curl_http_client.h"
#include "gate/github/sticky_comment.h"
#include "test_support.h"
#include "util/exit_codes.h"
#include "util/input_error.h"

namespace bp = boost::process;
using nlohmann::json;
using zkgate::github::CommentRequest;
using zkgate::github::GithubApiError;
using zkgate::github::kMarker;
using zkgate::github::run_comment;

namespace {

constexpr std::size_t kSeededComments = 4 + 95;  // mock_github.py: four crafted + --foreign 95

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Starts the mock API for one test and stops it afterwards.
struct MockGithub : zkgate::test::TempDir {
  MockGithub()
      : server(bp::search_path("python3"), (zkgate::test::source_dir() / "tests" / "gate_github" / "mock_github.py").string(),
               "--lifetime", "120", bp::std_out > server_out) {
    std::string port;
    std::getline(server_out, port);
    BOOST_TEST_REQUIRE(!port.empty(), "mock_github.py did not start");
    base_url = "http://127.0.0.1:" + port;
  }
  ~MockGithub() {
    std::error_code ec;
    server.terminate(ec);
  }

  Run run(const std::string& token, const std::string& repo, std::uint64_t pr, const std::string& report,
          std::map<std::string, std::string> env = {}, const std::string& head_sha = "") {
    const std::filesystem::path report_file = path / "report.md";
    std::ofstream(report_file, std::ios::binary) << report;
    env.emplace("GITHUB_TOKEN", token);
    env.emplace("GITHUB_API_URL", base_url);
    CommentRequest request;
    request.repo = repo;
    request.pr = pr;
    request.body_file = report_file;
    request.timeout = std::chrono::seconds(20);
    request.head_sha = head_sha;
    std::ostringstream out;
    std::ostringstream err;
    Run result;
    result.exit_code = run_comment(
        request,
        [&env](const std::string& name) -> std::optional<std::string> {
          const auto found = env.find(name);
          if (found == env.end()) return std::nullopt;
          return found->second;
        },
        out, err);
    result.out = out.str();
    result.err = err.str();
    transcript += result.out + result.err;
    return result;
  }

  json state() {
    zkgate::github::CurlHttpClient http({"", "zkgate-test", std::chrono::seconds(5), std::chrono::seconds(20)});
    return json::parse(http.send({"GET", base_url + "/_mock/state", ""}).body);
  }

  // The comments on octo/widgets#N.
  json comments(int pr = 7) { return state()["comments"]["octo/widgets#" + std::to_string(pr)]; }

  bp::ipstream server_out;
  bp::child server;
  std::string base_url;
  std::string transcript;  // everything printed, to check the token never shows
};

std::vector<json> marker_comments(const json& comments, const std::string& login) {
  std::vector<json> found;
  for (const json& comment : comments) {
    if (comment["user"]["login"] == login && comment["body"].get<std::string>().starts_with(kMarker)) found.push_back(comment);
  }
  return found;
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(mock_server)

BOOST_FIXTURE_TEST_CASE(first_run_creates_second_run_updates_the_same_comment, MockGithub) {
  const json before = comments();
  BOOST_TEST_REQUIRE(before.size() == kSeededComments);

  const Run first = run("token-user", "octo/widgets", 7, "## zkgate: pass\nrun 1\n");
  BOOST_TEST(first.exit_code == zkgate::util::kExitOk);
  BOOST_TEST(contains(first.out, "created comment"));
  std::vector<json> ours = marker_comments(comments(), "zkgate-bot");
  BOOST_TEST_REQUIRE(ours.size() == 1U);
  const std::uint64_t id = ours[0]["id"].get<std::uint64_t>();
  BOOST_TEST(ours[0]["body"].get<std::string>() == std::string(kMarker) + "\n## zkgate: pass\nrun 1\n");

  // Our comment now sits on the third page (40 a page), behind a forged marker comment.
  const Run second = run("token-user", "octo/widgets", 7, "## zkgate: regression\nrun 2\n");
  BOOST_TEST(second.exit_code == zkgate::util::kExitOk);
  BOOST_TEST(contains(second.out, "updated comment " + std::to_string(id)));
  const Run third = run("token-user", "octo/widgets", 7, "## zkgate: pass\nrun 3\n");
  BOOST_TEST(contains(third.out, "updated comment " + std::to_string(id)));

  const json after = comments();
  BOOST_TEST(after.size() == kSeededComments + 1);  // never a duplicate
  ours = marker_comments(after, "zkgate-bot");
  BOOST_TEST_REQUIRE(ours.size() == 1U);
  BOOST_TEST(ours[0]["id"].get<std::uint64_t>() == id);
  BOOST_TEST(contains(ours[0]["body"].get<std::string>(), "run 3"));
  for (std::size_t i = 0; i < before.size(); ++i) BOOST_TEST(after[i] == before[i]);  // foreign comments untouched

  int paged = 0;
  const json seen = state();
  for (const json& request : seen["requests"]) {
    BOOST_TEST(request["auth"].get<bool>());
    BOOST_TEST(request["user_agent"].get<std::string>().starts_with("zkgate/"));
    if (request["method"] == "PATCH") BOOST_TEST(request["path"] == "/repos/octo/widgets/issues/comments/" + std::to_string(id));
    if (request["method"] == "GET" && contains(request["query"].get<std::string>(), "page=3")) ++paged;
  }
  BOOST_TEST(paged == 3);  // each run walked to the third page
  BOOST_TEST(!contains(transcript, "token-user"));
}

BOOST_FIXTURE_TEST_CASE(actions_token_matches_the_bot_and_enterprise_prefix_works, MockGithub) {
  base_url += "/api/v3";
  const Run first = run("token-app", "octo/widgets", 8, "first\n", {{"GITHUB_ACTIONS", "true"}});
  BOOST_TEST(contains(first.out, "created comment"));
  BOOST_TEST(contains(first.err, "github-actions[bot]"));
  const Run second = run("token-app", "octo/widgets", 8, "second\n", {{"GITHUB_ACTIONS", "true"}});
  BOOST_TEST(contains(second.out, "updated comment"));
  const json after = comments(8);
  BOOST_TEST_REQUIRE(after.size() == 1U);
  BOOST_TEST(after[0]["body"].get<std::string>() == std::string(kMarker) + "\nsecond\n");
}

BOOST_FIXTURE_TEST_CASE(forbidden_is_a_warning_not_a_failure, MockGithub) {
  const Run denied = run("token-readonly", "octo/widgets", 7, "report\n", {{"GITHUB_ACTIONS", "true"}});
  BOOST_TEST(denied.exit_code == zkgate::util::kExitOk);
  BOOST_TEST(contains(denied.err, "gate: warning: PR comment not posted"));
  BOOST_TEST(contains(denied.err, "HTTP 403"));
  BOOST_TEST(contains(denied.err, "pull_requests=write"));
  BOOST_TEST(denied.out.starts_with("::warning title=zkgate comment not posted::"));
  BOOST_TEST(!contains(denied.out, "\n::") );  // one annotation line, nothing forged after it
  BOOST_TEST(comments().size() == kSeededComments);
  BOOST_TEST(!contains(transcript, "token-readonly"));
}

BOOST_FIXTURE_TEST_CASE(not_found_is_a_warning_too, MockGithub) {
  const Run denied = run("token-user", "octo/private", 7, "report\n");
  BOOST_TEST(denied.exit_code == zkgate::util::kExitOk);
  BOOST_TEST(contains(denied.err, "HTTP 404"));
  BOOST_TEST(denied.out.empty());  // no annotation outside Actions
}

BOOST_FIXTURE_TEST_CASE(rejected_token_is_an_error, MockGithub) {
  BOOST_CHECK_EXCEPTION(run("wrong-token", "octo/widgets", 7, "report\n"), GithubApiError, [](const GithubApiError& e) {
    return contains(e.what(), "HTTP 401") && !contains(e.what(), "wrong-token");
  });
}

BOOST_FIXTURE_TEST_CASE(pagination_never_leaves_the_api_host, MockGithub) {
  // octo/escape#7 has more than a page of comments and its next-page link names another host.
  const std::size_t before = state()["comments"]["octo/escape#7"].size();
  BOOST_CHECK_EXCEPTION(run("token-user", "octo/escape", 7, "report\n"), GithubApiError,
                        [](const GithubApiError& e) { return contains(e.what(), "leaves the API host"); });
  BOOST_TEST(state()["comments"]["octo/escape#7"].size() == before);  // nothing posted either
}

BOOST_FIXTURE_TEST_CASE(oversized_report_is_truncated_and_accepted, MockGithub) {
  std::string report = "## zkgate\n";
  while (report.size() < 200000) report += "| `<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update` | \xE2\x86\x91 12 % |\n";
  const Run created = run("token-user", "octo/widgets", 8, report);
  BOOST_TEST(contains(created.out, "created comment"));
  BOOST_TEST(contains(created.err, "truncated"));
  const json ours = comments(8);
  BOOST_TEST_REQUIRE(ours.size() == 1U);  // the mock answers 422 above 65,536 characters
  BOOST_TEST(contains(ours[0]["body"].get<std::string>(), "truncated to fit"));
}

BOOST_FIXTURE_TEST_CASE(head_sha_guard_posts_only_for_the_current_head, MockGithub) {
  const std::string head = "0123456789abcdef0123456789abcdef01234567";  // mock_github.py HEAD_SHA
  BOOST_CHECK_EXCEPTION(run("token-user", "octo/widgets", 8, "stale\n", {}, std::string(40, 'f')), zkgate::util::InputError,
                        [](const zkgate::util::InputError& e) { return contains(e.describe(), "not posting"); });
  BOOST_TEST(comments(8).empty());
  const Run posted = run("token-user", "octo/widgets", 8, "current\n", {}, head);
  BOOST_TEST(contains(posted.out, "created comment"));
  BOOST_TEST(comments(8).size() == 1U);
}

BOOST_AUTO_TEST_CASE(unreachable_api_is_an_error) {
  zkgate::test::TempDir dir;
  std::ofstream(dir.path / "r.md") << "x";
  CommentRequest request;
  request.repo = "octo/widgets";
  request.pr = 1;
  request.body_file = dir.path / "r.md";
  std::ostringstream out;
  std::ostringstream err;
  const zkgate::github::EnvLookup env = [](const std::string& name) -> std::optional<std::string> {
    if (name == "GITHUB_TOKEN") return "secret";
    if (name == "GITHUB_API_URL") return "http://127.0.0.1:1";
    return std::nullopt;
  };
  BOOST_CHECK_THROW(run_comment(request, env, out, err), zkgate::github::TransportError);
}

BOOST_AUTO_TEST_SUITE_END()
