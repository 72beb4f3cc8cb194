#include "profile_test_support.h"  // first: it includes Boost.Test

#include <fstream>
#include <sstream>


#include "gate/profile/parse.h"

using zkgate::gate::FunctionStat;
using zkgate::gate::OpcodeStat;
using zkgate::gate::Profile;
using zkgate::gate::parse_profile;
using namespace zkgate::test;

namespace {

std::filesystem::path zisk_profiles() { return corpus_dir() / "profiles" / "zisk"; }

struct ManifestRow {
  std::string path;
  std::string kind;
  std::string headline;
  std::string result_type;
};

// bulk/MANIFEST.tsv: path, zkvm, guest, kind, headline_total, notes, zkvm_version, guest_label,
// fixture_set, result_type, ...
std::vector<ManifestRow> profile_rows() {
  std::ifstream in(corpus_dir() / "bulk" / "MANIFEST.tsv");
  std::vector<ManifestRow> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream split(line);
    std::string cell;
    while (std::getline(split, cell, '\t')) cells.push_back(cell);
    if (cells.size() < 10 || cells[0].rfind("data/profiles/", 0) != 0) continue;
    rows.push_back({cells[0], cells[3], cells[4], cells[9]});
  }
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ziskemu_corpus, *needs_corpus())

BOOST_AUTO_TEST_CASE(ethrex_headline_numbers) {
  const Profile p = parse_profile(zisk_profiles() / "ethrex-05_avoid_nodetype_clone.txt");
  BOOST_TEST(p.format == "ziskemu");
  BOOST_TEST(p.zkvm == "zisk");
  BOOST_TEST(p.unit == "steps");
  BOOST_TEST(p.total == 498004423u);
  BOOST_TEST(p.total_cost.value() == 57038392183u);
  BOOST_TEST_REQUIRE(p.cost_distribution.size() == 5u);
  BOOST_TEST(p.cost_distribution[0].name == "BASE");
  BOOST_TEST(p.cost_distribution[0].cost == 293601280u);
  BOOST_TEST(p.cost_distribution[1].cost == 33864300764u);
  BOOST_TEST(p.cost_distribution[4].name == "MEMORY");
  BOOST_TEST(p.cost_distribution[4].cost == 4123275020u);
  BOOST_TEST(p.ram_bytes.value() == 268369936u);
  BOOST_TEST(p.metadata.at("frops_cost") == "7634424752");
  BOOST_TEST(p.metadata.at("layout") == "zisk-plain");

  BOOST_TEST(p.opcodes_known);
  BOOST_TEST(p.opcodes.size() == 31u);
  const OpcodeStat* keccak = find_opcode(p.opcodes, "keccak");
  BOOST_TEST_REQUIRE(keccak != nullptr);
  BOOST_TEST(keccak->count == 82057u);
  BOOST_TEST(keccak->cost.value() == 10512158156u);
  BOOST_TEST(keccak->is_precompile);
  BOOST_TEST(find_opcode(p.opcodes, "sha256")->is_precompile);
  BOOST_TEST(find_opcode(p.opcodes, "secp256k1_dbl")->is_precompile);
  BOOST_TEST(!find_opcode(p.opcodes, "add")->is_precompile);
  BOOST_TEST(!find_opcode(p.opcodes, "fcall")->is_precompile);
  BOOST_TEST(find_opcode(p.opcodes, "pubout")->cost.value() == 0u);  // printed 0 stays a real 0

  BOOST_TEST(p.functions_known);
  BOOST_TEST(!p.functions_complete);
  BOOST_TEST(p.top_n_by_steps.value() == 25u);
  BOOST_TEST(p.top_n_by_cost.value() == 25u);
  const FunctionStat* update = find_function(p, "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update");
  BOOST_TEST_REQUIRE(update != nullptr);
  BOOST_TEST(update->rank_by_cost.value() == 11u);
  BOOST_TEST(update->cost.value() == 13435257711u);
  BOOST_TEST(update->steps.value() == 69357246u);
  BOOST_TEST(update->calls.value() == 27479u);
  // syscall_keccak_f ranks by cost only: its steps come from its DETAIL block.
  const FunctionStat* syscall = find_function(p, "syscall_keccak_f");
  BOOST_TEST_REQUIRE(syscall != nullptr);
  BOOST_TEST(!syscall->rank_by_steps.has_value());
  BOOST_TEST(syscall->rank_by_cost.value() == 14u);
  BOOST_TEST(syscall->steps.value() == 82057u);
  BOOST_TEST_REQUIRE(syscall->callers.size() == 3u);
  BOOST_TEST(syscall->callers[0].name == "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update");
  BOOST_TEST(syscall->callers[0].calls.value() == 54152u);
  BOOST_TEST_REQUIRE(find_opcode(syscall->opcodes, "keccak") != nullptr);
  BOOST_TEST(find_opcode(syscall->opcodes, "keccak")->is_precompile);
  // Names with spaces survive whole.
  const std::string long_name =
      "ethrex_vm::backends::levm::db::<impl ethrex_levm::db::Database for alloc::boxed::Box<dyn "
      "ethrex_vm::db::VmDatabase+core::marker::Sync+core::marker::Send>>::get_storage_value";
  const FunctionStat* storage = find_function(p, long_name);
  BOOST_TEST_REQUIRE(storage != nullptr);
  BOOST_TEST(storage->rank_by_steps.value() == 25u);
  BOOST_TEST(storage->rank_by_cost.value() == 24u);
  const FunctionStat* main_fn = find_function(p, "zkvm_zisk_program::main");
  BOOST_TEST_REQUIRE(main_fn != nullptr);
  BOOST_TEST(main_fn->calls.value() == 0u);
  BOOST_TEST(find_opcode(main_fn->opcodes, "keccak")->count == 82057u);
  BOOST_TEST(find_opcode(main_fn->opcodes, "eq")->count == 12186814u);
}

