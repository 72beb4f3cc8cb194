// Benchmark driver for bench/parse_bench.sh: parses one profile and prints its size,
// the time spent parsing and what the model holds. Not part of the build or of ctest.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "gate/profile/parse.h"
#include "gate/profile/profile_json.h"
#include "util/file_io.h"
#include "util/input_error.h"

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--write-json")) {
    std::fprintf(stderr, "usage: %s FILE FORMAT [--write-json OUT]\n", argv[0]);
    return 2;
  }
  const std::filesystem::path file = argv[1];
  try {
    const auto start = std::chrono::steady_clock::now();
    const zkgate::gate::Profile profile = zkgate::gate::parse_profile(file, argv[2]);
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    const double megabytes = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
    std::size_t opcode_rows = profile.opcodes.size();
    for (const zkgate::gate::FunctionStat& function : profile.functions) opcode_rows += function.opcodes.size();
    std::printf("%s %.1f MB in %.3f s = %.0f MB/s; total %llu, %zu functions, %zu opcode rows\n", profile.format.c_str(),
                megabytes, seconds.count(), megabytes / seconds.count(),
                static_cast<unsigned long long>(profile.total), profile.functions.size(), opcode_rows);
    if (argc == 5) zkgate::util::atomic_write_file(argv[4], zkgate::gate::profile_to_json(profile).dump(1) + "\n");
  } catch (const zkgate::util::InputError& error) {
    std::fprintf(stderr, "parse_bench: error: %s\n", error.describe().c_str());
    return 2;
  }
  return 0;
}
