#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace zkgate::gate::zisk {

// The functions a ziskemu report prints under one name (two symbols can:
// monomorphizations) and the DETAIL blocks read for that name so far. Most names have one
// function: no vector (a vector per name cost ~70,000 allocations per 100 MB report).
struct NameUse {
  std::size_t functions = 0;
  std::size_t first = 0;
  std::vector<std::size_t> more;
  std::size_t detail_blocks = 0;

  std::size_t function(std::size_t i) const { return i == 0 ? first : more[i - 1]; }
  bool has(std::size_t index) const {
    return functions > 0 && (first == index || std::find(more.begin(), more.end(), index) != more.end());
  }
  void add(std::size_t index) {
    if (functions++ == 0) {
      first = index;
    } else {
      more.push_back(index);
    }
  }
};

}  // namespace zkgate::gate::zisk