BOOST_AUTO_TEST_CASE(book_plain_report_has_summary_only) {
  const Profile p = parse_profile(zisk_profiles() / "zisk-book-excerpt-report-X.txt");
  BOOST_TEST(p.total == 92875129u);
  BOOST_TEST(p.total_cost.value() == 11437643381u);
  BOOST_TEST(p.ram_bytes.value() == 18465008u);
  BOOST_TEST(!p.opcodes_known);
  BOOST_TEST(!p.functions_known);
}

BOOST_AUTO_TEST_CASE(book_boxed_summary_is_parsed_and_checked) {
  const Profile p = parse_profile(zisk_profiles() / "zisk-book-excerpt-boxed-summary.txt");
  BOOST_TEST(p.metadata.at("layout") == "boxed");
  BOOST_TEST(p.total == 92875129u);
  BOOST_TEST(p.total_cost.value() == 11437643381u);
  BOOST_TEST_REQUIRE(p.cost_distribution.size() == 5u);
  BOOST_TEST(p.cost_distribution[3].name == "PRECOMPILES");
  BOOST_TEST(p.cost_distribution[3].cost == 2565960716u);
  BOOST_TEST(!p.ram_bytes.has_value());  // printed rounded in MB: kept as text, not as bytes
  BOOST_TEST(p.metadata.at("ram") == "17.61 MB /  64.00 MB");
  // The same run as the plain excerpt: both layouts give the same figures.
  const Profile plain = parse_profile(zisk_profiles() / "zisk-book-excerpt-report-X.txt");
  BOOST_TEST(plain.total == p.total);
  BOOST_TEST(plain.cost_distribution == p.cost_distribution);
}

BOOST_AUTO_TEST_CASE(book_opcode_tables_alone_are_rejected) {
  const std::string error = parse_error_of(zisk_profiles() / "zisk-book-excerpt-opcode-tables.txt", "ziskemu");
  BOOST_TEST(error.find("no ziskemu REPORT block") != std::string::npos, error);
  // Auto-detection finds no REPORT marker either: unknown layout, never 0 steps.
  const std::string detected = parse_error_of(zisk_profiles() / "zisk-book-excerpt-opcode-tables.txt");
  BOOST_TEST(detected.find("unknown profile layout") != std::string::npos, detected);
}

