#pragma once

#include <filesystem>
#include <string>
#include <string_view>

// What a results tree says in its folder names: eth-act writes
// <el>-<el version>/<zkvm>-v<sdk version>/<fixture>.json and no file names its zkVM.
namespace zkgate::gate::suite {

struct PathFacts {
  std::string zkvm;          // from the nearest "<zkvm>-v<ver>" (or bare "<zkvm>") folder
  std::string zkvm_version;  // "v0.16.1"; empty for a bare zkVM folder
  std::string guest;         // nearest execution-client folder above it: "ethrex-b9d3ef6", "reth"
};

// Reads the facts from the folders of file (an absolute or relative path).
PathFacts path_facts(const std::filesystem::path& file);

// One folder name as it enters a matching key: versions are dropped so that
// "reth-v1.11.0/zisk-v0.16.1" in BASE and "reth-v1.12.0/zisk-v0.17.0" in HEAD meet as
// "reth/zisk". Other names are kept as they are.
std::string key_component(std::string_view folder);

// "zisk-v0.16.1" -> {"zisk", "v0.16.1"} when the prefix is a known zkVM; else empty.
struct ZkvmFolder {
  std::string zkvm;
  std::string version;
};
ZkvmFolder parse_zkvm_folder(std::string_view folder);

}  // namespace zkgate::gate::suite
