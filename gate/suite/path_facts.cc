#include "gate/suite/path_facts.h"

#include <array>
#include <cctype>
#include <vector>

#include "gate/suite/suite.h"

namespace zkgate::gate::suite {

namespace {

// zkVM kinds the eth-act harness (through ere) names its folders after.
constexpr std::array<std::string_view, 11> kZkvmKinds = {
    "zisk", "sp1", "risc0", "openvm", "airbender", "pico", "jolt", "zkm", "ziren", "nexus", "miden"};

// Execution clients compiled into guests; a folder "<client>" or "<client>-<build>".
constexpr std::array<std::string_view, 8> kGuestClients = {
    "ethrex", "reth", "geth", "nethermind", "besu", "erigon", "revm", "evmone"};

bool is_zkvm_kind(std::string_view name) {
  for (const std::string_view kind : kZkvmKinds) {
    if (name == kind) return true;
  }
  return false;
}

bool is_guest_folder(std::string_view folder) {
  for (const std::string_view client : kGuestClients) {
    if (folder == client) return true;
    if (folder.size() > client.size() + 1 && folder.substr(0, client.size()) == client &&
        folder[client.size()] == '-') {
      return true;
    }
  }
  return false;
}

}  // namespace

ZkvmFolder parse_zkvm_folder(std::string_view folder) {
  if (is_zkvm_kind(folder)) return {std::string(folder), ""};
  const std::size_t dash = folder.find("-v");
  if (dash == std::string_view::npos || dash + 2 >= folder.size()) return {};
  if (!std::isdigit(static_cast<unsigned char>(folder[dash + 2]))) return {};
  if (!is_zkvm_kind(folder.substr(0, dash))) return {};
  return {std::string(folder.substr(0, dash)), std::string(folder.substr(dash + 1))};
}

std::string key_component(std::string_view folder) {
  const ZkvmFolder zkvm = parse_zkvm_folder(folder);
  if (!zkvm.zkvm.empty()) return zkvm.zkvm;
  if (is_guest_folder(folder)) return guest_family(folder);
  return std::string(folder);
}

PathFacts path_facts(const std::filesystem::path& file) {
  std::vector<std::string> folders;
  for (const std::filesystem::path& part : file.parent_path()) folders.push_back(part.string());
  PathFacts facts;
  std::size_t i = folders.size();
  for (; i > 0; --i) {
    const ZkvmFolder zkvm = parse_zkvm_folder(folders[i - 1]);
    if (!zkvm.zkvm.empty()) {
      facts.zkvm = zkvm.zkvm;
      facts.zkvm_version = zkvm.version;
      break;
    }
  }
  // The guest sits above the zkVM folder in result trees and below it in profile trees
  // (profiles/zisk/<set>/<el>/...): search the whole path, nearest first.
  for (std::size_t j = folders.size(); j > 0; --j) {
    if (is_guest_folder(folders[j - 1])) {
      facts.guest = folders[j - 1];
      break;
    }
  }
  return facts;
}

}  // namespace zkgate::gate::suite
