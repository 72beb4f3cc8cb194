// Hostile profiles: what a PR's guest (its symbol names) or a broken profiler can put in a
// profile that `gate` reads. Parsers are called directly for the refusals; the real binary
// runs where the outcome is a whole report (rendering, memory).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gate/profile/parse.h"
#include "gate/profile/profile_json.h"
#include "hostile_support.h"
#include "run_binary.h"
#include "util/exit_codes.h"
#include "util/file_io.h"

namespace zkgate::test::hostile {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) { return util::read_file(fixtures_dir() / "profiles" / name); }

// A ZisK profile of 39 lines with guest::main as its top function (line 30) and STEPS on line 7.
std::string zisk_profile() { return fixture("zisk-ere-functions.txt"); }

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "template lacks '" << from << "'");
  return text.replace(at, from.size(), to);
}

void require_profile_refused(const fs::path& file, std::string_view text, std::string_view expected,
                             const std::string& format = "auto") {
  write_file(file, text);
  require_input_error([&] { (void)gate::parse_profile(file, format); }, expected);
}

bool is_valid_utf8(const fs::path& file) {
  return std::system(("iconv -f UTF-8 -t UTF-8 '" + file.string() + "' >/dev/null 2>&1").c_str()) == 0;
}

// `gate compare BASE HEAD` with every output, checked to be valid UTF-8 without control
// characters (a name must not move the terminal cursor or break the JSON).
BinaryResult compare_with_all_outputs(const fs::path& dir, const fs::path& base, const fs::path& head,
                                      std::vector<std::string> extra = {}) {
  std::vector<std::string> arguments = {"compare", base.string(), head.string(), "--json", (dir / "report.json").string(),
                                        "--markdown", (dir / "report.md").string()};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  BinaryResult result = run_binary(gate_binary(), arguments, dir / "output.txt");
  BOOST_TEST(is_valid_utf8(dir / "output.txt"));
  BOOST_TEST(is_valid_utf8(dir / "report.md"));
  BOOST_TEST(is_valid_utf8(dir / "report.json"));
  // nlohmann's parser refuses ill-formed UTF-8 in strings.
  BOOST_TEST(nlohmann::json::accept(util::read_file(dir / "report.json")));
  for (const fs::path& file : {dir / "output.txt", dir / "report.md"}) {
    const std::string text = util::read_file(file);
    BOOST_TEST(text.find('\0') == std::string::npos, file.filename() << " holds a NUL");
    BOOST_TEST(text.find('\x1b') == std::string::npos, file.filename() << " holds an ESC");
  }
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_profiles, *boost::unit_test::timeout(300))

BOOST_FIXTURE_TEST_CASE(numbers_overflowing_64_bits_are_refused_in_every_format, TempDir) {
  const std::string too_big = "18446744073709551616";
  require_profile_refused(path / "zisk.txt", replaced(zisk_profile(), "1000000\n", too_big + "\n"), "zisk.txt:7");
  require_profile_refused(path / "sp1.log", replaced(fixture("sp1-loop-spans.log"), "1,000 cycles", "18,446,744,073,709,551,616 cycles"),
                          "sp1.log:2");
  // The RISC0 reader takes its total from "user cycles": the line is named, not "missing".
  require_profile_refused(path / "risc0.log", replaced(fixture("risc0-info.log"), "2552318 user", too_big + " user"),
                          "risc0.log:5: the executor's user cycles figure \"" + too_big + "\" does not fit in 64 bits");
  require_profile_refused(path / "callgrind.out", replaced(fixture("callgrind-small.out"), "summary: 120 500", "summary: 120 " + too_big),
                          "callgrind.out:10");
  require_profile_refused(path / "metrics.json",
                          R"({"counter":[{"labels":[["group","leaf"]],"metric":"total_cycles","value":")" + too_big + R"("}],"gauge":[]})",
                          "metrics.json");
  nlohmann::json profile = gate::profile_to_json(gate::parse_profile_text(zisk_profile(), "zisk.txt"));
  std::string text = profile.dump();
  text = replaced(text, "\"total\":1000000", "\"total\":" + too_big);
  require_profile_refused(path / "profile.json", text, "/total: expected an unsigned integer");
}

