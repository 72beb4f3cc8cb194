#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "util/input_error.h"

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

  // Next line without its "\n" (and without a "\r" before it); false at the end.
  bool next(std::string_view& line);

  // 1-based number of the line next() returned last.
  std::size_t line_number() const { return line_number_; }
  // After next() returned false: whether the input ended with a newline (else it was cut).
  bool ended_with_newline() const { return ended_with_newline_; }
  const std::string& source() const { return source_; }

  util::SourceLocation here() const { return {source_, line_number_, 0}; }
  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const;
  [[noreturn]] void fail_at(std::size_t line, const std::string& message, const std::string& hint = {}) const;

 private:
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
