#include "gate/report/optimization_report.h"

#include <kainjow/mustache.hpp>

#include <fmt/format.h>

#include "gate/compare/format.h"
#include "gate/report/markdown_view.h"
#include "util/input_error.h"
#include "util/markdown.h"

namespace zkgate::gate {

extern const std::string_view kDefaultOptimizationTemplate;  // embedded templates/optimization-report.md.mustache

namespace {

using kainjow::mustache::data;

std::int64_t signed_delta(std::uint64_t to, std::uint64_t from) {
  return static_cast<std::int64_t>(to) - static_cast<std::int64_t>(from);
}

std::optional<double> percent_change(std::uint64_t to, std::uint64_t from) {
  if (from == 0) return std::nullopt;
  return 100.0 * static_cast<double>(signed_delta(to, from)) / static_cast<double>(from);
}

std::string top_cell(const OptimizationSide& side) {
  if (side.top_function.empty()) return "unknown";
  return fmt::format("{} ({:.2f}%)", side.top_function, side.top_share_percent);
}

data results_row(const std::string& label, const std::string& before, const std::string& after, const std::string& change) {
  data row;
  row.set("label", label);
  row.set("before", before);
  row.set("after", after);
  row.set("change", change);
  return row;
}

std::string change_cell(std::uint64_t after, std::uint64_t before) {
  const std::optional<double> pct = percent_change(after, before);
  return fmt::format("{} ({})", signed_grouped(signed_delta(after, before)), pct ? signed_percent(*pct) : std::string("n/a"));
}

data optimization_view(const OptimizationReport& report) {
  data view;
  view.set("title", report.title.empty() ? std::string("(no title: pass --title or --head-rev)") : report.title);
  view.set("has_title_source", !report.title_source.empty());
  view.set("title_source", report.title_source);
  view.set("has_note", !report.note.empty());
  view.set("note", report.note);
  view.set("files_known", report.files_known);
  view.set("base_revision", report.base_revision.substr(0, 12));
  view.set("head_revision", report.head_revision.substr(0, 12));
  data files{data::type::list};
  for (const FileChange& file : report.files) {
    data row;
    row.set("status", std::string(1, file.status));
    row.set("path", file.path);
    row.set("has_old_path", !file.old_path.empty());
    row.set("old_path", file.old_path);
    files.push_back(row);
  }
  view.set("has_files", !report.files.empty());
  view.set("files", files);
  view.set("file_count", std::to_string(report.files.size()));
  view.set("zkvm", report.zkvm.empty() ? std::string("-") : report.zkvm);
  view.set("unit", report.unit);
  data results{data::type::list};
  results.push_back(results_row(fmt::format("total {}", report.unit), grouped(report.base.total), grouped(report.head.total),
                                change_cell(report.head.total, report.base.total)));
  if (report.base.total_cost || report.head.total_cost) {
    const std::string change = report.base.total_cost && report.head.total_cost
                                   ? change_cell(*report.head.total_cost, *report.base.total_cost)
                                   : std::string("n/a");
    results.push_back(results_row("ZisK total cost", optional_grouped(report.base.total_cost, "n/a"),
                                  optional_grouped(report.head.total_cost, "n/a"), change));
  }
  results.push_back(results_row("top function (share)", top_cell(report.base), top_cell(report.head), ""));
  view.set("results", results);
  view.set("base_label", report.base.label);
  view.set("head_label", report.head.label);
  view.set("verdict", report.verdict);
  data advice{data::type::list};
  data next{data::type::list};
  for (const AdviceItem& item : report.advice) {
    const data row = advice_row(item);
    advice.push_back(row);
    if (next.list_value().size() < kNextSteps) next.push_back(row);
  }
  view.set("advice_checked", report.advice_checked);
  view.set("has_advice", !report.advice.empty());
  view.set("advice", advice);
  view.set("next_steps", next);
  view.set("version", std::string(ZKGATE_VERSION));
  return view;
}

nlohmann::json side_json(const OptimizationSide& side) {
  return {{"label", side.label},
          {"total", side.total},
          {"total_cost", side.total_cost ? nlohmann::json(*side.total_cost) : nlohmann::json(nullptr)},
          {"top_function", side.top_function},
          {"top_share_percent", side.top_share_percent}};
}

}  // namespace

std::string_view default_optimization_template() { return kDefaultOptimizationTemplate; }

std::string render_optimization_markdown(const OptimizationReport& report, std::string_view template_text,
                                         const std::string& template_name) {
  kainjow::mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    throw util::InputError({template_name, 0, 0}, "invalid mustache template: " + tmpl.error_message(),
                           "start from templates/optimization-report.md.mustache");
  }
  // Titles, notes, paths and symbols come from people, git and profiles: escape them.
  tmpl.set_custom_escape([](const std::string& text) { return util::escape_markdown(text); });
  const std::string rendered = tmpl.render(optimization_view(report));
  if (!tmpl.is_valid()) {
    throw util::InputError({template_name, 0, 0}, "cannot render mustache template: " + tmpl.error_message());
  }
  return rendered;
}

std::string render_optimization_markdown(const OptimizationReport& report) {
  return render_optimization_markdown(report, default_optimization_template(), "optimization-report.md.mustache (embedded)");
}

nlohmann::json optimization_to_json(const OptimizationReport& report) {
  nlohmann::json files = nlohmann::json::array();
  for (const FileChange& file : report.files) {
    files.push_back({{"status", std::string(1, file.status)}, {"path", file.path}, {"old_path", file.old_path}});
  }
  nlohmann::json advice = nlohmann::json::array();
  nlohmann::json next = nlohmann::json::array();
  for (const AdviceItem& item : report.advice) {
    advice.push_back({{"rule_id", item.rule_id},
                      {"title", item.title},
                      {"message", item.message},
                      {"hint", item.hint},
                      {"evidence", item.evidence}});
    if (next.size() < kNextSteps) next.push_back({{"rule_id", item.rule_id}, {"title", item.title}, {"hint", item.hint}});
  }
  const std::optional<double> pct = percent_change(report.head.total, report.base.total);
  nlohmann::json cost_change = nullptr;
  if (report.base.total_cost && report.head.total_cost) cost_change = signed_delta(*report.head.total_cost, *report.base.total_cost);
  return {{"schema", "zkgate-optimization"},
          {"schema_version", 1},
          {"tool_version", ZKGATE_VERSION},
          {"title", report.title},
          {"title_source", report.title_source},
          {"note", report.note},
          {"files_known", report.files_known},
          {"base_revision", report.base_revision},
          {"head_revision", report.head_revision},
          {"files", files},
          {"zkvm", report.zkvm},
          {"unit", report.unit},
          {"base", side_json(report.base)},
          {"head", side_json(report.head)},
          {"change", signed_delta(report.head.total, report.base.total)},
          {"change_percent", pct ? nlohmann::json(*pct) : nlohmann::json(nullptr)},
          {"cost_change", cost_change},
          {"verdict", report.verdict},
          {"advice_checked", report.advice_checked},
          {"advice", advice},
          {"next_steps", next}};
}

}  // namespace zkgate::gate
