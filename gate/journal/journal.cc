#include "gate/journal/journal.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include <fmt/format.h>

#include "gate/journal/baseline.h"
#include "util/file_io.h"
#include "util/input_error.h"
#include "util/json_text.h"

namespace zkgate::gate::journal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempPrefix = ".tmp-record-";
constexpr int kMaxSameNameAttempts = 10000;

std::tm utc_tm(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  return tm;
}

// The folder keeps the profile's own extension so a person can open it with the right tool.
std::string stored_name(const char* side, const fs::path& original) {
  const std::string extension = original.extension().string();
  const bool plain = !extension.empty() && extension.size() <= 8 &&
                     std::all_of(extension.begin() + 1, extension.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
  return std::string(side) + (plain ? extension : ".profile");
}

void write_whole(const fs::path& path, std::string_view content) {
  // Inside the private temporary folder a plain write is enough; the folder rename is the
  // commit point. atomic_write_file also fsyncs, which is what makes the rename durable.
  util::atomic_write_file(path, content);
}

// rename(2) without replacing: renameat2(RENAME_NOREPLACE) where the file system supports
// it; otherwise plain rename, which also refuses to replace our folders because they are
// never empty.
bool rename_no_replace(const fs::path& from, const fs::path& to) {
#ifdef RENAME_NOREPLACE
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS) {
    throw std::runtime_error(fmt::format("cannot move {} to {}: {}", from.string(), to.string(), std::strerror(errno)));
  }
#endif
  if (fs::exists(to)) return false;
  if (::rename(from.c_str(), to.c_str()) == 0) return true;
  if (errno == EEXIST || errno == ENOTEMPTY) return false;
  throw std::runtime_error(fmt::format("cannot move {} to {}: {}", from.string(), to.string(), std::strerror(errno)));
}

}  // namespace

std::string slugify(std::string_view name) {
  std::string slug;
  bool dash = false;
  for (const char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      if (dash && !slug.empty()) slug += '-';
      slug += static_cast<char>(std::tolower(u));
      dash = false;
    } else {
      dash = true;
    }
    if (slug.size() >= 48) break;
  }
  return slug.empty() ? "iteration" : slug;
}

std::string folder_timestamp(std::chrono::system_clock::time_point when) {
  const std::tm tm = utc_tm(when);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string rfc3339_utc(std::chrono::system_clock::time_point when) {
  const std::tm tm = utc_tm(when);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(when.time_since_epoch()).count() % 1'000'000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec, micros < 0 ? micros + 1'000'000 : micros);
}

RecordedIteration record_iteration(const fs::path& journal_dir, RecordInput input, std::chrono::system_clock::time_point now) {
  std::error_code ec;
  fs::create_directories(journal_dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create the journal folder {}: {}", journal_dir.string(), ec.message()));

  std::string temp_pattern = (journal_dir / (std::string(kTempPrefix) + "XXXXXX")).string();
  if (::mkdtemp(temp_pattern.data()) == nullptr) {
    throw std::runtime_error(fmt::format("cannot create a folder in {}: {}", journal_dir.string(), std::strerror(errno)));
  }
  const fs::path temp(temp_pattern);
  try {
    IterationSummary& summary = input.summary;
    summary.slug = slugify(summary.name);
    summary.recorded_at = rfc3339_utc(now);
    summary.base.stored_as = stored_name("base", input.base_file);
    summary.head.stored_as = stored_name("head", input.head_file);
    summary.base.original_path = input.base_file.string();
    summary.head.original_path = input.head_file.string();
    write_whole(temp / summary.base.stored_as, input.base_content ? *input.base_content : util::read_file(input.base_file));
    write_whole(temp / summary.head.stored_as, input.head_content ? *input.head_content : util::read_file(input.head_file));
    if (!input.report_markdown.empty()) write_whole(temp / "report.md", input.report_markdown);
    if (!input.report_json.empty()) write_whole(temp / "report.json", input.report_json);
    write_whole(temp / "summary.json", util::dump_json(summary_to_json(summary), 2) + "\n");

    const std::string stem = folder_timestamp(now) + "-" + summary.slug;
    for (int attempt = 1; attempt <= kMaxSameNameAttempts; ++attempt) {
      const fs::path target = journal_dir / (attempt == 1 ? stem : fmt::format("{}-{}", stem, attempt));
      if (rename_no_replace(temp, target)) return {target, summary};
    }
    throw std::runtime_error(fmt::format("{} iterations named {} already exist", kMaxSameNameAttempts, stem));
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
}

std::vector<RecordedIteration> read_journal(const fs::path& journal_dir) {
  std::vector<RecordedIteration> iterations;
  std::error_code ec;
  if (!fs::exists(journal_dir, ec)) return iterations;
  if (!fs::is_directory(journal_dir, ec)) {
    throw util::InputError({journal_dir.string()}, "the journal location is not a folder");
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(journal_dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory() || name.empty() || name.front() == '.' || name == kBaselineArchiveDir) continue;
    const fs::path summary_file = entry.path() / "summary.json";
    const std::string text = util::read_file(summary_file);
    nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) {
      throw util::InputError({summary_file.string()}, "journal summary is not valid JSON",
                             "the iteration folder is damaged; move it out of the journal");
    }
    iterations.push_back({entry.path(), summary_from_json(json, summary_file.string())});
  }
  std::sort(iterations.begin(), iterations.end(), [](const RecordedIteration& a, const RecordedIteration& b) {
    if (a.summary.recorded_at != b.summary.recorded_at) return a.summary.recorded_at < b.summary.recorded_at;
    return a.folder.filename() < b.folder.filename();
  });
  return iterations;
}

}  // namespace zkgate::gate::journal
