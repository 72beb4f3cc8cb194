#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "patchcheck/audit.h"

// Output formats of patchcheck. Each renders a whole AuditResult to a string.
namespace zkgate::patchcheck {

enum class OutputFormat { kText, kMarkdown, kJson, kGithub };

std::optional<OutputFormat> parse_output_format(std::string_view text);

// Human text; ANSI colour only when `color` (the caller decides: TTY and no NO_COLOR).
std::string render_text(const AuditResult& result, bool color);
// Findings plus the operation x zkVM matrix each guest really resolves (GitHub markdown).
std::string render_markdown(const AuditResult& result);
// The versioned JSON document described in README.md ("schema_version": 1).
std::string render_json(const AuditResult& result, const CryptoMatrix& matrix, int exit_code, std::optional<Severity> fail_on);
// GitHub Actions workflow commands (::error file=...,line=...::message).
std::string render_github(const AuditResult& result);

// The version of the JSON document render_json writes.
inline constexpr int kJsonSchemaVersion = 1;

}  // namespace zkgate::patchcheck