// Sums of figures that each fit must not wrap around 2^64 into the value a check expects.
BOOST_FIXTURE_TEST_CASE(sums_wrapping_past_64_bits_are_refused, TempDir) {
  // MAIN + OPCODES + PRECOMPILES + MEMORY = 2^64 + 83333333, which wraps to VARIABLE exactly.
  std::string zisk = replaced(zisk_profile(), "MAIN                            50000000", "MAIN        18446744073709551615");
  zisk = replaced(zisk, "OPCODES                         20000000", "OPCODES                         70000001");
  require_profile_refused(path / "zisk.txt", zisk, "zisk.txt:19: cost distribution parts overflow 64 bits");
  // Two cost lines whose wrapped sum adds nothing to what `summary:` says.
  require_profile_refused(path / "callgrind.out",
                          replaced(fixture("callgrind-small.out"), "3 2 10\n", "3 2 10\n4 0 18446744073709551615\n5 0 1\n"),
                          "overflow 64 bits");
}

// Auxiliary sums (OpenVM per-group metrics, callgrind call counts) are checked like totals.
BOOST_FIXTURE_TEST_CASE(auxiliary_sums_wrapping_past_64_bits_are_refused, TempDir) {
  const std::string max = "18446744073709551615";
  const std::string entry = R"({"labels":[["group","leaf"]],"metric":"num_segments","value":")" + max + R"("})";
  require_profile_refused(path / "metrics.json",
                          R"({"counter":[{"labels":[["group","leaf"]],"metric":"total_cycles","value":"5"},)" + entry +
                              "," + entry + R"(],"gauge":[]})",
                          "metrics.json: num_segments of group \"leaf\" overflows 64 bits");
  require_profile_refused(path / "callgrind.out",
                          replaced(fixture("callgrind-small.out"), "calls=2 10\n* 100 485\n",
                                   "calls=" + max + " 10\n* 100 485\ncfn=(2)\ncalls=1 10\n* 0 0\n"),
                          "callgrind.out:21: call counts overflow 64 bits");
}

// Found by fuzz_profile_openvm_metrics: "0e46" took RapidJSON 1.1.0 into clz(0), undefined
// behaviour that UBSan halts on. Such a number reads as 0 and is refused where a count is due.
BOOST_FIXTURE_TEST_CASE(json_zero_with_a_large_exponent_is_read_as_zero, TempDir) {
  require_profile_refused(path / "metrics.json",
                          R"({"counter":[{"labels":[["group","leaf"]],"metric":"total_cycles","value":0e46}],"gauge":[]})",
                          "has value 0");
  nlohmann::json profile = gate::profile_to_json(gate::parse_profile_text(zisk_profile(), "zisk.txt"));
  const std::string text = replaced(profile.dump(), "\"total\":1000000", "\"total\":0e46");
  require_profile_refused(path / "profile.json", text, "/total: expected an unsigned integer", "zkgate-json");
  // Found by fuzz_profile_zkgate_json: 127 significant digits with an exponent indexed past
  // RapidJSON's table of cached powers (the same full-precision path).
  require_profile_refused(path / "digits.json", std::string(127, '7') + "22E271", "digits.json", "zkgate-json");
}

