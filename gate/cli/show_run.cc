#include "gate/cli/show_run.h"

#include <ostream>

#include "gate/advice/advice.h"
#include "gate/advice/crypto_from_matrix.h"
#include "gate/profile/parse.h"
#include "gate/report/profile_report.h"
#include "util/exit_codes.h"
#include "util/file_io.h"
#include "util/json_text.h"

namespace zkgate::gate::cli {

advice::RuleSet load_request_rules(const std::string& rules_file) {
  return rules_file.empty() ? advice::default_rules() : advice::load_rules(rules_file);
}

int run_show(const ShowRequest& request, std::ostream& out) {
  // Every input is read before anything is written, so an error leaves no partial outputs.
  const advice::RuleSet rules = load_request_rules(request.rules_file);
  const advice::CryptoKnowledge crypto =
      request.matrix_file.empty() ? advice::default_crypto_knowledge()
                                  : advice::crypto_knowledge_from_matrix(patchcheck::CryptoMatrix::load_file(request.matrix_file));
  const Profile profile = parse_profile(request.file, request.format);
  const advice::Advice advice = advice::advise(profile, rules, crypto);

  const std::string json = request.json_path.empty() ? "" : util::dump_json(profile_report_json(profile, advice), 2) + "\n";
  const std::string markdown = request.markdown_path.empty() ? "" : profile_report_markdown(profile, advice);
  const bool stdout_taken = request.json_path == "-" || request.markdown_path == "-";
  if (!request.quiet && !stdout_taken) out << profile_report_text(profile, advice);
  if (!request.markdown_path.empty()) util::write_output(request.markdown_path, markdown, out);
  if (!request.json_path.empty()) util::write_output(request.json_path, json, out);
  out.flush();
  return util::kExitOk;
}

}  // namespace zkgate::gate::cli
