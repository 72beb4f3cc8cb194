#include "gate/run/case_side.h"

#include <fmt/format.h>

#include "gate/profile/parse.h"
#include "gate/run/interrupt.h"
#include "gate/run/output_locator.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

StepFailure simple_failure(const std::string& step, const std::string& message, const fs::path& log = {}) {
  StepFailure failure;
  failure.step = step;
  failure.message = message;
  failure.log = log;
  if (!log.empty()) failure.log_tail = log_tail(log);
  return failure;
}

std::optional<Profile> load_cached(const SideContext& context, Progress& progress, const std::string& what) {
  const CacheLookup lookup = context.cache->load(context.cache_key);
  if (!lookup.problem.empty()) progress.warning(lookup.problem);
  if (!lookup.hit) return std::nullopt;
  const fs::path copy = context.case_out / "profile.cached";
  util::atomic_write_file(copy, lookup.hit->content);
  try {
    Profile profile = parse_profile(copy, lookup.hit->format);
    progress.step(fmt::format("{}: base profile from the cache ({})", what, context.cache->entry_path(context.cache_key).string()));
    return profile;
  } catch (const util::InputError& error) {
    progress.warning(fmt::format("cached profile no longer parses ({}); recomputing", error.describe()));
    return std::nullopt;
  }
}

std::map<std::string, std::string> case_environment(const SideContext& context, const fs::path& tree) {
  const Revision& revision = context.workspace->revision();
  std::map<std::string, std::string> environment = {
      {"ZKGATE_REV", revision.commit},
      {"ZKGATE_ROLE", revision.role},
      {"ZKGATE_TREE", tree.string()},
      {"ZKGATE_CASE", context.config->name},
      {"ZKGATE_OUT", (context.case_out / "out").string()},
  };
  if (context.input) environment["ZKGATE_INPUT"] = context.input->string();
  return environment;
}

CommandSpec command_spec(const SideContext& context, const fs::path& tree, const std::string& step,
                         const std::string& command) {
  CommandSpec spec;
  spec.command = command;
  spec.working_dir = tree;
  spec.environment = case_environment(context, tree);
  spec.stdout_log = context.case_out / (step + ".stdout.log");
  spec.stderr_log = context.case_out / (step + ".stderr.log");
  spec.timeout = context.config->timeout;
  return spec;
}

SideOutcome profile_side(const SideContext& context, CommandRunner& runner, Progress& progress, const std::string& what) {
  SideOutcome outcome;
  const CaseConfig& config = *context.config;
  fs::path tree;
  try {
    tree = context.workspace->tree();
  } catch (const util::InputError& error) {
    outcome.failure = simple_failure("checkout", "checkout failed: " + error.describe());
    return outcome;
  }
  if (config.build) {
    outcome.failure = context.workspace->build(command_spec(context, tree, "build", *config.build), runner, config.name);
    if (outcome.failure) return outcome;
  }
  CommandSpec spec = command_spec(context, tree, "profile", config.profile);
  spec.on_heartbeat = [&progress, what](std::chrono::seconds elapsed) {
    progress.step(fmt::format("{}: profile still running ({} s)", what, elapsed.count()));
  };
  progress.step(fmt::format("{}: profile: {}", what, config.profile));
  const CommandResult result = runner.run(spec);
  if (result.interrupted) throw_if_interrupted();
  progress.step(fmt::format("{}: profile {} in {:.1f} s", what, result.ok() ? "done" : "FAILED",
                            static_cast<double>(result.elapsed.count()) / 1000.0));
  if (!result.ok()) {
    outcome.failure = command_failure("profile", spec, result);
    return outcome;
  }
  const LocatedOutput located = locate_profile_output(config.output, tree, context.case_out / "out", spec.stdout_log);
  if (!located.file) {
    outcome.failure = simple_failure("output", located.error, spec.stderr_log);
    return outcome;
  }
  // Keep the profile beside the logs: the tree is removed when the run ends, the report
  // and the user still need the file.
  fs::path kept = *located.file;
  if (config.output != "stdout") {
    kept = context.case_out / "profile.out";
    std::error_code ec;
    fs::copy_file(*located.file, kept, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      outcome.failure = simple_failure("output", fmt::format("cannot copy {}: {}", located.file->string(), ec.message()));
      return outcome;
    }
  }
  try {
    outcome.profile = parse_profile(kept, config.format);
  } catch (const util::InputError& error) {
    outcome.failure = simple_failure("parse", "the profile does not parse: " + error.describe(), spec.stderr_log);
    return outcome;
  }
  if (context.cache != nullptr) {
    try {
      context.cache->store(context.cache_key, {config.format, util::read_file(kept)});
    } catch (const std::exception& error) {
      progress.warning(fmt::format("could not store the base profile in the cache: {}", error.what()));
    }
  }
  return outcome;
}

}  // namespace

SideOutcome run_case_side(const SideContext& context, CommandRunner& runner, Progress& progress) {
  throw_if_interrupted();
  const Revision& revision = context.workspace->revision();
  const std::string what = fmt::format("[{} {}] {}", revision.role, revision.label(), context.config->name);
  std::error_code ec;
  fs::remove_all(context.case_out, ec);
  fs::create_directories(context.case_out / "out", ec);
  if (ec) {
    SideOutcome failed;
    failed.failure = simple_failure("output", fmt::format("cannot create {}: {}", context.case_out.string(), ec.message()));
    return failed;
  }
  if (context.cache != nullptr) {
    if (std::optional<Profile> cached = load_cached(context, progress, what)) {
      SideOutcome outcome;
      outcome.profile = std::move(cached);
      outcome.from_cache = true;
      return outcome;
    }
  }
  try {
    return profile_side(context, runner, progress, what);
  } catch (const util::InputError& error) {
    SideOutcome failed;
    failed.failure = simple_failure("run", error.describe());
    return failed;
  }
}

}  // namespace zkgate::gate::run
