#include <boost/test/unit_test.hpp>

#include <fstream>

#include "gate/run/config.h"
#include "test_support.h"

using zkgate::gate::run::parse_duration;
using zkgate::gate::run::parse_run_config;
using zkgate::gate::run::RunConfig;
using zkgate::util::InputError;

namespace {

const char* kValid = R"(version: 1
cache_dir: /tmp/zkgate-cache
submodules: ignore
thresholds:
  total_steps_pct: 1.0
cases:
  - name: fib-small
    zkvm: native
    input: inputs/small.bin
    build: make
    profile: valgrind --tool=callgrind --callgrind-out-file=$ZKGATE_OUT/cg.out ./fib
    output: $ZKGATE_OUT/cg.out
    format: callgrind
    timeout: 15m
    thresholds:
      total_steps_pct: 5
  - name: fib-big
    zkvm: native
    profile: ./run.sh
)";

// The message of the InputError that parsing text throws ("" when it does not throw).
std::string error_of(const std::string& text) {
  try {
    parse_run_config(text, ".zkgate.yml");
  } catch (const InputError& error) {
    return error.describe();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(reads_every_key) {
  const RunConfig config = parse_run_config(kValid, "base abc:.zkgate.yml");
  BOOST_TEST(config.source == "base abc:.zkgate.yml");
  BOOST_TEST(config.cases.size() == 2u);
  BOOST_TEST(config.cache_dir.value() == "/tmp/zkgate-cache");
  BOOST_TEST((config.submodules == zkgate::gate::run::SubmodulePolicy::kIgnore));
  BOOST_TEST(config.thresholds["total_steps_pct"].as<double>() == 1.0);
  BOOST_TEST(config.thresholds_where.line == 5u);
  const zkgate::gate::run::CaseConfig& small = config.cases[0];
  BOOST_TEST(small.name == "fib-small");
  BOOST_TEST(small.input.value() == "inputs/small.bin");
  BOOST_TEST(small.build.value() == "make");
  BOOST_TEST(small.output == "$ZKGATE_OUT/cg.out");
  BOOST_TEST(small.format == "callgrind");
  BOOST_TEST(small.timeout.count() == 900);
  BOOST_TEST(small.thresholds["total_steps_pct"].as<double>() == 5.0);
  BOOST_TEST(small.where.line == 7u);
  const zkgate::gate::run::CaseConfig& big = config.cases[1];
  BOOST_TEST(!big.build.has_value());
  BOOST_TEST(big.output == "stdout");
  BOOST_TEST(big.format == "auto");
  BOOST_TEST(big.timeout.count() == zkgate::gate::run::kDefaultCommandTimeout.count());
  BOOST_TEST(big.thresholds.IsNull());
  BOOST_TEST(config.find_case("fib-big") == &config.cases[1]);
  BOOST_TEST(config.find_case("nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(unknown_key_is_an_error_with_its_line) {
  const std::string message = error_of("cases:\n  - name: a\n    zkvm: native\n    profile: x\n    thresold: 3\n");
  BOOST_TEST(message.find(".zkgate.yml:5:5: unknown key 'thresold' in a case") == 0u, message);
  BOOST_TEST(message.find("known keys:") != std::string::npos);
  BOOST_TEST(error_of("cases: []\nthresholds: {}\nextra: 1\n").find(".zkgate.yml:3:1: unknown key 'extra'") == 0u);
}

BOOST_AUTO_TEST_CASE(missing_and_invalid_values_are_errors) {
  BOOST_TEST(error_of("thresholds: {}\n").find("no 'cases'") != std::string::npos);
  BOOST_TEST(error_of("cases: []\n").find("non-empty list") != std::string::npos);
  BOOST_TEST(error_of("cases:\n  - name: a\n    zkvm: x\n").find(":2:5: case 'a' has no 'profile'") != std::string::npos);
  BOOST_TEST(error_of("cases:\n  - name: a\n    profile: x\n").find("has no 'zkvm'") != std::string::npos);
  BOOST_TEST(error_of("cases:\n  - name: a/b\n    zkvm: x\n    profile: x\n").find(":2:11: case name 'a/b'") !=
             std::string::npos);
  const std::string twice = error_of("cases:\n  - {name: a, zkvm: x, profile: p}\n  - {name: a, zkvm: x, profile: q}\n");
  BOOST_TEST(twice.find(":3:12: case name 'a' is used twice") != std::string::npos, twice);
  BOOST_TEST(error_of("cases:\n  - {name: a, zkvm: x, profile: p, timeout: soon}\n").find("positive duration") !=
             std::string::npos);
  BOOST_TEST(error_of("cases:\n  - {name: a, zkvm: x, profile: [p]}\n").find("'profile' must be a string") !=
             std::string::npos);
  BOOST_TEST(error_of("submodules: maybe\ncases:\n  - {name: a, zkvm: x, profile: p}\n").find(":1:13:") !=
             std::string::npos);
  BOOST_TEST(error_of("cases:\n  - {name: a\n").find(".zkgate.yml:") == 0u);
  BOOST_TEST(error_of("version: 2\ncases:\n  - {name: a, zkvm: x, profile: p}\n").find("only 'version: 1'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(durations) {
  BOOST_TEST(parse_duration("90").value().count() == 90);
  BOOST_TEST(parse_duration("90s").value().count() == 90);
  BOOST_TEST(parse_duration("15m").value().count() == 900);
  BOOST_TEST(parse_duration("2h").value().count() == 7200);
  BOOST_TEST(!parse_duration("0").has_value());
  BOOST_TEST(!parse_duration("-5").has_value());
  BOOST_TEST(!parse_duration("5d").has_value());
  BOOST_TEST(!parse_duration("").has_value());
  BOOST_TEST(!parse_duration("m").has_value());
  BOOST_TEST(!parse_duration("99999999999h").has_value());
}

BOOST_AUTO_TEST_CASE(fingerprint_follows_what_changes_the_profile) {
  const RunConfig config = parse_run_config(kValid, "x");
  zkgate::gate::run::CaseConfig changed = config.cases[0];
  const std::string original = zkgate::gate::run::case_fingerprint(changed);
  changed.timeout = std::chrono::seconds(1);
  changed.thresholds = YAML::Node();
  BOOST_TEST(zkgate::gate::run::case_fingerprint(changed) == original);
  changed.profile += " --more";
  BOOST_TEST(zkgate::gate::run::case_fingerprint(changed) != original);
  // Moving text between fields must not give the same fingerprint.
  zkgate::gate::run::CaseConfig a = config.cases[1];
  zkgate::gate::run::CaseConfig b = config.cases[1];
  a.build = "x";
  a.profile = "y";
  b.build = "";
  b.profile = "xy";
  BOOST_TEST(zkgate::gate::run::case_fingerprint(a) != zkgate::gate::run::case_fingerprint(b));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(example_config)

// The shipped ethrex example must stay a valid config.
BOOST_AUTO_TEST_CASE(ethrex_example_parses) {
  const std::filesystem::path file = zkgate::test::source_dir() / "examples/ethrex.zkgate.yml";
  std::ifstream in(file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const RunConfig config = parse_run_config(text, file.string());
  BOOST_TEST(config.cases.size() == 2u);
  BOOST_TEST(config.cases[0].build.value() == "make -C scripts/zkvm-bench build ZKVM=zisk");
  BOOST_TEST((config.cases[0].build == config.cases[1].build));  // one build for both blocks
  BOOST_TEST(config.cases[0].profile.find("INPUT_FILE=\"$ZKGATE_INPUT\" PROFILE_DIR=\"$ZKGATE_OUT\"") !=
             std::string::npos);
  BOOST_TEST(config.cases[0].format == "ziskemu");
  BOOST_TEST(config.cases[0].timeout.count() == 7200);
  BOOST_TEST((config.submodules == zkgate::gate::run::SubmodulePolicy::kIgnore));
  BOOST_TEST(config.thresholds["cases"].IsMap());
}

BOOST_AUTO_TEST_SUITE_END()
