// The --json report gate merge reads back from parallel CI jobs (artifacts a fork PR's
// job can write), and the markdown/text renderers over whatever it accepted.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "gate/report/markdown_report.h"
#include "gate/report/report_json.h"
#include "gate/report/text_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zkgate::fuzz::expect_parse_or_input_error([&] {
    const zkgate::gate::Report report = zkgate::gate::report_from_json_text(zkgate::fuzz::as_text(data, size), "merge.json");
    (void)zkgate::gate::report_to_json_text(report);
    (void)zkgate::gate::render_text(report);
    (void)zkgate::gate::render_markdown(report);
  });
  return 0;
}
