#pragma once

// <regex> with GCC 12's false -Wmaybe-uninitialized inside it silenced (it fires only
// under -fsanitize, inside libstdc++'s regex compiler: GCC bug 105562). Include this
// instead of <regex> so warnings stay errors everywhere else.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop
