#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include "gate/run/git_revisions.h"
#include "scratch_repo.h"
#include "util/input_error.h"

namespace fs = std::filesystem;
using zkgate::gate::run::GitRevisionSource;
using zkgate::gate::run::Revision;
using zkgate::gate::run::SubmodulePolicy;
using zkgate::test::git;
using zkgate::test::read_text;
using zkgate::test::shell;
using zkgate::test::write_text;

namespace {

std::string head_of(const fs::path& repo, const std::string& ref = "HEAD") {
  const fs::path out = repo.parent_path() / "rev.txt";
  shell(repo, git() + " rev-parse " + ref + " > '" + out.string() + "'");
  std::string text = read_text(out);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// The InputError message a call throws, "" when it does not throw.
template <typename F>
std::string error_of(F&& call) {
  try {
    call();
  } catch (const zkgate::util::InputError& error) {
    return error.describe();
  }
  return "";
}

struct Fixture : zkgate::test::ScratchRepo {
  Fixture() {
    write_text(repo / "a.txt", "committed\n");
    write_text(repo / "tools/run.sh", "#!/bin/sh\necho hi\n");
    fs::permissions(repo / "tools/run.sh", fs::perms::owner_exec, fs::perm_options::add);
    fs::create_symlink("a.txt", repo / "link");
    write_text(repo / ".gitignore", "*.log\n");
    commit_all("first");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(revisions)

BOOST_FIXTURE_TEST_CASE(materialises_commit_and_working_tree_without_touching_the_repo, Fixture) {
  write_text(repo / "a.txt", "edited\n");
  write_text(repo / "new/c.txt", "untracked\n");
  write_text(repo / "build.log", "ignored\n");
  shell(repo, git() + " status --porcelain > ../status-before.txt");
  const std::string index_before = read_text(repo / ".git/index");

  GitRevisionSource source(repo / "tools");  // found by searching upwards
  const Revision head = source.resolve_head("WORKTREE");
  BOOST_TEST(head.worktree);
  BOOST_TEST(head.commit == head_of(repo));
  BOOST_TEST(head.label().find("working tree on ") == 0u);
  const Revision base = source.resolve_base(head, std::nullopt);
  BOOST_TEST(base.spec == "main");
  BOOST_TEST(base.commit == head.commit);

  const fs::path base_tree = path / "base";
  source.materialize(base, base_tree, SubmodulePolicy::kCheckout);
  BOOST_TEST(read_text(base_tree / "a.txt") == "committed\n");
  BOOST_TEST(!fs::exists(base_tree / "new/c.txt"));
  BOOST_TEST(!fs::exists(base_tree / ".git"));
  BOOST_TEST(((fs::status(base_tree / "tools/run.sh").permissions() & fs::perms::owner_exec) != fs::perms::none));
  BOOST_TEST(fs::is_symlink(base_tree / "link"));

  const fs::path head_tree = path / "head";
  source.materialize(head, head_tree, SubmodulePolicy::kCheckout);
  BOOST_TEST(read_text(head_tree / "a.txt") == "edited\n");
  BOOST_TEST(read_text(head_tree / "new/c.txt") == "untracked\n");
  BOOST_TEST(!fs::exists(head_tree / "build.log"));
  BOOST_TEST(!fs::exists(head_tree / ".git"));
  BOOST_TEST(fs::is_symlink(head_tree / "link"));
  BOOST_TEST(((fs::status(head_tree / "tools/run.sh").permissions() & fs::perms::owner_exec) != fs::perms::none));

  BOOST_TEST(read_text(repo / ".git/index") == index_before);
  shell(repo, git() + " status --porcelain > ../status-after.txt");
  BOOST_TEST(read_text(path / "status-after.txt") == read_text(path / "status-before.txt"));
  BOOST_TEST(read_text(repo / "a.txt") == "edited\n");
}

BOOST_FIXTURE_TEST_CASE(reads_files_at_a_revision, Fixture) {
  write_text(repo / "a.txt", "edited\n");
  GitRevisionSource source(repo);
  const Revision head = source.resolve_head("WORKTREE");
  const Revision base = source.resolve_base(head, std::string("main"));
  BOOST_TEST(source.read_file(base, "a.txt").value() == "committed\n");
  BOOST_TEST(source.read_file(head, "a.txt").value() == "edited\n");
  BOOST_TEST(!source.read_file(base, "missing.yml").has_value());
  BOOST_TEST(!source.read_file(base, "tools").has_value());
}

BOOST_FIXTURE_TEST_CASE(base_is_the_merge_base_with_the_base_branch, Fixture) {
  const std::string fork_point = head_of(repo);
  shell(repo, git() + " checkout -q -b feature");
  write_text(repo / "a.txt", "feature\n");
  commit_all("feature work");
  shell(repo, git() + " checkout -q main");
  write_text(repo / "b.txt", "main moved on\n");
  commit_all("main work");

  GitRevisionSource source(repo);
  const Revision head = source.resolve_head("feature");
  BOOST_TEST(!head.worktree);
  BOOST_TEST(head.commit == head_of(repo, "feature"));
  const Revision base = source.resolve_base(head, std::string("main"));
  BOOST_TEST(base.commit == fork_point);
  source.materialize(head, path / "h", SubmodulePolicy::kCheckout);
  BOOST_TEST(read_text(path / "h/a.txt") == "feature\n");
  BOOST_TEST(!fs::exists(path / "h/b.txt"));
}

BOOST_FIXTURE_TEST_CASE(unrelated_and_missing_bases_are_errors_with_the_fix, Fixture) {
  shell(repo, git() + " checkout -q --orphan other && " + git() + " rm -rqf . && echo x > x.txt && " + git() +
                  " add x.txt && " + git() + " commit -q -m orphan");
  GitRevisionSource source(repo);
  const Revision head = source.resolve_head("other");
  const std::string unrelated = error_of([&] { source.resolve_base(head, std::string("main")); });
  BOOST_TEST(unrelated.find("no common ancestor (unrelated histories)") != std::string::npos, unrelated);
  const std::string missing = error_of([&] { source.resolve_base(head, std::string("origin/nope")); });
  BOOST_TEST(missing.find("base revision 'origin/nope' not found") != std::string::npos, missing);
  BOOST_TEST(missing.find("fetch-depth: 0") != std::string::npos, missing);
  BOOST_TEST(error_of([&] { source.resolve_head("no-such-branch"); }).find("head revision 'no-such-branch' not found") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(no_default_base_branch_asks_for_base, Fixture) {
  shell(repo, git() + " branch -q -m dev");
  GitRevisionSource source(repo);
  const Revision head = source.resolve_head("WORKTREE");
  const std::string message = error_of([&] { source.resolve_base(head, std::nullopt); });
  BOOST_TEST(message.find("no base branch found") != std::string::npos, message);
  BOOST_TEST(message.find("--base") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(shallow_clone_without_merge_base_says_fetch_depth_0, Fixture) {
  shell(repo, git() + " checkout -q -b feature && echo f > f.txt && " + git() + " add f.txt && " + git() +
                  " commit -q -m f && " + git() + " checkout -q main && echo m > m.txt && " + git() +
                  " add m.txt && " + git() + " commit -q -m m");
  shell(path, git() + " clone -q --depth 1 --no-single-branch --branch feature file://" + repo.string() + " shallow");
  GitRevisionSource source(path / "shallow");
  const Revision head = source.resolve_head("WORKTREE");
  const std::string message = error_of([&] { source.resolve_base(head, std::nullopt); });
  BOOST_TEST(message.find("no merge base") != std::string::npos, message);
  BOOST_TEST(message.find("shallow clone") != std::string::npos, message);
  BOOST_TEST(message.find("fetch-depth: 0") != std::string::npos, message);
}

BOOST_FIXTURE_TEST_CASE(submodules_checked_out_from_local_clone_or_named_when_missing, Fixture) {
  const fs::path lib = path / "lib";
  fs::create_directories(lib);
  shell(lib, git() + " init -q -b main && echo lib > lib.txt && " + git() + " add lib.txt && " + git() +
                 " commit -q -m lib");
  shell(repo, git() + " -c protocol.file.allow=always submodule add -q file://" + lib.string() + " vendor/lib");
  commit_all("add submodule");

  GitRevisionSource source(repo);
  const Revision head = source.resolve_head("HEAD");
  source.materialize(head, path / "with", SubmodulePolicy::kCheckout);
  BOOST_TEST(read_text(path / "with/vendor/lib/lib.txt") == "lib\n");
  const Revision worktree = source.resolve_head("WORKTREE");
  source.materialize(worktree, path / "wt", SubmodulePolicy::kCheckout);
  BOOST_TEST(read_text(path / "wt/vendor/lib/lib.txt") == "lib\n");
  BOOST_TEST(!fs::exists(path / "wt/vendor/lib/.git"));

  shell(path, git() + " clone -q file://" + repo.string() + " plain");  // submodule not initialised
  GitRevisionSource plain(path / "plain");
  const Revision plain_head = plain.resolve_head("HEAD");
  const std::string message = error_of([&] { plain.materialize(plain_head, path / "p", SubmodulePolicy::kCheckout); });
  BOOST_TEST(message.find("submodule vendor/lib") != std::string::npos, message);
  BOOST_TEST(message.find("submodules: ignore") != std::string::npos, message);
  plain.materialize(plain_head, path / "q", SubmodulePolicy::kIgnore);
  BOOST_TEST(read_text(path / "q/a.txt") == "committed\n");
}

BOOST_AUTO_TEST_CASE(outside_a_repository_is_an_error) {
  zkgate::test::TempDir empty;
  const std::string message = error_of([&] { GitRevisionSource source(empty.path); });
  BOOST_TEST(message.find("not inside a git repository") != std::string::npos, message);
}

BOOST_AUTO_TEST_SUITE_END()
