#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "util/input_error.h"

// Generators for hostile inputs (nothing big is committed: every input is built here, at
// test time) and the one assertion every hostile test makes: the input is refused with
// util::InputError, the documented "could not judge" (exit 2), and the message says why.
namespace zkgate::test::hostile {

inline void write_file(const std::filesystem::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  BOOST_REQUIRE_MESSAGE(out.good(), "cannot write " << path.string());
}

inline std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(unit);
  return out;
}

// A YAML "billion laughs": top-level keys a0..a9, each an alias list of ten of the level
// below, so expanding *a9 would need 10^9 leaves. Callers append a key that uses *a9.
inline std::string yaml_alias_bomb() {
  std::string text = "a0: &a0 [lol]\n";
  for (int level = 1; level <= 9; ++level) {
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *a" : "*a") + std::to_string(level - 1);
    text += "]\n";
  }
  return text;
}

// Runs parse and checks it throws util::InputError whose description contains `expected`
// (case-sensitive); any other exception or a normal return fails the test.
inline void require_input_error(const std::function<void()>& parse, std::string_view expected) {
  try {
    parse();
  } catch (const util::InputError& error) {
    const std::string text = error.describe();
    BOOST_TEST_MESSAGE("refused: " << text.substr(0, 300));
    BOOST_TEST(text.find(expected) != std::string::npos, "message '" << text.substr(0, 300) << "' lacks '" << expected << "'");
    return;
  } catch (const std::exception& other) {
    BOOST_FAIL("expected util::InputError, got another exception: " << other.what());
  }
  BOOST_FAIL("hostile input was accepted, expected a refusal mentioning '" << expected << "'");
}

}  // namespace zkgate::test::hostile
