#include "gate/run/gate_run.h"

#include <atomic>
#include <csignal>
#include <exception>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "gate/compare/comparison.h"
#include "gate/compare/judge.h"
#include "gate/compare/policy.h"
#include "gate/run/base_cache.h"
#include "gate/run/case_side.h"
#include "gate/run/digest.h"
#include "gate/run/interrupt.h"
#include "gate/run/revision_workspace.h"
#include "util/file_io.h"
#include "patchcheck/matrix.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

// One (case, side) unit of work and where its outcome goes.
struct Job {
  const CaseConfig* config = nullptr;
  RevisionWorkspace* workspace = nullptr;
  SideContext context;
  SideOutcome outcome;
};

std::vector<const CaseConfig*> select_cases(const RunConfig& config, const std::vector<std::string>& names) {
  std::vector<const CaseConfig*> selected;
  if (names.empty()) {
    for (const CaseConfig& c : config.cases) selected.push_back(&c);
    return selected;
  }
  for (const std::string& name : names) {
    const CaseConfig* found = config.find_case(name);
    if (found == nullptr) {
      std::string known;
      for (const CaseConfig& c : config.cases) known += (known.empty() ? "" : ", ") + c.name;
      throw util::InputError({config.source}, fmt::format("no case named '{}' in the config", name),
                             "cases: " + known);
    }
    selected.push_back(found);
  }
  return selected;
}

std::optional<fs::path> case_input(const CaseConfig& config, const RunOptions& options) {
  if (!config.input) return std::nullopt;
  fs::path input = *config.input;
  if (input.is_relative()) input = options.repo_root / input;
  std::error_code ec;
  if (!fs::is_regular_file(input, ec)) {
    throw util::InputError(config.where, fmt::format("case '{}': input {} not found", config.name, input.string()),
                           "`input` is a file, relative to the repository root; generate it before gate run");
  }
  return fs::absolute(input);
}

// Runs every job on `jobs` workers. The first exception (an interrupt) is rethrown after
// all workers stopped, so no worker outlives the trees it uses.
void run_jobs(std::vector<Job>& work, unsigned jobs, CommandRunner& runner, Progress& progress) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  const auto worker = [&] {
    for (std::size_t i = next++; i < work.size(); i = next++) {
      try {
        work[i].outcome = run_case_side(work[i].context, runner, progress);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        // Stop the other workers too: an interrupt means nothing more should start.
        if (!interrupt_requested()) request_interrupt(SIGTERM);
        return;
      }
    }
  };
  const unsigned count = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(work.size())));
  std::vector<std::jthread> workers;
  for (unsigned i = 1; i < count; ++i) workers.emplace_back(worker);
  worker();
  for (std::jthread& w : workers) w.join();
  if (first_error) std::rethrow_exception(first_error);
}

std::string failure_text(const StepFailure& failure, const std::string& role) {
  std::string text = fmt::format("{}: {}", role, failure.message);
  if (!failure.log.empty()) text += fmt::format(" (log: {})", failure.log.string());
  return text;
}

// The run's layering of thresholds (global, `thresholds.cases.<name>`, then the case's own
// `thresholds`) happens here; the judgment itself is gate compare's, crypto diagnosis included.
CaseResult judge_run_case(const CaseConfig& config, const SideOutcome& base, const SideOutcome& head,
                          const Policy& policy, const RunConfig& run_config, const patchcheck::CryptoMatrix& matrix) {
  const CaseLabel label{config.name, config.input.value_or("")};
  CaseResult result;
  if (base.failure || head.failure) {
    std::string error;
    if (base.failure) error = failure_text(*base.failure, "base");
    if (head.failure) error += (error.empty() ? "" : "; ") + failure_text(*head.failure, "head");
    result = unjudged_case(label, base.failure ? CaseState::failed_in_base : CaseState::failed_in_head,
                           std::move(error), base.failure ? base.failure->log_tail : head.failure->log_tail);
  } else {
    Policy case_policy = policy.for_case(config.name);
    case_policy.case_overrides.clear();  // applied once above; the case's own thresholds come last
    try {
      if (!config.thresholds.IsNull()) apply_thresholds(case_policy, config.thresholds, run_config.source);
      result = judge_case(label, *base.profile, *head.profile, case_policy, &matrix);
    } catch (const util::InputError& error) {
      result = unjudged_case(label, CaseState::not_comparable, error.describe());
    }
  }
  result.zkvm = config.zkvm;
  return result;
}

}  // namespace

