#include "gate/suite/read_suite.h"

#include "gate/suite/json_input.h"
#include "gate/suite/result_json.h"
#include "gate/suite/suite_json.h"
#include "gate/suite/zkevm_bench.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::suite {

std::optional<Suite> try_read_suite(const std::filesystem::path& path, const ProfileReader& read_profile) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return read_suite_folder(path, read_profile);
  if (!std::filesystem::exists(path, ec)) {
    throw util::InputError({path.string(), 0, 0}, "no such file or folder");
  }
  if (path.extension() != ".json") return std::nullopt;
  const std::string text = util::read_file(path);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || text[first] != '{') return std::nullopt;
  const nlohmann::json doc = parse_json_text(text, path.string());
  if (is_suite_json(doc)) return suite_from_json(doc, path);
  if (is_zkevm_bench_report(doc)) return suite_from_zkevm_bench(doc, path);
  if (is_result_json(doc)) {
    // One eth-act result on its own: a suite of one, keyed by its fixture name.
    Suite one;
    one.source = path.string();
    one.format = "eth-act-result";
    Workload w = workload_from_result(doc, path);
    w.key = w.name;
    one.workloads.push_back(std::move(w));
    return one;
  }
  return std::nullopt;
}

Suite read_suite(const std::filesystem::path& path, const ProfileReader& read_profile) {
  std::optional<Suite> suite = try_read_suite(path, read_profile);
  if (!suite) {
    throw util::InputError({path.string(), 0, 0}, "not a suite",
                           "expected a folder, an ethrex zkevm_bench report JSON or a zkgate suite JSON");
  }
  return *std::move(suite);
}

}  // namespace zkgate::gate::suite
