#include "profile_test_support.h"  // first: it includes Boost.Test


#include "gate/profile/parse.h"

using zkgate::gate::FunctionStat;
using zkgate::gate::Profile;
using zkgate::gate::parse_profile;
using namespace zkgate::test;

BOOST_AUTO_TEST_SUITE(ziskemu_layouts)

BOOST_AUTO_TEST_CASE(ere_layout_without_symbols_has_no_function_data) {
  const Profile p = parse_profile(profile_fixtures() / "zisk-ere-no-functions.txt");
  BOOST_TEST(p.total == 1000000u);
  BOOST_TEST(p.total_cost.value() == 370643157u);
  BOOST_TEST(p.metadata.at("variable_cost") == "83333333");
  BOOST_TEST(p.metadata.at("layout") == "zisk-variable");
  BOOST_TEST_REQUIRE(p.cost_distribution.size() == 5u);
  BOOST_TEST(p.cost_distribution[4].name == "BASE");
  BOOST_TEST(!p.ram_bytes.has_value());
  // Empty tables without -S: "no function data", not functions at 0.
  BOOST_TEST(!p.functions_known);
  BOOST_TEST(p.functions.empty());
  BOOST_TEST(!p.top_n_by_steps.has_value());
  BOOST_TEST(!p.top_n_by_cost.has_value());
  // COUNT % COST % RANK columns.
  BOOST_TEST(find_opcode(p.opcodes, "add")->count == 400000u);
  BOOST_TEST(find_opcode(p.opcodes, "add")->cost.value() == 10000000u);
  BOOST_TEST(find_opcode(p.opcodes, "keccak")->is_precompile);
  BOOST_TEST(find_opcode(p.opcodes, "dma_memcpy")->is_precompile);
}

BOOST_AUTO_TEST_CASE(ere_layout_with_per_call_columns) {
  const Profile p = parse_profile(profile_fixtures() / "zisk-ere-functions.txt");
  BOOST_TEST(p.functions_known);
  BOOST_TEST(p.top_n_by_steps.value() == 3u);
  const FunctionStat* write = find_function(p, "<guest::Hasher as core::hash::Hasher>::write");
  BOOST_TEST_REQUIRE(write != nullptr);
  BOOST_TEST(write->steps.value() == 600000u);
  BOOST_TEST(write->cost.value() == 40000000u);
  BOOST_TEST(write->calls.value() == 12u);
  BOOST_TEST(write->rank_by_steps.value() == 2u);
  const FunctionStat* syscall = find_function(p, "syscall_keccak_f");
  BOOST_TEST_REQUIRE(syscall != nullptr);
  BOOST_TEST(!syscall->steps.has_value());  // not in the steps list: not ranked, unknown
  BOOST_TEST(!syscall->rank_by_steps.has_value());
  BOOST_TEST(syscall->rank_by_cost.value() == 3u);
}

BOOST_AUTO_TEST_CASE(split_opcode_tables_and_memory_sections) {
  const Profile p = parse_profile(profile_fixtures() / "zisk-split-opcode-tables.txt");
  BOOST_TEST(p.total == 406243606u);
  // MEM COST BY TYPE / MEM TOTALS have their own TOTAL rows: they must not replace the cost total.
  BOOST_TEST(p.total_cost.value() == 45038525560u);
  BOOST_TEST(p.metadata.at("rom_usage") == "878275");
  BOOST_TEST(p.opcodes.size() == 4u);  // variant rows (├ add_hi0) are a subset, not opcodes
  BOOST_TEST(!find_opcode(p.opcodes, "add")->is_precompile);
  BOOST_TEST(find_opcode(p.opcodes, "add")->count == 46947817u);
  BOOST_TEST(find_opcode(p.opcodes, "keccak")->is_precompile);
  BOOST_TEST(find_opcode(p.opcodes, "dma_xmemcpy")->is_precompile);
}

BOOST_AUTO_TEST_CASE(ethrex_layout_with_details_and_output_words) {
  const Profile p = parse_profile(profile_fixtures() / "zisk-ethrex-details.txt");
  BOOST_TEST(p.total == 1000u);
  BOOST_TEST(p.total_cost.value() == 1000u);
  const FunctionStat* hash = find_function(p, "guest::hash");
  BOOST_TEST_REQUIRE(hash != nullptr);
  BOOST_TEST(hash->rank_by_steps.value() == 2u);
  BOOST_TEST(hash->rank_by_cost.value() == 2u);
  BOOST_TEST_REQUIRE(hash->opcodes.size() == 1u);
  BOOST_TEST(hash->opcodes[0].is_precompile);
  BOOST_TEST(hash->opcodes[0].cost.value() == 150u);
  BOOST_TEST_REQUIRE(hash->callers.size() == 1u);
  BOOST_TEST(hash->callers[0].name == "guest::main");
  BOOST_TEST(hash->callers[0].steps.value() == 400u);
}

BOOST_AUTO_TEST_CASE(text_and_file_parsers_agree) {
  const std::filesystem::path file = profile_fixtures() / "zisk-ere-functions.txt";
  const std::string text = zkgate::util::read_file(file);
  Profile from_text = zkgate::gate::parse_profile_text(text, file.string());
  BOOST_TEST((from_text == parse_profile(file)));
}

BOOST_AUTO_TEST_SUITE_END()
