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

LineReader::LineReader(std::istream& in, std::string source) : in_(&in), source_(std::move(source)) {
  buffer_.reserve(kChunkBytes);
  refill();
}

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

// Keeps the unread tail, then appends the next chunk of the stream after it.
void LineReader::refill() {
  std::string tail(data_.substr(pos_));
  buffer_.assign(tail);
  const std::size_t old_size = buffer_.size();
  const std::size_t want = std::max(kChunkBytes, old_size);
  buffer_.resize(old_size + want);
  in_->read(buffer_.data() + old_size, static_cast<std::streamsize>(want));
  const std::size_t got = static_cast<std::size_t>(in_->gcount());
  buffer_.resize(old_size + got);
  if (in_->bad()) fail(fmt::format("read failed after line {}", line_number_));
  if (got == 0 || in_->eof()) at_eof_ = true;
  data_ = buffer_;
  pos_ = 0;
  check_no_nul(old_size, buffer_.size());
}

bool LineReader::next(std::string_view& line) {
  while (true) {
    const std::size_t newline = data_.find('\n', pos_);
    if (newline != std::string_view::npos) {
      line = data_.substr(pos_, newline - pos_);
      pos_ = newline + 1;
      break;
    }
    if (!at_eof_) {
      refill();
      continue;
    }
    if (pos_ >= data_.size()) return false;
    line = data_.substr(pos_);
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