// A derived span name ("x (top level)") must not take a name a real label already has, or
// two spans would be compared as one.
BOOST_AUTO_TEST_CASE(sp1_derived_span_names_never_collide_with_labels) {
  const std::string prefix = "2025-11-06T20:27:22.669322Z  INFO execute: sp1_core_executor::syscalls::write: ";
  const std::string open = prefix + "\u250c\u2574";
  const std::string close = prefix + "\u2514\u2574";
  const std::string log = open + "x (top level)\n" + close + "1 cycles\n" + open + "a\n" + prefix + "\u2502 \u250c\u2574x\n" +
                          prefix + "\u2502 \u2514\u25745 cycles\n" + close + "10 cycles\n" + open + "x\n" + close + "3 cycles\n";
  const gate::Profile profile = gate::parse_profile_text(log, "sp1.log", "sp1-log");
  BOOST_TEST(profile.total == 14u);
  std::vector<std::string> names;
  for (const gate::FunctionStat& function : profile.functions) names.push_back(function.name);
  BOOST_TEST(names == (std::vector<std::string>{"x (top level)", "x", "a", "x (top level) #2"}),
             boost::test_tools::per_element());
}

// Found by fuzz_profile_sp1_log: a top-level span whose label a nested span used first was
// named after "its parent" open_[-1], an out-of-bounds read (UBSan). Legitimate in real logs.
BOOST_AUTO_TEST_CASE(sp1_top_level_span_reusing_a_nested_label_is_named_without_a_parent) {
  const std::string prefix = "2025-11-06T20:27:22.669322Z  INFO execute: sp1_core_executor::syscalls::write: ";
  const std::string log = prefix + "\u250c\u2574a\n" + prefix + "\u2502 \u250c\u2574x\n" + prefix + "\u2502 \u2514\u25745 cycles\n" +
                          prefix + "\u2514\u257410 cycles\n" + prefix + "\u250c\u2574x\n" + prefix + "\u2514\u25743 cycles\n";
  const gate::Profile profile = gate::parse_profile_text(log, "sp1.log", "sp1-log");
  BOOST_TEST(profile.total == 13u);
  std::vector<std::string> names;
  for (const gate::FunctionStat& function : profile.functions) names.push_back(function.name);
  BOOST_TEST(names == (std::vector<std::string>{"x", "a", "x (top level)"}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(nul_bytes_in_text_profiles_are_refused_with_their_line, TempDir) {
  require_profile_refused(path / "zisk.txt", replaced(zisk_profile(), "guest::main", std::string("guest::ma\0in", 12)),
                          "zisk.txt:30: binary data");
  require_profile_refused(path / "callgrind.out", replaced(fixture("callgrind-small.out"), "work", std::string("wo\0rk", 5)),
                          "callgrind.out:16: binary data");
  require_profile_refused(path / "sp1.log", replaced(fixture("sp1-loop-spans.log"), "tx", std::string("t\0x", 3)),
                          "sp1.log:4: binary data");
}

// Symbol names are whatever the guest's code is called, and JSON profiles can carry any
// code point: NUL, ESC, invalid UTF-8 and C1 controls must reach no output raw.
BOOST_FIXTURE_TEST_CASE(hostile_symbol_names_render_as_valid_utf8_without_controls, TempDir) {
  write_file(path / "base.txt", zisk_profile());
  write_file(path / "head.txt", replaced(zisk_profile(), "guest::main", "guest::m\xFF" "a\xC3(in\x01\x7f\xC2\x9B" "2J"));
  const BinaryResult text_names = compare_with_all_outputs(path, path / "base.txt", path / "head.txt");
  BOOST_TEST(text_names.exit_code == util::kExitOk);
  BOOST_TEST(text_names.output.find("guest::m\xEF\xBF\xBD" "a") != std::string::npos);
  // gate show --json once stopped at nlohmann's "invalid UTF-8 byte" (type_error 316), exit 2.
  const BinaryResult shown = run_binary(gate_binary(), {"show", (path / "head.txt").string(), "--json", (path / "show.json").string()},
                                        path / "show-output.txt");
  BOOST_TEST(shown.exit_code == util::kExitOk, shown.output);
  BOOST_TEST(is_valid_utf8(path / "show.json"));
  BOOST_TEST(nlohmann::json::accept(util::read_file(path / "show.json")));

  gate::Profile profile = gate::parse_profile_text(zisk_profile(), "head.json");
  profile.functions.at(0).name = std::string("a\0b\x1b[2J\n::error::forged", 24);
  write_file(path / "head.json", gate::profile_to_json(profile).dump());
  const BinaryResult json_names = compare_with_all_outputs(path, path / "base.txt", path / "head.json");
  BOOST_TEST(json_names.exit_code == util::kExitOk);
  // A newline in a name must not start a line: GitHub Actions reads "::error::" lines as commands.
  BOOST_TEST(json_names.output.find("\n::error::") == std::string::npos);
  BOOST_TEST(json_names.output.find(" ::error::forged") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(ten_megabyte_lines_parse_or_are_refused_clearly, TempDir) {
  const std::string huge(10 * 1024 * 1024, 'g');
  // Guest output before the REPORT: detection reads the first MiB and says so; --format reads on.
  write_file(path / "guest-output.txt", huge + "\n" + zisk_profile());
  require_input_error([&] { (void)gate::parse_profile(path / "guest-output.txt"); }, "unknown profile layout");
  BOOST_TEST(gate::parse_profile(path / "guest-output.txt", "ziskemu").total == 1000000u);
  // A span log and a RISC0 log with a 10 MB line in between (RISC0 is recognised by a
  // line past the first MiB here, so it needs --format).
  write_file(path / "sp1.log", replaced(fixture("sp1-loop-spans.log"), "stderr:", huge));
  BOOST_TEST(gate::parse_profile(path / "sp1.log").total == 1600u);
  write_file(path / "risc0.log", replaced(fixture("risc0-info.log"), "number of segments: 3", huge));
  require_input_error([&] { (void)gate::parse_profile(path / "risc0.log"); }, "unknown profile layout");
  BOOST_TEST(gate::parse_profile(path / "risc0.log", "risc0-log").total == 2552318u);
  // A 10 MB symbol name on both sides, with a policy rule whose regex used to overflow the
  // stack on such a name (SIGSEGV from 40 KB on): judged, the rule reported as not checked.
  const std::string named = replaced(zisk_profile(), "guest::main", huge);
  write_file(path / "base.txt", named);
  write_file(path / "head.txt", named);
  write_file(path / "policy.yml", "functions:\n  - match: 'g.*x'\n    max_increase_percent: 5\n");
  const BinaryResult result =
      compare_with_all_outputs(path, path / "base.txt", path / "head.txt", {"--policy", (path / "policy.yml").string()});
  BOOST_TEST(result.exit_code == util::kExitOk);
  BOOST_TEST(result.output.find("not checked against a function name of 10485760 bytes") != std::string::npos);
}

// A 1 GiB file costs no disk (sparse): a profile head followed by a hole of NUL bytes.
// Streaming refuses it at the first NUL, with its line, without reading the rest.
BOOST_FIXTURE_TEST_CASE(one_gigabyte_sparse_profile_is_refused_in_bounded_memory, TempDir) {
  const off_t one_gib = off_t{1} << 30;
  write_file(path / "base.txt", zisk_profile());
  for (const std::string name : {"big.txt", "big.json", "zeros.log"}) {
    BOOST_TEST_CONTEXT(name) {
      write_file(path / name, name == "zeros.log" ? std::string() : zisk_profile());
      BOOST_REQUIRE(::truncate((path / name).c_str(), one_gib) == 0);
      const BinaryResult result = run_binary(gate_binary(), {"compare", (path / "base.txt").string(), (path / name).string()},
                                             path / "output.txt");
      BOOST_TEST(result.exit_code == util::kExitError);
      BOOST_TEST(result.output.find(name + ":" + (name == "zeros.log" ? "1" : "40") + ": binary data") != std::string::npos);
      BOOST_TEST(result.peak_rss_kib < 256 * 1024, "peak RSS " << result.peak_rss_kib << " KiB");
      fs::remove(path / name);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace zkgate::test::hostile
