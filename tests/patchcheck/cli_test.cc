// The built `patchcheck` binary end to end: exit codes, output formats, cargo subcommand
// and install-hook.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "patchcheck/install_hook.h"
#include "test_support.h"
#include "util/file_io.h"

namespace fs = std::filesystem;
using zkgate::test::TempDir;

namespace {

std::string binary() { return (zkgate::test::binary_dir() / "patchcheck/patchcheck").string(); }
std::string fixture(const std::string& name) { return (zkgate::test::fixtures_dir() / "patchcheck" / name).string(); }

// Runs a shell command line, stdout+stderr into `output` when given; returns the exit code.
int run(const std::string& command, std::string* output = nullptr) {
  TempDir scratch;
  const fs::path log = scratch.path / "out.txt";
  const int status = std::system((command + " > '" + log.string() + "' 2>&1").c_str());
  if (output != nullptr) *output = zkgate::util::read_file(log);
  BOOST_TEST_REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

std::string patchcheck(const std::string& arguments) { return "'" + binary() + "' " + arguments; }

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(exit_codes) {
  BOOST_TEST(run(patchcheck(fixture("clean"))) == 0);
  BOOST_TEST(run(patchcheck(fixture("patch-unused"))) == 1);
  BOOST_TEST(run(patchcheck("--fail-on never " + fixture("patch-unused"))) == 0);
  BOOST_TEST(run(patchcheck(fixture("unverified"))) == 0);
  BOOST_TEST(run(patchcheck("--fail-on warning " + fixture("unverified"))) == 1);
  BOOST_TEST(run(patchcheck("--fail-on info " + fixture("risc0"))) == 1);
}

BOOST_AUTO_TEST_CASE(input_errors_exit_2_with_file_line_col) {
  std::string output;
  BOOST_TEST(run(patchcheck(fixture("invalid-toml")), &output) == 2);
  BOOST_TEST(output.find("patchcheck: error: ") != std::string::npos, output);
  BOOST_TEST(output.find("invalid-toml/Cargo.toml:12:") != std::string::npos, output);
  BOOST_TEST(run(patchcheck(fixture("invalid-lock")), &output) == 2);
  BOOST_TEST(output.find("invalid-lock/Cargo.lock:") != std::string::npos, output);
  BOOST_TEST(run(patchcheck(fixture("dangling-lock")), &output) == 2);
  BOOST_TEST(output.find("names no package") != std::string::npos, output);
  BOOST_TEST(run(patchcheck("--matrix " + fixture("matrix/bad-regex.yml") + " " + fixture("clean")), &output) == 2);
  BOOST_TEST(output.find("bad-regex.yml:16:") != std::string::npos, output);
  BOOST_TEST(run(patchcheck(fixture("does-not-exist"))) == 2);
  BOOST_TEST(run(patchcheck(fixture("matrix"))) == 2);  // a root without any guest
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2_and_help_exits_0) {
  BOOST_TEST(run(patchcheck("--no-such-option")) == 2);
  BOOST_TEST(run(patchcheck("--format yaml .")) == 2);
  BOOST_TEST(run(patchcheck("--zkvm jolt " + fixture("clean"))) == 2);
  std::string help;
  BOOST_TEST(run(patchcheck("--help"), &help) == 0);
  BOOST_TEST(help.find("Examples:") != std::string::npos);
  BOOST_TEST(help.find("patch-unused") != std::string::npos);
  BOOST_TEST(help.find("--fail-on") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(non_guest_files_are_skipped_and_zkvm_can_be_forced) {
  std::string output;
  BOOST_TEST(run(patchcheck(fixture("not-a-guest/Cargo.toml")), &output) == 0);
  BOOST_TEST(output.find("no zkVM guest") != std::string::npos, output);
  BOOST_TEST(run(patchcheck("--zkvm sp1 --fail-on never --format json " + fixture("not-a-guest/Cargo.toml")), &output) == 0);
  BOOST_TEST(output.find("\"zkvm_reason\": \"--zkvm\"") != std::string::npos, output);
  // A changed Cargo.lock maps to the guest beside it.
  BOOST_TEST(run(patchcheck(fixture("patch-unused/Cargo.lock")), &output) == 1);
  BOOST_TEST(output.find("patch-unused") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(formats) {
  std::string output;
  BOOST_TEST(run(patchcheck("--format json " + fixture("patch-unused")), &output) == 1);
  BOOST_TEST(output.find("\"schema\": \"zkgate.patchcheck\"") != std::string::npos);
  BOOST_TEST(output.find("\"exit_code\": 1") != std::string::npos);
  BOOST_TEST(run(patchcheck("--format github " + fixture("patch-unused")), &output) == 1);
  BOOST_TEST(output.find("::error file=") != std::string::npos);
  BOOST_TEST(run(patchcheck("--format markdown " + fixture("patch-unused")), &output) == 1);
  BOOST_TEST(output.find("### Findings") != std::string::npos);
  BOOST_TEST(run(patchcheck("--color always " + fixture("patch-unused")), &output) == 1);
  BOOST_TEST(output.find("\x1b[") != std::string::npos);
  BOOST_TEST(run("NO_COLOR=1 " + patchcheck(fixture("patch-unused")), &output) == 1);
  BOOST_TEST(output.find("\x1b[") == std::string::npos);
  BOOST_TEST(run(patchcheck("--dump-matrix"), &output) == 0);
  BOOST_TEST(output.find("schema_version: 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(runs_as_a_cargo_subcommand) {
  TempDir dir;
  fs::create_symlink(binary(), dir.path / "cargo-patchcheck");
  const std::string cargo_style = "'" + (dir.path / "cargo-patchcheck").string() + "' patchcheck ";
  BOOST_TEST(run(cargo_style + fixture("clean")) == 0);
  BOOST_TEST(run(cargo_style + fixture("patch-unused")) == 1);
}

BOOST_AUTO_TEST_CASE(install_hook_writes_a_hook_and_respects_foreign_ones) {
  TempDir repo;
  BOOST_TEST_REQUIRE(run("git init -q '" + repo.path.string() + "'") == 0);
  std::string output;
  BOOST_TEST(run("cd '" + repo.path.string() + "' && " + patchcheck("install-hook"), &output) == 0);
  const fs::path hook = repo.path / ".git/hooks/pre-commit";
  BOOST_TEST_REQUIRE(fs::exists(hook));
  BOOST_TEST(zkgate::util::read_file(hook).find(zkgate::patchcheck::kHookMarker) != std::string::npos);
  BOOST_TEST(((fs::status(hook).permissions() & fs::perms::owner_exec) != fs::perms::none));
  BOOST_TEST(run(patchcheck("install-hook --repo '" + repo.path.string() + "'")) == 0);  // ours: rewritten
  std::ofstream(hook) << "#!/bin/sh\necho mine\n";
  BOOST_TEST(run(patchcheck("install-hook --repo '" + repo.path.string() + "'"), &output) == 2);
  BOOST_TEST(output.find("not overwriting") != std::string::npos, output);
  BOOST_TEST(zkgate::util::read_file(hook) == "#!/bin/sh\necho mine\n");
}

BOOST_AUTO_TEST_CASE(the_hook_checks_staged_guest_files) {
  TempDir repo;
  const std::string dir = repo.path.string();
  BOOST_TEST_REQUIRE(run("git init -q '" + dir + "' && git -C '" + dir + "' config user.email t@t && git -C '" + dir +
                         "' config user.name t") == 0);
  BOOST_TEST_REQUIRE(run("cd '" + dir + "' && " + patchcheck("install-hook")) == 0);
  fs::copy(fixture("patch-unused"), repo.path / "guest");
  std::string output;
  BOOST_TEST(run("cd '" + dir + "' && git add guest && git commit -q -m bad", &output) != 0);
  BOOST_TEST(output.find("patch-unused") != std::string::npos, output);
  fs::remove_all(repo.path / "guest");
  fs::copy(fixture("clean"), repo.path / "guest");
  BOOST_TEST(run("cd '" + dir + "' && git add -A guest && git commit -q -m good", &output) == 0, output);
}

BOOST_AUTO_TEST_SUITE_END()
