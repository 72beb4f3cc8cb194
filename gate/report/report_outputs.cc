#include "gate/report/report_outputs.h"

#include <ostream>

#include "gate/report/markdown_report.h"
#include "gate/report/report_json.h"
#include "gate/report/text_report.h"
#include "util/file_io.h"

namespace zkgate::gate {

void write_report_outputs(const Report& report, const ReportOutputs& outputs, std::ostream& out) {
  // Render everything before writing anything, so a bad template leaves no half-written outputs.
  std::string markdown;
  if (!outputs.markdown_path.empty()) {
    markdown = outputs.template_path.empty()
                   ? render_markdown(report)
                   : render_markdown(report, util::read_file(outputs.template_path), outputs.template_path);
  }
  const std::string json = outputs.json_path.empty() ? std::string() : report_to_json_text(report);
  const bool stdout_taken = outputs.json_path == "-" || outputs.markdown_path == "-";
  if (!outputs.quiet && !stdout_taken) out << render_text(report);
  if (!outputs.markdown_path.empty()) util::write_output(outputs.markdown_path, markdown, out);
  if (!outputs.json_path.empty()) util::write_output(outputs.json_path, json, out);
  out.flush();
}

}  // namespace zkgate::gate
