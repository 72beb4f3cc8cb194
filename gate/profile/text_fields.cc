#include "gate/profile/text_fields.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/numbers.h"

namespace zkgate::gate {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Bit i is set when p[i] is a blank, for the n <= 64 bytes from p. Profiler tables pad
// columns with long runs of spaces, so the splitter works on these masks (16 bytes per
// SSE2 compare) rather than byte by byte; without SSE2 the byte loop gives the same mask.
std::uint64_t blank_mask(const char* p, std::size_t n) {
  std::uint64_t mask = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i tab = _mm_set1_epi8('\t');
  for (; i + 16 <= n; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i blanks = _mm_or_si128(_mm_cmpeq_epi8(bytes, space), _mm_cmpeq_epi8(bytes, tab));
    mask |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(blanks))) << i;
  }
#endif
  for (; i < n; ++i) {
    if (is_blank(p[i])) mask |= std::uint64_t{1} << i;
  }
  return mask;
}

// The bits of `mask` at positions >= from (from < 64).
std::uint64_t bits_from(std::uint64_t mask, unsigned from) { return mask & (~std::uint64_t{0} << from); }

}  // namespace

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (is_blank(text.back()) || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  return trim_right(text);
}

void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  if (line.size() < 16) {  // too short for the masks to pay off
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_blank(line[i])) ++i;
      const std::size_t first = i;
      while (i < line.size() && !is_blank(line[i])) ++i;
      if (i > first) fields.push_back(line.substr(first, i - first));
    }
    return;
  }
  const char* const data = line.data();
  const char* start = nullptr;  // the field being read, when it continues past a block
  for (std::size_t base = 0; base < line.size(); base += 64) {
    const std::size_t length = std::min<std::size_t>(64, line.size() - base);
    const std::uint64_t valid = length == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << length) - 1;
    const std::uint64_t blanks = blank_mask(data + base, length);
    const std::uint64_t words = ~blanks & valid;
    unsigned at = 0;
    while (at < length) {
      if (start == nullptr) {
        const std::uint64_t next_word = bits_from(words, at);
        if (next_word == 0) break;
        at = static_cast<unsigned>(std::countr_zero(next_word));
        start = data + base + at;
      }
      const std::uint64_t next_blank = bits_from(blanks, at);
      if (next_blank == 0) break;  // the field runs on into the next block (or to the end)
      at = static_cast<unsigned>(std::countr_zero(next_blank));
      fields.emplace_back(start, static_cast<std::size_t>(data + base + at - start));
      start = nullptr;
    }
  }
  if (start != nullptr) fields.emplace_back(start, static_cast<std::size_t>(data + line.size() - start));
}

std::string_view rest_of_line(std::string_view line, std::string_view field) {
  const std::size_t offset = static_cast<std::size_t>(field.data() - line.data());
  return trim_right(line.substr(offset));
}

bool is_blank_line(std::string_view line) {
  for (const char c : line) {
    if (!is_blank(c) && c != '\r') return false;
  }
  return true;
}

bool is_rule(std::string_view line, char c) {
  std::string_view body = trim(line);
  if (body.size() < 3) return false;
  // Rules run the width of a table: compared 8 bytes at a time.
  const std::uint64_t pattern = 0x0101010101010101ULL * static_cast<unsigned char>(c);
  while (body.size() >= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, body.data(), sizeof word);
    if (word != pattern) return false;
    body.remove_prefix(8);
  }
  for (const char ch : body) {
    if (ch != c) return false;
  }
  return true;
}

std::optional<unsigned> parse_rank(std::string_view field) {
  if (field.size() < 2 || field.front() != '#') return std::nullopt;
  const std::optional<std::uint64_t> value = util::parse_grouped_u64(field.substr(1));
  if (!value || *value == 0 || *value > 1000000) return std::nullopt;
  return static_cast<unsigned>(*value);
}

bool is_hex_word(std::string_view field) {
  if (field.empty() || field.size() > 16) return false;
  for (const char c : field) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

}  // namespace zkgate::gate
