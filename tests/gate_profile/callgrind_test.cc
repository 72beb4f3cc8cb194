#include "profile_test_support.h"  // first: it includes Boost.Test

#include <cstdlib>
#include <fstream>

using zkgate::gate::FunctionStat;
using zkgate::gate::Profile;
using zkgate::gate::parse_profile;
using namespace zkgate::test;

namespace {

bool on_path(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Live tests need valgrind and a C compiler; where either is missing they are skipped.
struct ValgrindAvailable {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result result(on_path("valgrind") && on_path("cc"));
    if (!result) result.message() << "skipped: valgrind or cc not found on PATH (Debian: apt-get install valgrind gcc)";
    return result;
  }
};

std::uint64_t self_sum(const Profile& p) {
  std::uint64_t sum = 0;
  for (const FunctionStat& f : p.functions) sum += f.self_steps.value();
  return sum;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(callgrind)

BOOST_AUTO_TEST_CASE(small_file_with_name_compression) {
  const Profile p = parse_profile(profile_fixtures() / "callgrind-small.out");
  BOOST_TEST(p.format == "callgrind");
  BOOST_TEST(p.zkvm == "native");
  BOOST_TEST(p.unit == "instructions");
  BOOST_TEST(p.total == 500u);  // the Ir column, although Dr comes first
  BOOST_TEST(p.functions_complete);
  BOOST_TEST(p.metadata.at("cmd") == "./demo");
  const FunctionStat* main_fn = find_function(p, "main");
  BOOST_TEST_REQUIRE(main_fn != nullptr);
  BOOST_TEST(main_fn->steps.value() == 500u);
  BOOST_TEST(main_fn->self_steps.value() == 15u);
  BOOST_TEST(!main_fn->calls.has_value());  // nobody calls main in this file
  const FunctionStat* work = find_function(p, "work");
  BOOST_TEST_REQUIRE(work != nullptr);
  BOOST_TEST(work->self_steps.value() == 400u);
  BOOST_TEST(work->steps.value() == 485u);  // its recursive call is not counted twice
  BOOST_TEST(work->calls.value() == 3u);
  BOOST_TEST_REQUIRE(work->callers.size() == 2u);
  BOOST_TEST(work->callers[0].name == "main");
  BOOST_TEST(work->callers[0].calls.value() == 2u);
  BOOST_TEST(work->callers[0].steps.value() == 485u);
  const FunctionStat* helper = find_function(p, "helper(int, char const*)");
  BOOST_TEST_REQUIRE(helper != nullptr);
  BOOST_TEST(helper->calls.value() == 4u);
  BOOST_TEST(self_sum(p) == p.total);
}

// Ids are text: "(2)" and "(02)" are different ids, and an id far beyond the functions read
// (kept in a map rather than the vector valgrind's 1, 2, 3 ... go to) works the same.
BOOST_AUTO_TEST_CASE(function_ids_are_compared_as_written) {
  const std::string head = "events: Ir\nsummary: 7\n";
  const std::string text = head + "fn=(2) a\n1 1\nfn=(02) b\n1 2\nfn=(123456789) c\n1 4\nfn=(2)\ncfn=(123456789)\n" +
                           "calls=1 1\n1 4\nfn=(02)\n1 0\ntotals: 7\n";
  const Profile p = zkgate::gate::parse_profile_text(text, "x.out", "callgrind");
  BOOST_TEST_REQUIRE(p.functions.size() == 3u);
  BOOST_TEST(find_function(p, "a")->self_steps.value() == 1u);
  BOOST_TEST(find_function(p, "b")->self_steps.value() == 2u);
  BOOST_TEST(find_function(p, "c")->calls.value() == 1u);
  BOOST_TEST(find_function(p, "c")->callers.at(0).name == "a");
  // An id renamed later points at the new name, whichever table holds it.
  const std::string renamed = head + "fn=(5000) a\n1 1\nfn=(5000) b\n1 2\nfn=(5000)\n1 4\ntotals: 7\n";
  BOOST_TEST(find_function(zkgate::gate::parse_profile_text(renamed, "x.out", "callgrind"), "b")->self_steps.value() == 6u);
  BOOST_TEST(text_error_of(head + "fn=(7)\n1 7\ntotals: 7\n", "callgrind").find("function id (7) is used before it is named") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(real_valgrind_run, TempDir, *boost::unit_test::precondition(ValgrindAvailable{})) {
  {
    std::ofstream source(path / "demo.c");
    source << "#include <stdio.h>\n"
              "static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n"
              "static unsigned long work(unsigned n) {\n"
              "  unsigned long s = 0;\n"
              "  for (unsigned i = 0; i < n; ++i) s += fib(i % 15);\n"
              "  return s;\n"
              "}\n"
              "int main(void) { printf(\"%lu\\n\", work(100)); return 0; }\n";
  }
  const std::string dir = path.string();
  const std::string build = "cc -O0 -g -o '" + dir + "/demo' '" + dir + "/demo.c'";
  BOOST_TEST_REQUIRE(std::system(build.c_str()) == 0);
  const std::string run = "valgrind --tool=callgrind --callgrind-out-file='" + dir + "/callgrind.out' '" + dir +
                          "/demo' >/dev/null 2>&1";
  BOOST_TEST_REQUIRE(std::system(run.c_str()) == 0);

  const Profile p = parse_profile(path / "callgrind.out");
  BOOST_TEST(p.format == "callgrind");
  BOOST_TEST(p.total > 100000u);
  BOOST_TEST(self_sum(p) == p.total);
  const FunctionStat* main_fn = find_function(p, "main");
  const FunctionStat* work = find_function(p, "work");
  const FunctionStat* fib = find_function(p, "fib");
  BOOST_TEST_REQUIRE(main_fn != nullptr);
  BOOST_TEST_REQUIRE(work != nullptr);
  BOOST_TEST_REQUIRE(fib != nullptr);
  BOOST_TEST(work->calls.value() == 1u);
  BOOST_TEST(fib->calls.value() == 100u);  // work calls fib once per iteration
  BOOST_TEST(main_fn->steps.value() > work->steps.value());
  BOOST_TEST(work->steps.value() > fib->steps.value());
  BOOST_TEST(work->steps.value() == work->self_steps.value() + fib->steps.value());
  // Deterministic: a second run counts exactly the same instructions in our code.
  BOOST_TEST_REQUIRE(std::system(run.c_str()) == 0);
  const Profile again = parse_profile(path / "callgrind.out");
  BOOST_TEST(find_function(again, "work")->steps.value() == work->steps.value());
}

BOOST_AUTO_TEST_SUITE_END()
