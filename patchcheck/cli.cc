#include "patchcheck/cli.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "patchcheck/audit.h"
#include "patchcheck/install_hook.h"
#include "patchcheck/report.h"
#include "util/exit_codes.h"
#include "util/input_error.h"

namespace zkgate::patchcheck {

extern const std::string_view default_matrix_yaml;

namespace {

constexpr const char* kExamples = R"(Examples:
  patchcheck                                   audit the guests under . (default globs)
  patchcheck ~/src/ethrex --format markdown    findings + operation x zkVM matrix
  patchcheck crates/guest-program/bin/sp1/Cargo.lock   one guest (as a pre-commit hook passes it)
  patchcheck --glob 'guests/*/Cargo.toml' .    custom layout
  patchcheck --zkvm sp1 path/to/guest          force the zkVM when detection fails
  patchcheck --zkvm path/to/guest=risc0 .      force it for one guest only
  patchcheck --matrix my-matrix.yml --fail-on warning
  patchcheck --format github .                 annotations in a GitHub Actions step
  patchcheck --format json . > patchcheck.json
  patchcheck --dump-matrix > my-matrix.yml     start a custom matrix from the default
  patchcheck install-hook                      write .git/hooks/pre-commit
  cargo patchcheck                             the same, as a cargo subcommand

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on;
2 usage error or unreadable/invalid input (TOML/YAML errors with file:line:col).
Colour: on a terminal only; NO_COLOR or --color never turns it off.)";

std::string finding_list() {
  std::string out = "Finding ids (severity):\n";
  for (const FindingKind& kind : finding_kinds()) {
    out += fmt::format("  {:<21} {:<8} {}\n", kind.id, kind.default_severity, kind.summary);
  }
  return out;
}

ZkvmOverride parse_override(const std::string& text) {
  const std::size_t equals = text.rfind('=');
  if (equals == std::string::npos) return {"", text};
  return {text.substr(0, equals), text.substr(equals + 1)};
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

std::string own_executable(const char* argv0) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) return self.string();
  return argv0;
}

struct Options {
  std::vector<std::string> paths;
  std::vector<std::string> globs;
  std::vector<std::string> zkvm_overrides;
  std::string matrix_file;
  std::string format = "text";
  std::string fail_on = "error";
  std::string color = "auto";
  bool dump_matrix = false;
  bool list_checks = false;
  bool verbose = false;
  std::string hook_repo = ".";
};

int run_audit_command(const Options& options) {
  const CryptoMatrix matrix = options.matrix_file.empty() ? CryptoMatrix::load_default() : CryptoMatrix::load_file(options.matrix_file);
  DiscoveryOptions discovery_options;
  discovery_options.globs = options.globs;
  for (const std::string& text : options.zkvm_overrides) discovery_options.overrides.push_back(parse_override(text));
  const std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  Discovery discovery = discover_guests(paths, discovery_options, matrix);
  if (options.verbose) {
    for (const std::string& note : discovery.skipped) fmt::print(stderr, "patchcheck: skipped {}\n", note);
  }
  if (discovery.guests.empty()) {
    fmt::print(stderr, "patchcheck: no zkVM guest among the given files; nothing to check\n");
    return util::kExitOk;
  }
  const AuditResult result = run_audit(std::move(discovery), matrix);
  const std::optional<Severity> fail_on = options.fail_on == "never" ? std::nullopt : parse_severity(options.fail_on);
  const int exit_code = exit_code_for(result.findings, fail_on);
  const OutputFormat format = *parse_output_format(options.format);
  std::string output;
  switch (format) {
    case OutputFormat::kText: output = render_text(result, use_color(options.color)); break;
    case OutputFormat::kMarkdown: output = render_markdown(result); break;
    case OutputFormat::kJson: output = render_json(result, matrix, exit_code, fail_on); break;
    case OutputFormat::kGithub: output = render_github(result); break;
  }
  std::fwrite(output.data(), 1, output.size(), stdout);
  return exit_code;
}

}  // namespace

int run_cli(int argc, char** argv) {
  // Run as `cargo patchcheck ...`, cargo calls `cargo-patchcheck patchcheck ...`.
  std::vector<char*> args(argv, argv + argc);
  const std::string invoked_as = argc > 0 ? std::filesystem::path(argv[0]).filename().string() : "patchcheck";
  if (invoked_as == "cargo-patchcheck" && args.size() > 1 && std::string_view(args[1]) == "patchcheck") args.erase(args.begin() + 1);

  Options options;
  CLI::App app{"patchcheck: audit zkVM guest Cargo.toml [patch] sections and Cargo.lock against the crypto matrix", "patchcheck"};
  app.footer(std::string(kExamples) + "\n\n" + finding_list());
  app.set_version_flag("--version", std::string("patchcheck ") + ZKGATE_VERSION);
  app.add_option("paths", options.paths,
                 "repository roots or guest folders to search, or guest Cargo.toml/Cargo.lock files (default: .)");
  app.add_option("--glob", options.globs, "glob for guest manifests relative to each root; repeatable; replaces the defaults")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  app.add_option("--zkvm", options.zkvm_overrides, "force the zkVM: NAME for every guest, DIR=NAME for one; repeatable")
      ->type_name("[DIR=]NAME")
      ->allow_extra_args(false);
  app.add_option("--matrix", options.matrix_file, "crypto matrix YAML to use instead of the embedded default")->type_name("FILE");
  app.add_option("--format", options.format, "output format")->check(CLI::IsMember({"text", "markdown", "json", "github"}))->capture_default_str();
  app.add_option("--fail-on", options.fail_on, "exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  app.add_option("--color", options.color, "colour in text output")->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
  app.add_flag("--dump-matrix", options.dump_matrix, "print the embedded default matrix YAML and exit");
  app.add_flag("--list-checks", options.list_checks, "print the finding ids and exit");
  app.add_flag("-v,--verbose", options.verbose, "say on stderr which manifests were skipped and why");
  CLI::App* hook = app.add_subcommand("install-hook", "write a git pre-commit hook that runs patchcheck on staged Cargo files "
                                                      "(never overwrites a hook it did not write)");
  hook->add_option("--repo", options.hook_repo, "a folder inside the repository")->capture_default_str();

  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);
    fmt::print(stderr, "patchcheck: error: {}\nRun with --help for usage.\n", error.what());
    return util::kExitError;
  }

  try {
    if (options.dump_matrix) {
      std::fwrite(default_matrix_yaml.data(), 1, default_matrix_yaml.size(), stdout);
      return util::kExitOk;
    }
    if (options.list_checks) {
      fmt::print("{}", finding_list());
      return util::kExitOk;
    }
    if (hook->parsed()) {
      const std::filesystem::path written = install_pre_commit_hook(options.hook_repo, own_executable(args[0]));
      fmt::print("patchcheck: wrote {}\n", written.string());
      return util::kExitOk;
    }
    return run_audit_command(options);
  } catch (const util::InputError& error) {
    fmt::print(stderr, "patchcheck: error: {}\n", error.describe());
    return util::kExitError;
  } catch (const std::exception& error) {
    fmt::print(stderr, "patchcheck: error: {}\n", error.what());
    return util::kExitError;
  }
}

}  // namespace zkgate::patchcheck
