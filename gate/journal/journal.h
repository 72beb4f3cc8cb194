#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gate/journal/summary.h"

// The iteration journal: one folder per recorded comparison,
// `<journal>/<UTC timestamp>-<slug>/` holding the base and head profiles byte for byte,
// the report (markdown and JSON) and summary.json.
namespace zkgate::gate::journal {

// Default location, relative to the current directory.
inline const char* const kDefaultJournalDir = ".zkgate/journal";

struct RecordInput {
  IterationSummary summary;             // name, totals, verdict...; recorded_at, slug, stored_as are filled in
  std::filesystem::path base_file;      // copied byte for byte
  std::filesystem::path head_file;
  // The bytes to store instead of reading the files now, when the caller read them earlier
  // (gate compare --keep-if-better may have replaced BASE, the baseline file, meanwhile).
  std::optional<std::string> base_content;
  std::optional<std::string> head_content;
  std::string report_markdown;          // may be empty
  std::string report_json;              // may be empty
};

struct RecordedIteration {
  std::filesystem::path folder;
  IterationSummary summary;
};

// "Avoid NodeType clone!" -> "avoid-nodetype-clone"; never empty ("iteration").
std::string slugify(std::string_view name);

// "20261126T041413Z"
std::string folder_timestamp(std::chrono::system_clock::time_point when);
// "2026-11-26T04:14:13.123456Z"
std::string rfc3339_utc(std::chrono::system_clock::time_point when);

// Writes the iteration into a temporary folder inside `journal_dir`, then renames it into
// place without replacing anything: readers never see a half-written iteration, and two
// recordings with the same name in the same second get distinct folders ("-2", "-3"...).
// Throws std::runtime_error (with the OS reason) when the journal cannot be written; the
// temporary folder is removed.
RecordedIteration record_iteration(const std::filesystem::path& journal_dir, RecordInput input,
                                   std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// Every recorded iteration, oldest first. A missing journal folder is an empty journal;
// a damaged summary.json is an util::InputError naming it. Leftover temporary folders
// (a recording killed half-way) are skipped.
std::vector<RecordedIteration> read_journal(const std::filesystem::path& journal_dir);

}  // namespace zkgate::gate::journal
