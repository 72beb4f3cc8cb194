// Precompiled into every zkgate library when ZKGATE_PCH is on (CI's cold build): the headers
// most library files include and that cost most of their front-end time. Local builds do not
// use it, so a missing #include still fails there.
#pragma once

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
