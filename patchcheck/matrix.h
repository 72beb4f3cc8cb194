#pragma once

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "patchcheck/severity.h"
#include "util/input_error.h"

// The crypto operation matrix: which EVM crypto operations each zkVM accelerates, through
// which crate, and how a working or a native build shows up (symbols, opcodes). patchcheck
// audits guests against it; gate uses the symbols to diagnose native crypto in profiles.
// The default is patchcheck/crypto-matrix.yml, validated and embedded at build time.
namespace zkgate::patchcheck {

// What the matrix demands of any guest on one zkVM for one operation.
enum class Expectation {
  kPatchRequired,               // a [patch] for `crate` must be applied
  kException,                   // documented, deliberate non-use (reported as accepted)
  kSdkCall,                     // accelerated through the zkVM SDK, not a [patch]
  kAcceleratedViaRegistryCrate, // the crates.io crate itself calls the zkVM
  kNoPatchAvailable,            // nothing published: runs natively
  kNotApplicable,               // the zkVM has no precompile for this operation
  kUnknown,                     // sources disagree: verify with a profile
};

std::string_view to_string(Expectation expectation);
std::optional<Expectation> parse_expectation(std::string_view text);

// Whether the zkVM has an accelerated path for the operation that a profile can show in use
// (a patch, an SDK call, an accelerating registry crate), including a documented exception
// (the path exists, the guest deliberately does without). gate's crypto diagnosis and its
// advice rule both decide with this, so they never disagree on which cells to check.
bool has_accelerated_path(Expectation expectation);

// One operation on one zkVM.
struct ZkvmCell {
  std::string zkvm;
  Expectation expected = Expectation::kUnknown;
  std::string crate;        // the crate whose resolution decides the cell; empty for not_applicable
  std::string repo;         // where the accelerated crate lives; empty when none
  std::string patch_table;  // "" = any [patch] table, else the URL of the [patch."<url>"] table
  std::vector<std::string> support_crates;
  std::vector<std::string> precompile_symbols;  // ECMAScript regexes over demangled names
  std::vector<std::string> precompile_opcodes;  // exact opcode names as the profiler prints them
  std::string reason;                           // required for exception and unknown
  std::vector<std::string> sources;             // `src` ids from the matrix's SOURCES block
  util::SourceLocation where;
};

struct Operation {
  std::string id;
  std::string evm;                                  // what the operation is in EVM terms
  std::vector<std::string> native_fallback_symbols; // ECMAScript regexes: native crypto ran
  std::vector<std::string> hot_even_when_patched;   // exact names that stay hot with a working patch
  std::vector<ZkvmCell> cells;                      // one per zkVM of the matrix, same order
  util::SourceLocation where;

  const ZkvmCell* cell(std::string_view zkvm) const;
};

// A tag naming scheme of one zkVM's patch repositories.
struct TagGrammar {
  std::string pattern;
  std::regex regex;
  std::vector<std::string> groups;  // capture group meanings, e.g. "zkvm_version"
  util::SourceLocation where;

  // 1-based capture group index of `name`, or 0 when the grammar has no such group.
  std::size_t group_index(std::string_view name) const;
};

// How a patch tag's zkVM version must relate to the guest's SDK version.
struct SdkVersionRule {
  enum class Compare { kNone, kMajor, kMajorMinor };
  Compare compare = Compare::kNone;
  int allow_older_majors = 0;  // kMajor: tags this many majors behind the SDK are fine
  Severity severity = Severity::kWarning;
};

struct ZkvmSpec {
  std::string id;                                // "zisk", "sp1", ...
  std::vector<std::string> detect_dependencies;  // a guest depending on one of these is this zkVM
  std::vector<std::string> trusted_orgs;         // "github.com/sp1-patches" (lower case)
  std::vector<std::string> tag_markers;          // tokens that name this zkVM inside a tag
  std::vector<TagGrammar> tag_grammars;
  SdkVersionRule sdk_version_rule;
  std::vector<std::string> precompile_opcodes;
  util::SourceLocation where;
};

// A crate patched for transitive acceleration (ecdsa, crypto-bigint, ...).
struct SupportCrate {
  struct PerZkvm {
    std::string zkvm;
    std::string repo;
    std::vector<std::string> crates;  // crates of that repo; defaults to {name}
  };
  std::string name;
  std::vector<PerZkvm> zkvms;
  util::SourceLocation where;
};

class CryptoMatrix {
 public:
  // The matrix embedded in the binary (patchcheck/crypto-matrix.yml at build time).
  static CryptoMatrix load_default();
  // Throws util::InputError with file:line when the file is unreadable or invalid.
  static CryptoMatrix load_file(const std::filesystem::path& path);
  // `origin` names the text in errors ("crypto-matrix.yml", a path).
  static CryptoMatrix parse(std::string_view yaml_text, const std::string& origin);

  // The compiled form: the validated model as JSON, which reads far faster than the YAML.
  // The build compiles the default matrix into it; `origin` names the YAML it came from.
  std::string to_json() const;
  static CryptoMatrix from_json(std::string_view json_text, const std::string& origin);

  int schema_version() const { return schema_version_; }
  const std::string& origin() const { return origin_; }
  const std::vector<Operation>& operations() const { return operations_; }
  const std::vector<ZkvmSpec>& zkvms() const { return zkvms_; }
  const std::vector<SupportCrate>& support_crates() const { return support_crates_; }

  const Operation* find_operation(std::string_view id) const;
  const ZkvmSpec* find_zkvm(std::string_view id) const;

  // Crate names the matrix ties to crypto on any zkVM (cell crates, support crates).
  const std::vector<std::string>& crypto_crates() const { return crypto_crates_; }
  bool is_crypto_crate(std::string_view name) const;
  // Normalised repository URLs the matrix lists for `zkvm` (cells and support crates).
  std::vector<std::string> known_repos(std::string_view zkvm) const;

 private:
  friend class MatrixReader;
  int schema_version_ = 0;
  std::string origin_;
  std::vector<ZkvmSpec> zkvms_;
  std::vector<Operation> operations_;
  std::vector<SupportCrate> support_crates_;
  std::vector<std::string> crypto_crates_;
};

}  // namespace zkgate::patchcheck
