#include "profile_test_support.h"  // first: it includes Boost.Test


#include "gate/profile/parse.h"
#include "gate/profile/profile_json.h"

using zkgate::gate::Profile;
using zkgate::gate::profile_from_json;
using zkgate::gate::profile_to_json;
using namespace zkgate::test;

namespace {

Profile sparse_profile() {
  Profile p;
  p.source = "hand-made";
  p.format = "sp1-log";
  p.zkvm = "sp1";
  p.unit = "cycles";
  p.total = 18446744073709551615u;  // u64 max survives
  p.total_note = "sum of depth-0 spans";
  p.gas = 0;  // a printed 0 stays 0; an unknown stays unknown
  zkgate::gate::FunctionStat span;
  span.name = "execution";
  span.steps = 5;
  span.depth = 1;
  span.parent = "outer";
  span.callers.push_back({"caller", std::nullopt, 3});
  p.functions.push_back(span);
  p.functions_known = true;
  p.metadata["block"] = "23721540";
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(profile_json)

// Every root key the writer emits reaches the streamed reader (it builds only the keys it
// knows), and keys it does not know are skipped without changing the profile.
BOOST_AUTO_TEST_CASE(every_field_round_trips_through_the_streamed_reader) {
  Profile p = sparse_profile();
  p.source = "s.txt";
  p.zkvm = "zisk";
  p.unit = "steps";
  p.total_cost = 7;
  p.cost_distribution = {{"BASE", 3}, {"MAIN", 4}};
  p.ram_bytes = 8;
  p.opcodes_known = true;
  p.opcodes = {{"add", 2, 9, false}, {"keccak", 1, std::nullopt, true}};
  p.functions_complete = true;
  p.top_n_by_steps = 1;
  p.top_n_by_cost = 1;
  p.functions[0].cost = 6;
  p.functions[0].calls = 1;
  p.functions[0].self_steps = 2;
  p.functions[0].self_cost = 3;
  p.functions[0].rank_by_steps = 1;
  p.functions[0].rank_by_cost = 1;
  p.functions[0].opcodes = {{"add", 1, 2, false}};
  nlohmann::json j = profile_to_json(p);
  j["unknown"] = nlohmann::json::parse(R"([{"functions": [{"name": 1}]}, {"schema": "x"}])");
  BOOST_TEST((zkgate::gate::parse_profile_text(j.dump(1), "x.json", "zkgate-json") == p));
}

BOOST_AUTO_TEST_CASE(unknown_stays_unknown_and_round_trips) {
  const Profile p = sparse_profile();
  const nlohmann::json j = profile_to_json(p);
  BOOST_TEST(j.at("schema") == "zkgate-profile/1");
  BOOST_TEST(!j.contains("total_cost"));
  BOOST_TEST(!j.contains("ram_bytes"));
  BOOST_TEST(j.at("gas") == 0);
  BOOST_TEST(!j.at("functions")[0].contains("cost"));
  BOOST_TEST(!j.at("functions")[0].at("callers")[0].contains("calls"));
  BOOST_TEST((profile_from_json(j, "x.json") == p));
  // Through text as well, with auto-detection.
  BOOST_TEST((zkgate::gate::parse_profile_text(j.dump(2), "x.json") == p));
}

BOOST_AUTO_TEST_CASE(ziskemu_profile_round_trips, *needs_corpus()) {
  const Profile p = zkgate::gate::parse_profile(corpus_dir() / "profiles/zisk/ethrex-05_avoid_nodetype_clone.txt");
  const std::string text = profile_to_json(p).dump();
  const Profile back = zkgate::gate::parse_profile_text(text, "p.json");
  BOOST_TEST(back.format == "ziskemu");  // the original parser, not "zkgate-json"
  BOOST_TEST((back == p));
}

BOOST_AUTO_TEST_CASE(wrong_schema_or_types_are_input_errors) {
  nlohmann::json j = profile_to_json(sparse_profile());
  j["schema"] = "zkgate-profile/99";
  BOOST_CHECK_THROW(profile_from_json(j, "x.json"), zkgate::util::InputError);
  j = profile_to_json(sparse_profile());
  j.erase("total");
  BOOST_CHECK_THROW(profile_from_json(j, "x.json"), zkgate::util::InputError);
  j = profile_to_json(sparse_profile());
  j["functions"][0]["steps"] = -4;
  const std::string error = text_error_of(j.dump(), "zkgate-json");
  BOOST_TEST(error.find("/functions/0/steps") != std::string::npos, error);
  const std::string cut = text_error_of(j.dump().substr(0, 40), "zkgate-json");
  BOOST_TEST(cut.find("line 1") != std::string::npos, cut);
}

BOOST_AUTO_TEST_SUITE_END()