RunConfig load_trusted_config(const RunOptions& options, RevisionSource& source, const Revision& base) {
  if (options.config_file) {
    return parse_run_config(util::read_file(*options.config_file),
                            fmt::format("{} (--config override)", options.config_file->string()));
  }
  const std::string& path = options.base_config_path;
  const std::optional<std::string> text = source.read_file(base, path);
  if (!text) {
    throw util::InputError(
        {fmt::format("{}:{}", base.label(), path)},
        fmt::format("the base revision has no {}; the gate reads its config from the base so a PR cannot loosen it",
                    path),
        "land the config on the base branch first, or pass --config FILE for a local run");
  }
  return parse_run_config(*text, fmt::format("{} at base {}", path, base.label()));
}

Report run_gate(const RunOptions& options, RevisionSource& source, CommandRunner& runner, Progress& progress) {
  const Revision head = source.resolve_head(options.head);
  const Revision base = source.resolve_base(head, options.base);
  for (const std::string& note : source.notes()) progress.warning(note);
  progress.step(fmt::format("base: {} (merge base with {}), head: {}", base.label(), base.spec, head.label()));
  const RunConfig config = load_trusted_config(options, source, base);
  const Policy policy = load_policy_yaml(config.thresholds, config.source);
  const std::vector<const CaseConfig*> cases = select_cases(config, options.cases);
  progress.step(fmt::format("config: {}; {} case(s)", config.source, cases.size()));

  const fs::path out_dir = fs::absolute(options.out_dir);
  std::optional<BaseCache> cache;
  if (options.use_cache) {
    cache.emplace(options.cache_dir ? *options.cache_dir
                  : config.cache_dir ? fs::path(*config.cache_dir)
                                     : default_cache_dir());
  }
  RevisionWorkspace base_space(base, source, config.submodules, progress);
  RevisionWorkspace head_space(head, source, config.submodules, progress);

  std::vector<Job> work;
  for (const CaseConfig* c : cases) {
    const std::optional<fs::path> input = case_input(*c, options);
    for (RevisionWorkspace* space : {&base_space, &head_space}) {
      Job job;
      job.config = c;
      job.workspace = space;
      job.context.config = c;
      job.context.workspace = space;
      job.context.case_out = out_dir / space->revision().role / c->name;
      job.context.input = input;
      if (space == &base_space && cache) {
        job.context.cache = &*cache;
        job.context.cache_key = {base.commit, c->name, digest_bytes(case_fingerprint(*c)),
                                 input ? digest_file(*input) : std::string("none"), ZKGATE_VERSION};
      }
      work.push_back(std::move(job));
    }
  }
  run_jobs(work, options.jobs, runner, progress);

  Report report;
  report.config_used = config.source;
  report.base_label = fmt::format("{} (merge base with {})", base.label(), base.spec);
  report.head_label = head.worktree ? head.label() : fmt::format("{} ({})", head.label(), head.spec);
  const patchcheck::CryptoMatrix matrix = patchcheck::CryptoMatrix::load_default();
  for (std::size_t i = 0; i + 1 < work.size(); i += 2) {
    report.cases.push_back(
        judge_run_case(*work[i].config, work[i].outcome, work[i + 1].outcome, policy, config, matrix));
  }
  return report;
}

Report error_report(const std::vector<std::string>& case_names, const std::string& message) {
  Report report;
  report.config_used = "none (the run stopped before reading it)";
  const std::vector<std::string> names = case_names.empty() ? std::vector<std::string>{"gate run"} : case_names;
  for (const std::string& name : names) {
    CaseResult result;
    result.name = name;
    result.problem = CaseState::error;
    result.error = message;
    report.cases.push_back(result);
  }
  return report;
}

}  // namespace zkgate::gate::run
