#pragma once

#include "gate/profile/line_reader.h"
#include "gate/profile/profile.h"

namespace zkgate::gate {

// SP1 execute logs (ethrex-replay --verbose): nested cycle-tracker spans ("┌╴name" /
// "└╴N cycles", depth from "│ " prefixes), the "gas:" line; total = sum of the depth-0
// spans (said in total_note). Also the text report of ethrex's bin/parse_sp1_profile.py.
Profile parse_sp1_log(LineReader& in);

// An empty profile labelled as SP1 cycles from `source`: what both SP1 readers start from.
Profile empty_sp1_profile(const std::string& source);

// The parse_sp1_profile.py report, from the line after its "SP1 Profile Analysis" title.
Profile parse_sp1_profile_report(LineReader& in);

}  // namespace zkgate::gate
