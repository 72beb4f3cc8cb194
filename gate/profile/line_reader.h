#pragma once

#include <bit>
#include <cstddef>
#include <cstring>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "util/input_error.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Hands a text input to a parser one line at a time, from memory or streamed from a file
// in fixed-size chunks, so a parser never needs the whole file. Lines are views into one
// reused buffer (no allocation per line), valid until the next call to next(). Refuses
// binary input (a NUL byte) with the line it is on.
namespace zkgate::gate {

class LineReader {
 public:
  // Lines of `text`, which must outlive the reader.
  LineReader(std::string_view text, std::string source);
  // Lines read from `in` in chunks; a line longer than a chunk grows the buffer.
  LineReader(std::istream& in, std::string source);

  // Next line without its "\n" (and without a "\r" before it); false at the end. Inline:
  // it runs once per line, and most lines end inside the current buffer.
  bool next(std::string_view& line) {
    const char* const start = data_.data() + pos_;
    const char* const newline = find_newline(start, data_.size() - pos_);
    if (newline == nullptr) return next_after_refill(line);
    line = std::string_view(start, static_cast<std::size_t>(newline - start));
    pos_ += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number_;
    return true;
  }

  // 1-based number of the line next() returned last.
  std::size_t line_number() const { return line_number_; }
  // After next() returned false: whether the input ended with a newline (else it was cut).
  bool ended_with_newline() const { return ended_with_newline_; }
  const std::string& source() const { return source_; }

  util::SourceLocation here() const { return {source_, line_number_, 0}; }
  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const;
  [[noreturn]] void fail_at(std::size_t line, const std::string& message, const std::string& hint = {}) const;

 private:
  // memchr for '\n', with the first 16 bytes checked inline: many profile lines (callgrind
  // cost lines, RISC0 phase lines) are shorter, and a library call per line costs more
  // than the search.
  static const char* find_newline(const char* p, std::size_t n) {
#if defined(__SSE2__)
    if (n >= 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const int hits = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
      if (hits != 0) return p + std::countr_zero(static_cast<unsigned>(hits));
      return static_cast<const char*>(std::memchr(p + 16, '\n', n - 16));
    }
#endif
    return n == 0 ? nullptr : static_cast<const char*>(std::memchr(p, '\n', n));
  }
  // next() when the buffer holds no complete line: reads on, or hands out the last line.
  bool next_after_refill(std::string_view& line);
  void refill();
  void check_no_nul(std::size_t from, std::size_t to) const;

  std::istream* in_ = nullptr;
  std::unique_ptr<char[]> buffer_;  // streaming mode: the unread tail, then the chunk read after it
  std::size_t buffer_capacity_ = 0;
  std::string_view data_;    // the bytes not yet handed out are data_[pos_, data_.size())
  std::size_t pos_ = 0;
  bool at_eof_ = false;
  bool current_unterminated_ = false;  // the line handed out last had no newline
  bool ended_with_newline_ = true;
  std::size_t line_number_ = 0;
  std::string source_;
};

}  // namespace zkgate::gate
