#include "gate/profile/line_reader.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace zkgate::gate {

namespace {
constexpr std::size_t kChunkBytes = 1 << 20;
}

LineReader::LineReader(std::string_view text, std::string source) : data_(text), at_eof_(true), source_(std::move(source)) {
  check_no_nul(0, data_.size());
}

LineReader::LineReader(std::istream& in, std::string source) : in_(&in), source_(std::move(source)) { refill(); }

// A complaint about the unterminated last line is most likely caused by the cut itself.
void LineReader::fail(const std::string& message, const std::string& hint) const {
  if (current_unterminated_) {
    throw util::InputError(here(), message + " (the file ends mid-line here: it was cut mid-line)",
                           "the profile is truncated; rerun the profiler and keep its whole output");
  }
  throw util::InputError(here(), message, hint);
}

void LineReader::fail_at(std::size_t line, const std::string& message, const std::string& hint) const {
  throw util::InputError({source_, line, 0}, message, hint);
}

void LineReader::check_no_nul(std::size_t from, std::size_t to) const {
  const void* nul = std::memchr(data_.data() + from, '\0', to - from);
  if (nul == nullptr) return;
  const std::size_t offset = static_cast<std::size_t>(static_cast<const char*>(nul) - data_.data());
  // Lines already handed out plus the newlines between the read position and the NUL.
  const std::size_t line = line_number_ + 1 +
      static_cast<std::size_t>(std::count(data_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                          data_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  throw util::InputError({source_, line, 0}, "binary data (a NUL byte) in a text profile",
                         "give the profiler's text output; a compressed or binary file cannot be read");
}

// Moves the unread tail to the front of the buffer and reads the next chunk after it. The
// buffer (never zero-filled) doubles when a long line leaves less than half a chunk free,
// so it is reallocated O(log(longest line)) times, not once per chunk.
void LineReader::refill() {
  const std::size_t tail = data_.size() - pos_;
  if (buffer_capacity_ < tail + kChunkBytes / 2) {
    const std::size_t capacity = std::max(tail + kChunkBytes, 2 * buffer_capacity_);
    std::unique_ptr<char[]> grown(new char[capacity]);
    if (tail > 0) std::memcpy(grown.get(), data_.data() + pos_, tail);
    buffer_ = std::move(grown);
    buffer_capacity_ = capacity;
  } else if (tail > 0) {
    std::memmove(buffer_.get(), data_.data() + pos_, tail);
  }
  in_->read(buffer_.get() + tail, static_cast<std::streamsize>(buffer_capacity_ - tail));
  const std::size_t got = static_cast<std::size_t>(in_->gcount());
  if (in_->bad()) fail(fmt::format("read failed after line {}", line_number_));
  if (got == 0 || in_->eof()) at_eof_ = true;
  data_ = std::string_view(buffer_.get(), tail + got);
  pos_ = 0;
  check_no_nul(tail, data_.size());
}

bool LineReader::next_after_refill(std::string_view& line) {
  while (true) {
    const char* const start = data_.data() + pos_;
    const std::size_t left = data_.size() - pos_;
    const char* const newline = find_newline(start, left);
    if (newline != nullptr) {
      line = std::string_view(start, static_cast<std::size_t>(newline - start));
      pos_ += line.size() + 1;
      break;
    }
    if (!at_eof_) {
      refill();
      continue;
    }
    if (left == 0) return false;
    line = std::string_view(start, left);
    pos_ = data_.size();
    ended_with_newline_ = false;
    current_unterminated_ = true;
    break;
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++line_number_;
  return true;
}

}  // namespace zkgate::gate
