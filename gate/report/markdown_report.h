#pragma once

#include <string>
#include <string_view>

#include "gate/compare/report_model.h"

namespace zkgate::gate {

// The embedded default template (templates/gate-report.md.mustache).
std::string_view default_markdown_template();

// Renders `report` with a mustache template. {{field}} is escaped for GitHub markdown
// (util::escape_markdown); fields ending in _html and `chart` are pre-escaped for their
// context and meant for {{{triple}}} braces. Throws util::InputError naming
// `template_name` when the template does not parse.
std::string render_markdown(const Report& report, std::string_view template_text,
                            const std::string& template_name = "default template");

// The same with the default template.
std::string render_markdown(const Report& report);

}  // namespace zkgate::gate