BOOST_AUTO_TEST_CASE(bulk_profiles_match_manifest_steps) {
  const std::vector<ManifestRow> rows = profile_rows();
  BOOST_TEST_REQUIRE(rows.size() == 15u);
  std::size_t parsed = 0;
  for (const ManifestRow& row : rows) {
    BOOST_TEST_CONTEXT(row.path) {
      const std::filesystem::path file = corpus_dir() / "bulk" / row.path;
      if (row.result_type == "zisk-profile") {
        const Profile p = parse_profile(file);
        BOOST_TEST(std::to_string(p.total) == row.headline);
        BOOST_TEST(p.top_n_by_cost.value() == 25u);
        BOOST_TEST(p.top_n_by_steps.value() == 25u);
        BOOST_TEST(p.metadata.count("tag.stf.steps") == 1u);
        std::uint64_t parts = 0;
        for (const auto& part : p.cost_distribution) parts += part.cost;
        BOOST_TEST(parts == p.total_cost.value());
        ++parsed;
      } else {
        BOOST_TEST(row.result_type == "zisk-profile-error");
        const std::string error = parse_error_of(file);
        BOOST_TEST(error.find("ZisK profiling failed") != std::string::npos, error);
        BOOST_TEST(error.find("docker command exited with code 101") != std::string::npos, error);
        BOOST_TEST((error.find("input size too big") != std::string::npos ||
                    error.find("section not found") != std::string::npos),
                   error);
      }
    }
  }
  BOOST_TEST(parsed == 13u);
}

BOOST_AUTO_TEST_CASE(overflowing_cost_columns_are_split_on_whitespace) {
  const Profile p = parse_profile(corpus_dir() / "bulk" /
                                  "data/profiles/zisk/eest-fd1dd63/ethrex-b9d3ef6/zisk_profile_test_arithmetic.py::"
                                  "test_mod_arithmetic[fork_Osaka-blockchain_test-opcode_MULMOD-mod_bits_127-"
                                  "benchmark-gas-value_35M].prof");
  BOOST_TEST(p.total == 13304185674u);
  BOOST_TEST(p.total_cost.value() == 1315041058188u);
  const FunctionStat* top = find_function(
      p, "<stateless_validator_ethrex::guest::StatelessValidatorEthrexGuest as guest::guest::Guest>::compute::<ere_"
         "platform_zisk::ZiskPlatform>");
  BOOST_TEST_REQUIRE(top != nullptr);
  BOOST_TEST(top->cost.value() == 1314742935925u);
  BOOST_TEST(top->steps.value() == 13304135037u);
  BOOST_TEST(top->calls.value() == 1u);
  BOOST_TEST(p.metadata.at("tag.stf.steps") == "13303944337");
  BOOST_TEST(p.metadata.at("function_symbols") == "1442");
}

BOOST_AUTO_TEST_CASE(two_symbols_with_one_name_stay_apart) {
  const Profile p = parse_profile(corpus_dir() / "bulk" /
                                  "data/profiles/zisk/eest-fd1dd63/reth-v1.11.0/zisk_profile_test_bls12_381.py::"
                                  "test_bls12_381[fork_Osaka-blockchain_test-bls12_g1msm-benchmark-gas-value_10M].prof");
  const FunctionStat* first = find_function(p, "<alloy_trie::hash_builder::HashBuilder>::update");
  const FunctionStat* second = find_function(p, "<alloy_trie::hash_builder::HashBuilder>::update (2)");
  BOOST_TEST_REQUIRE(first != nullptr);
  BOOST_TEST_REQUIRE(second != nullptr);
  BOOST_TEST(first->cost.value() == 19772709u);
  BOOST_TEST(first->calls.value() == 2u);
  BOOST_TEST(first->steps.value() == 86762u);  // from its own DETAIL block
  BOOST_TEST(second->cost.value() == 19327855u);
  BOOST_TEST(second->calls.value() == 1u);
  BOOST_TEST(second->steps.value() == 84207u);
  BOOST_TEST(!first->opcodes.empty());
  BOOST_TEST(!second->opcodes.empty());
  BOOST_TEST(p.metadata.at("duplicate_function_names") == "1");
}

BOOST_AUTO_TEST_SUITE_END()
