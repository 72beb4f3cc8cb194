#pragma once

#include <chrono>
#include <string>

#include "gate/journal/journal.h"
#include "test_support.h"
#include "util/file_io.h"

// Records iterations into a temporary journal from small stand-in profile files (the
// journal copies bytes and never parses them).
namespace zkgate::test {

struct JournalFixture : TempDir {
  std::filesystem::path journal = path / "journal";

  std::filesystem::path profile_file(const std::string& name, const std::string& content) {
    const std::filesystem::path file = path / name;
    util::atomic_write_file(file, content);
    return file;
  }

  gate::journal::RecordInput input(const std::string& name, std::uint64_t base, std::uint64_t head) {
    gate::journal::RecordInput in;
    in.summary.name = name;
    in.summary.verdict = head > base ? "regression" : "pass";
    in.summary.kept = head < base;
    for (gate::journal::SideSummary* side : {&in.summary.base, &in.summary.head}) {
      side->format = "ziskemu";
      side->zkvm = "zisk";
      side->unit = "steps";
    }
    in.summary.base.total = base;
    in.summary.head.total = head;
    in.base_file = profile_file(name + "-base.txt", "STEPS " + std::to_string(base) + "\n");
    in.head_file = profile_file(name + "-head.txt", "STEPS " + std::to_string(head) + "\n");
    in.report_markdown = "# " + name + "\n";
    return in;
  }

  // Iterations one minute apart from a fixed instant, so the test does not depend on the clock.
  static std::chrono::system_clock::time_point at_minute(int minute) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1'790'000'000 + 60 * minute));
  }
};

}  // namespace zkgate::test
