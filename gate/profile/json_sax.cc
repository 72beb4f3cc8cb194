#include "gate/profile/json_sax.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>
#include <rapidjson/error/en.h>

#include "util/input_error.h"

namespace zkgate::gate::json_sax {

namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

bool is_json_whitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Newlines in [begin, begin + count), 16 bytes per step with SSE2: a pretty-printed document
// has one every ~15 bytes, too many for a memchr per line.
std::size_t count_newlines(const char* begin, std::size_t count) {
  std::size_t newlines = 0;
  std::size_t at = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  while (count - at >= 16) {
    // Byte counters (each compare adds 0 or -1) summed before any can wrap: 255 steps at most.
    const std::size_t steps = std::min<std::size_t>((count - at) / 16, 255);
    __m128i counters = _mm_setzero_si128();
    for (std::size_t step = 0; step < steps; ++step, at += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(begin + at));
      counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(bytes, newline));
    }
    const __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
    newlines += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; at < count; ++at) newlines += begin[at] == '\n' ? 1 : 0;
  return newlines;
}

}  // namespace

ChunkSource::ChunkSource(std::istream& in) : in_(in), buffer_(kChunkBytes + 1) {
  fill();
  // nlohmann-json, the reader before, skipped a UTF-8 byte order mark; so does this one.
  if (last_ - begin_ >= 3 && std::memcmp(begin_, "\xEF\xBB\xBF", 3) == 0) begin_ += 3;
}

void ChunkSource::fill() {
  in_.read(buffer_.data(), static_cast<std::streamsize>(kChunkBytes));
  const std::size_t count = static_cast<std::size_t>(in_.gcount());
  begin_ = buffer_.data();
  if (count < kChunkBytes) {
    end_of_input_ = true;
    buffer_[count] = '\0';
    last_ = buffer_.data() + count;
  } else {
    last_ = buffer_.data() + count - 1;
  }
}

ChunkSource::Span ChunkSource::next_chunk() {
  if (end_of_input_) return {last_, last_};
  const std::size_t count = static_cast<std::size_t>(last_ - buffer_.data()) + 1;
  const char* const begin = buffer_.data();
  const std::size_t newlines = count_newlines(begin, count);
  if (newlines != 0) {
    lines_before_ += newlines;
    const char* const newline = static_cast<const char*>(memrchr(begin, '\n', count));
    last_newline_before_ = consumed_ + static_cast<std::size_t>(newline - begin) + 1;
  }
  consumed_ += count;
  fill();
  return span();
}

ChunkSource::Span ChunkStream::after(ChunkSource& source, const char* last) {
  return source.at_end(last) ? ChunkSource::Span{last, last} : source.next_chunk();
}

void ChunkStream::skip_whitespace() {
  for (;;) {
#if defined(RAPIDJSON_SSE2)
    current_ = rapidjson::SkipWhitespace_SIMD(current_, last_);
#else
    current_ = rapidjson::SkipWhitespace(current_, last_);
#endif
    if (current_ < last_ || !is_json_whitespace(*current_)) return;
    set(source_->next_chunk());  // last_ is whitespace, so not the '\0' at the end
  }
}

Position ChunkSource::position_of(std::size_t offset) const {
  const char* const begin = buffer_.data();
  std::size_t line = lines_before_ + 1;
  std::size_t line_start = last_newline_before_;
  if (offset > consumed_) {
    const std::size_t in_chunk = std::min(offset - consumed_, static_cast<std::size_t>(last_ - begin) + 1);
    line += count_newlines(begin, in_chunk);
    const void* newline = in_chunk == 0 ? nullptr : memrchr(begin, '\n', in_chunk);
    if (newline != nullptr) line_start = consumed_ + static_cast<std::size_t>(static_cast<const char*>(newline) - begin) + 1;
  }
  return {line, offset >= line_start ? offset - line_start + 1 : 1};
}

void fail_parse(const ChunkSource& input, rapidjson::ParseResult result, const std::string& source,
                const std::string& hint) {
  const Position at = input.position_of(result.Offset());
  std::string what = rapidjson::GetParseError_En(result.Code());
  if (!what.empty() && what.back() == '.') what.pop_back();
  throw util::InputError({source}, fmt::format("parse error at line {}, column {}: syntax error: {}", at.line, at.column, what),
                         hint);
}

void fail_nul(const ChunkSource& input, const ChunkStream& stream, const std::string& source) {
  throw util::InputError({source, input.position_of(stream.Tell()).line, 0},
                         "binary data (a NUL byte): not a text or JSON profile",
                         "give the profiler's text output or metrics JSON; compressed or binary files cannot be read");
}

void fail_encoding(const ChunkSource& input, std::size_t offset, const std::string& source, const std::string& hint) {
  const Position at = input.position_of(offset);
  throw util::InputError({source},
                         fmt::format("parse error at line {}, column {}: syntax error: invalid string: ill-formed UTF-8 "
                                     "or an unpaired \\uDC00-\\uDFFF escape before this point",
                                     at.line, at.column),
                         hint);
}

namespace {

// A RapidJSON input stream over a decoded string, '\0' past its end (never valid there).
struct ViewStream {
  using Ch = char;
  const char* current;
  const char* end;
  Ch Take() { return current < end ? *current++ : '\0'; }
};

struct NoOutput {
  void Put(char) {}
};

}  // namespace

bool is_utf8(std::string_view text) {
  // ASCII, the common case: 8 bytes at a time, the tail as one more (overlapping) word;
  // shorter texts (most keys) as two overlapping 4-byte words.
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::uint64_t high = 0;
  if (size >= 8) {
    std::uint64_t word;
    for (std::size_t at = 0; at + 8 <= size; at += 8) {
      std::memcpy(&word, data + at, 8);
      high |= word;
    }
    std::memcpy(&word, data + size - 8, 8);
    high |= word;
  } else if (size >= 4) {
    std::uint32_t first;
    std::uint32_t last;
    std::memcpy(&first, data, 4);
    std::memcpy(&last, data + size - 4, 4);
    high = first | last;
  } else {
    for (std::size_t at = 0; at < size; ++at) high |= static_cast<unsigned char>(data[at]);
  }
  if ((high & 0x8080808080808080u) == 0) return true;
  ViewStream in{text.data(), text.data() + text.size()};
  NoOutput out;
  while (in.current < in.end) {
    if (!rapidjson::UTF8<>::Validate(in, out)) return false;
  }
  return true;
}

}  // namespace zkgate::gate::json_sax
