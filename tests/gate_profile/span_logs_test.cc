#include "profile_test_support.h"  // first: it includes Boost.Test

using zkgate::gate::FunctionStat;
using zkgate::gate::Profile;
using zkgate::gate::parse_profile;
using namespace zkgate::test;

namespace {
std::filesystem::path corpus_profiles() { return corpus_dir() / "profiles"; }
}  // namespace

BOOST_AUTO_TEST_SUITE(span_logs)

BOOST_AUTO_TEST_CASE(sp1_flat_spans, *needs_corpus()) {
  const Profile p = parse_profile(corpus_profiles() / "sp1/ethrex-e1961390-sp1-execute-block23278512.log");
  BOOST_TEST(p.format == "sp1-log");
  BOOST_TEST(p.unit == "cycles");
  BOOST_TEST(p.total == 34125436u + 1458794351u + 26791u);
  BOOST_TEST(p.total_note.find("sum of the depth-0 cycle-tracker spans (read_input, execution, commit_public_inputs)") !=
             std::string::npos);
  BOOST_TEST(p.gas.value() == 1687294509u);
  BOOST_TEST_REQUIRE(p.functions.size() == 3u);
  const FunctionStat* execution = find_function(p, "execution");
  BOOST_TEST_REQUIRE(execution != nullptr);
  BOOST_TEST(execution->steps.value() == 1458794351u);
  BOOST_TEST(execution->depth == 0);
  BOOST_TEST(p.functions_complete);
  BOOST_TEST(p.metadata.at("execution_time") == "38.11s");
}

BOOST_AUTO_TEST_CASE(sp1_nested_spans, *needs_corpus()) {
  const Profile p = parse_profile(corpus_profiles() / "sp1/ethrex-ffd9210b-sp1-execute-block23721540.log");
  BOOST_TEST(p.total == 12868356u + 858494608u + 1632u);
  BOOST_TEST(p.gas.value() == 1145215937u);
  BOOST_TEST(p.metadata.at("block") == "23721540");
  BOOST_TEST(find_function(p, "execution")->steps.value() == 858494608u);
  std::size_t children = 0;
  for (const FunctionStat& span : p.functions) {
    if (span.depth == 1) {
      BOOST_TEST(span.parent == "execution");
      ++children;
    }
  }
  BOOST_TEST(children == 14u);
  const FunctionStat* block = find_function(p, "execute_block");
  BOOST_TEST_REQUIRE(block != nullptr);
  BOOST_TEST(block->steps.value() == 531651252u);
  BOOST_TEST(block->depth == 1);
}

BOOST_AUTO_TEST_CASE(sp1_repeated_spans_add_up) {
  const Profile p = parse_profile(profile_fixtures() / "sp1-loop-spans.log");
  BOOST_TEST(p.total == 1600u);
  BOOST_TEST(p.gas.value() == 0u);  // printed as 0: a real 0, not unknown
  const FunctionStat* tx = find_function(p, "tx");
  BOOST_TEST_REQUIRE(tx != nullptr);
  BOOST_TEST(tx->steps.value() == 500u);
  BOOST_TEST(tx->calls.value() == 2u);
  // The same label under another parent stays its own entry.
  const FunctionStat* nested = find_function(p, "tx \u203a read_input");
  BOOST_TEST_REQUIRE(nested != nullptr);
  BOOST_TEST(nested->steps.value() == 5u);
  BOOST_TEST(nested->depth == 2);
  BOOST_TEST(find_function(p, "read_input")->steps.value() == 1000u);
}

BOOST_AUTO_TEST_CASE(sp1_profile_script_report) {
  const Profile p = parse_profile(profile_fixtures() / "sp1-profile-report.txt");
  BOOST_TEST(p.format == "sp1-log");
  BOOST_TEST(p.total == 123400u);
  BOOST_TEST(p.metadata.at("samples") == "1234");
  BOOST_TEST(p.top_n_by_steps.value() == 3u);
  const FunctionStat* update = find_function(p, "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update");
  BOOST_TEST_REQUIRE(update != nullptr);
  BOOST_TEST(update->steps.value() == 20000u);
  BOOST_TEST(update->self_steps.value() == 20000u);
  BOOST_TEST(!update->calls.has_value());  // CALLS counts samples, not calls
  BOOST_TEST(!find_function(p, "ethrex_vm::backends::levm::LEVM::execute_block")->self_steps.has_value());
}

BOOST_AUTO_TEST_CASE(risc0_before_and_after, *needs_corpus()) {
  const Profile before = parse_profile(corpus_profiles() / "risc0/ethrex-e8b776a8-risc0-execute-block23350480-before.log");
  const Profile after = parse_profile(corpus_profiles() / "risc0/ethrex-e8b776a8-risc0-execute-block23350480-after.log");
  BOOST_TEST(before.format == "risc0-log");
  BOOST_TEST(before.total == 3051367508u);
  BOOST_TEST(after.total == 2552318509u);
  BOOST_TEST(find_function(before, "reading input")->steps.value() == 1122344791u);
  BOOST_TEST(find_function(after, "reading input")->steps.value() == 623283163u);
  BOOST_TEST(find_function(after, "committing public inputs")->steps.value() == 2645u);
  BOOST_TEST(after.functions.size() == 3u);
  BOOST_TEST(after.total_note.empty());  // printed by the guest, not derived
}

BOOST_AUTO_TEST_CASE(risc0_info_lines) {
  const Profile p = parse_profile(profile_fixtures() / "risc0-info.log");
  BOOST_TEST(p.total == 2552318u);
  BOOST_TEST(p.total_note.find("user cycles") != std::string::npos);
  BOOST_TEST(p.metadata.at("segments") == "3");
  BOOST_TEST(p.metadata.at("executor_total_cycles") == "3145728");
  BOOST_TEST(p.metadata.at("executor_paging_cycles") == "500000");
  BOOST_TEST(!p.functions_known);
}

BOOST_AUTO_TEST_CASE(openvm_metrics_groups, *needs_corpus()) {
  const Profile p = parse_profile(corpus_profiles() / "openvm/openvm-metrics.example.json");
  BOOST_TEST(p.format == "openvm-metrics");
  BOOST_TEST(p.total == 290016u + 9780100u);
  BOOST_TEST(p.total_note.find("ecrecover_program 290016, leaf 9780100") != std::string::npos, p.total_note);
  BOOST_TEST(find_function(p, "ecrecover_program")->steps.value() == 290016u);
  BOOST_TEST(find_function(p, "leaf")->steps.value() == 9780100u);
  BOOST_TEST(p.metadata.at("group.ecrecover_program.num_segments") == "1");
  BOOST_TEST(p.metadata.at("group.leaf.execute_time_ms") == "12371");
  const Profile prev = parse_profile(corpus_profiles() / "openvm/openvm-metrics.prev.example.json");
  BOOST_TEST(find_function(prev, "leaf")->steps.value() == 9778389u);
  BOOST_TEST(prev.total == 290016u + 9778389u);
}

BOOST_AUTO_TEST_SUITE_END()
