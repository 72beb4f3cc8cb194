#pragma once

#include <cstddef>
#include <functional>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

// A map from names to positions that the parsers look up with a std::string_view into the
// current line, without building a std::string per lookup (C++20 heterogeneous lookup).
namespace zkgate::gate {

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringViewHash, std::equal_to<>>;

// The same map with its nodes and keys in a memory resource: with a
// std::pmr::monotonic_buffer_resource, tens of thousands of names cost a few large blocks,
// laid out in insertion order and released at once instead of one free per node and key.
template <typename Value>
using ArenaStringMap = std::pmr::unordered_map<std::pmr::string, Value, StringViewHash, std::equal_to<>>;

}  // namespace zkgate::gate
