#include <string>

#include <fmt/format.h>

#include "gate/profile/text_fields.h"
#include "gate/profile/ziskemu_parser.h"

// The eth-act harness writes zisk_profile_<fixture>.error.txt instead of a profile when
// ziskemu fails: "fixture:", "timestamp_utc:", "error:", "Zisk profiling failed for
// fixture '...': docker command exited with code N", "stderr: ..." and the panic text.
namespace zkgate::gate::zisk {

void throw_profiling_failure(LineReader& in, std::string_view first_line) {
  std::size_t failure_line = 0;
  std::string failure;
  std::string panic;
  std::string stderr_text;
  bool after_panic_header = false;
  std::string_view line = first_line;
  do {
    const std::string_view text = trim(line);
    if (text.find("Zisk profiling failed") != std::string_view::npos) {
      failure_line = in.line_number();
      failure = std::string(text);
    } else if (text.substr(0, 7) == "stderr:") {
      stderr_text = std::string(trim(text.substr(7)));
    } else if (text.find("panicked at") != std::string_view::npos) {
      after_panic_header = true;
    } else if (after_panic_header && panic.empty() && !text.empty()) {
      panic = std::string(text);
    } else if (stderr_text.empty() && failure_line != 0 && !text.empty() && text.substr(0, 5) != "note:") {
      stderr_text = std::string(text);
    }
  } while (in.next(line));
  if (failure_line == 0) {
    in.fail_at(1, "eth-act profiling sidecar without its \"Zisk profiling failed\" line",
               "this is not a ziskemu report; it has no steps to compare");
  }
  // The exit status is the part of the harness line after "': ".
  const std::size_t colon = failure.rfind("': ");
  const std::string status = colon == std::string::npos ? failure : failure.substr(colon + 3);
  const std::string reason = !panic.empty() ? panic : (!stderr_text.empty() ? stderr_text : "no stderr");
  in.fail_at(failure_line, fmt::format("ZisK profiling failed, no profile was written ({}): {}", status, reason),
             "this is the eth-act harness's .error.txt sidecar: the profiling run failed, so there are no steps; "
             "fix or rerun the profiling run");
}

}  // namespace zkgate::gate::zisk
