#pragma once

#include <filesystem>
#include <string>

// Boost 1.74's boost::function copy trips GCC 12's -Wuninitialized (a false positive in
// the precondition decorator behind needs_corpus()); silenced for the Boost headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/test/unit_test.hpp>
#include "test_support.h"
#pragma GCC diagnostic pop

#include "gate/profile/parse.h"
#include "gate/profile/profile.h"
#include "util/file_io.h"
#include "util/input_error.h"

// Lookups over a parsed Profile for the parser tests.
namespace zkgate::test {

inline std::filesystem::path profile_fixtures() { return fixtures_dir() / "profiles"; }

inline const gate::FunctionStat* find_function(const gate::Profile& profile, const std::string& name) {
  for (const gate::FunctionStat& function : profile.functions) {
    if (function.name == name) return &function;
  }
  return nullptr;
}

inline const gate::OpcodeStat* find_opcode(const std::vector<gate::OpcodeStat>& opcodes, const std::string& name) {
  for (const gate::OpcodeStat& op : opcodes) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

// The InputError a parse throws, described; "" when the parse succeeded (a test failure).
inline std::string parse_error_of(const std::filesystem::path& file, const std::string& format = "auto") {
  try {
    gate::parse_profile(file, format);
  } catch (const util::InputError& error) {
    return error.describe();
  }
  return {};
}

inline std::string text_error_of(std::string_view text, const std::string& format = "auto") {
  try {
    gate::parse_profile_text(text, "input.txt", format);
  } catch (const util::InputError& error) {
    return error.describe();
  }
  return {};
}

}  // namespace zkgate::test
