#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "gate/github/sticky_comment.h"

namespace zkgate::github {

// Reads one environment variable; injected so tests do not touch the process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The real process environment (unset and empty variables both read as nullopt).
EnvLookup process_environment();

// What the user asked `gate comment` for; empty fields are filled from the environment.
struct CommentRequest {
  std::string repo;                 // OWNER/NAME; default GITHUB_REPOSITORY
  std::optional<std::uint64_t> pr;  // default: the PR of the event in GITHUB_EVENT_PATH
  std::filesystem::path body_file;  // the markdown report
  std::string author;               // whose comment is ours; default: the token's user
  std::string head_sha;             // when set, post only if the PR's head commit is this one
  std::chrono::seconds timeout{30};
};

// Everything needed to talk to GitHub, resolved and validated.
struct CommentSettings {
  CommentTarget target;
  std::string token;
};

// Resolves the repository (validated OWNER/NAME), PR number, token (GITHUB_TOKEN) and API
// base (GITHUB_API_URL, default https://api.github.com). Throws util::InputError naming
// the missing or malformed setting and how to provide it.
CommentSettings resolve_settings(const CommentRequest& request, const EnvLookup& env);

// The pull request number of a GitHub Actions event payload: pull_request and
// pull_request_target, issue_comment on a PR, and workflow_run of a same-repo PR.
// Throws util::InputError when the event names no pull request.
std::uint64_t pr_from_event(const std::filesystem::path& event_file);

}  // namespace zkgate::github
