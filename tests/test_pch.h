// Precompiled into every test suite when ZKGATE_PCH is on (CI's cold build): the
// headers most test files include and that cost most of their front-end time.
#pragma once

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
