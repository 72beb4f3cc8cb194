#include "gate/report/markdown_report.h"

#include <kainjow/mustache.hpp>

#include "gate/report/markdown_view.h"
#include "util/input_error.h"
#include "util/markdown.h"

namespace zkgate::gate {

extern const std::string_view kDefaultGateReportTemplate;  // embedded templates/gate-report.md.mustache

std::string_view default_markdown_template() { return kDefaultGateReportTemplate; }

std::string render_markdown(const Report& report, std::string_view template_text, const std::string& template_name) {
  kainjow::mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    throw util::InputError({template_name, 0, 0}, "invalid mustache template: " + tmpl.error_message(),
                           "start from templates/gate-report.md.mustache");
  }
  // Every {{value}} comes from code, git or profiles: escape it for GitHub markdown.
  tmpl.set_custom_escape([](const std::string& text) { return util::escape_markdown(text); });
  const std::string rendered = tmpl.render(markdown_view(report));
  if (!tmpl.is_valid()) {
    throw util::InputError({template_name, 0, 0}, "cannot render mustache template: " + tmpl.error_message());
  }
  return rendered;
}

std::string render_markdown(const Report& report) {
  return render_markdown(report, default_markdown_template());
}

}  // namespace zkgate::gate
