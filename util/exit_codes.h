#pragma once

// Exit codes shared by patchcheck and gate; documented in README.md.
namespace zkgate::util {

// Everything judged and nothing at or above the failure threshold.
inline constexpr int kExitOk = 0;
// patchcheck: findings at or above --fail-on. gate: a regression past the policy.
inline constexpr int kExitFail = 1;
// Could not judge: usage error, unreadable or invalid input, failed build/profile.
inline constexpr int kExitError = 2;

}  // namespace zkgate::util
