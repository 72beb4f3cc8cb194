#pragma once

#include "gate/profile/line_reader.h"
#include "gate/profile/profile.h"

namespace zkgate::gate {

// RISC0 execute logs (ethrex-replay): the guest-printed "total cycles: N" (required, else
// the RISC0_INFO "N user cycles" line), "end <phase>, cycles: N" lines as depth-0 spans,
// and the RISC0_INFO executor lines (segments, total/user/paging/reserved cycles) as metadata.
Profile parse_risc0_log(LineReader& in);

}  // namespace zkgate::gate
