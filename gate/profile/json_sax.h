#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// RapidJSON's SSE2 whitespace skip (every x86-64 has SSE2); elsewhere its byte loop.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
// RapidJSON 1.1.0's Stack::Reserve computes `stackTop_ + n` while its stack is still a null
// pointer (harmless, fixed upstream after 1.1.0, the version Debian ships); clang's UBSan
// reports it as pointer overflow. The check is switched off for RapidJSON's own functions
// only, so zkgate's code stays fully checked.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((no_sanitize("pointer-overflow"))), apply_to = function)
#endif
#include <rapidjson/reader.h>
#if defined(__clang__)
#pragma clang attribute pop
#endif

// JSON profiles read as SAX events with RapidJSON's Reader through a fixed-size chunk
// buffer: memory holds one chunk and what the handler keeps, never the document.
// nlohmann-json's lexer, used before, reads a byte at a time and copies every byte into two
// token buffers (~60 instructions per input byte); this reads ~5 per byte.
namespace zkgate::gate::json_sax {

struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};

// A std::istream read 64 KiB at a time, a '\0' after the last byte. Newlines are counted per
// chunk so an error offset can be turned into a line and column.
class ChunkSource {
 public:
  explicit ChunkSource(std::istream& in);
  ChunkSource(const ChunkSource&) = delete;
  ChunkSource& operator=(const ChunkSource&) = delete;

  // The readable bytes of the current chunk: [current, last], `last` the final data byte
  // or the '\0' after the end of the input.
  struct Span {
    const char* current;
    const char* last;
  };
  Span span() const { return {begin_, last_}; }
  // Moves on to the next chunk; at the end of the input, stays on the '\0'.
  Span next_chunk();
  bool at_end(const char* at) const { return end_of_input_ && at == last_; }
  std::size_t offset_of(const char* at) const { return consumed_ + static_cast<std::size_t>(at - buffer_.data()); }
  // Line and column (1-based) of `offset`, which must not lie before the current chunk
  // by more than the part of a string (strings hold no raw newline), as RapidJSON's error
  // offsets never do.
  Position position_of(std::size_t offset) const;

 private:
  void fill();

  std::istream& in_;
  std::vector<char> buffer_;
  const char* begin_ = nullptr;  // after a byte order mark, in the first chunk
  const char* last_ = nullptr;
  std::size_t consumed_ = 0;     // bytes of the chunks before this one
  bool end_of_input_ = false;
  std::size_t lines_before_ = 0;          // newlines in the chunks before this one
  std::size_t last_newline_before_ = 0;   // 1 + offset of the last of them, 0 when none
};

// The RapidJSON input stream: a cursor into a ChunkSource's current chunk. RapidJSON takes
// '\0' as the end of the input; a NUL byte in the data is told apart by at_nul(). Cheap
// to copy (StreamTraits below): RapidJSON then reads strings and numbers through a local
// copy whose cursor stays in registers, rather than reloading it after every byte it
// stores (a char store may alias anything).
class ChunkStream {
 public:
  using Ch = char;

  explicit ChunkStream(ChunkSource& source) : source_(&source) { set(source.span()); }

  Ch Peek() const { return *current_; }
  RAPIDJSON_FORCEINLINE Ch Take() {
    const Ch c = *current_;
    if (current_ < last_) {
      ++current_;
    } else {
      set(after(*source_, current_));
    }
    return c;
  }
  std::size_t Tell() const { return source_->offset_of(current_); }

  // The rest of RapidJSON's stream concept: writing is only for parsing in place, which a
  // read-only stream is never used for (read() does not pass kParseInsituFlag).
  Ch* PutBegin() {
    RAPIDJSON_ASSERT(false);
    return nullptr;
  }
  void Put(Ch) { RAPIDJSON_ASSERT(false); }
  void Flush() { RAPIDJSON_ASSERT(false); }
  std::size_t PutEnd(Ch*) {
    RAPIDJSON_ASSERT(false);
    return 0;
  }

  // RapidJSON's whitespace skip, over the buffer rather than through Take().
  void skip_whitespace();
  // A pretty-printed document's usual gap, a newline and a short indent, skipped inline;
  // false when the gap runs on to the chunk's last byte or past 16 bytes (skip_whitespace
  // then takes over).
  bool skip_short_whitespace() {
    const char* p = current_;
#if defined(__SSE2__)
    if (last_ - p >= 16) {  // one 16-byte test: the first byte that is not whitespace
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i blank =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
                       _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t'))));
      const unsigned words = ~static_cast<unsigned>(_mm_movemask_epi8(blank)) & 0xffffu;
      if (words == 0) {
        current_ = p + 16;
        return false;
      }
      current_ = p + std::countr_zero(words);
      return true;
    }
#endif
    const char* const stop = p + std::min<std::ptrdiff_t>(16, last_ - p);
    while (p < stop && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    current_ = p;
    return p < stop;
  }

  // The run of plain string bytes at the cursor (none of '"', '\\' or a byte below 0x20),
  // up to but not including the chunk's last byte, which Take() steps over into the next
  // chunk, appended to RapidJSON's string buffer in one copy. RapidJSON's own loop then
  // reads whatever ends the run, byte by byte, as it reads every byte without this.
  template <typename Output>
  void copy_plain_run(Output& out) {
    const char* p = current_;
    const char* const end = last_;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1f);  // s <= 0x1f unsigned <=> max(s, 0x1f) == 0x1f
    for (; end - p >= 16; p += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
                                           _mm_cmpeq_epi8(_mm_max_epu8(bytes, control), control));
      const unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(special));
      if (hits != 0) {
        p += std::countr_zero(hits);
        return append(out, p);
      }
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
    append(out, p);
  }

  // True when the stream stopped at a NUL byte of the data rather than at its end.
  bool at_nul() const { return *current_ == '\0' && !source_->at_end(current_); }

 private:
  // Out of line and static: the cursor's address never escapes, so it can live in registers.
  static ChunkSource::Span after(ChunkSource& source, const char* last);
  template <typename Output>
  void append(Output& out, const char* run_end) {
    const std::size_t length = static_cast<std::size_t>(run_end - current_);
    if (length == 0) return;
    std::memcpy(out.Push(static_cast<rapidjson::SizeType>(length)), current_, length);
    current_ = run_end;
  }
  void set(ChunkSource::Span span) {
    current_ = span.current;
    last_ = span.last;
  }

  const char* current_ = nullptr;
  const char* last_ = nullptr;
  ChunkSource* source_;
};

}  // namespace zkgate::gate::json_sax

namespace rapidjson {
template <>
struct StreamTraits<zkgate::gate::json_sax::ChunkStream> {
  enum { copyOptimization = 1 };
};

// RapidJSON's hook for copying a string's plain bytes in bulk: it fills it in for its own
// in-memory streams only, and otherwise moves a string one byte at a time through Peek(),
// Take() and a push onto its stack (~30% of the instructions of a zkgate JSON parse).
template <>
template <>
inline void GenericReader<UTF8<>, UTF8<>, CrtAllocator>::ScanCopyUnescapedString(
    zkgate::gate::json_sax::ChunkStream& in, StackStream<char>& out) {
  in.copy_plain_run(out);
}
}  // namespace rapidjson

namespace zkgate::gate::json_sax {

// ADL finds this for RapidJSON's SkipWhitespace(is): a plain function wins over its template.
// Most calls find no whitespace at all: that test stays inline.
inline void SkipWhitespace(ChunkStream& stream) {
  const char c = stream.Peek();
  if ((c == ' ' || c == '\n' || c == '\r' || c == '\t') && !stream.skip_short_whitespace()) stream.skip_whitespace();
}

// A number as read: an integer when it has no fraction or exponent and fits 64 bits
// (unsigned, or signed when negative, "-0" included), else a double (within a unit in the last place; a
// figure past a double's range is a syntax error). A figure over 2^64 - 1 is never an
// integer, so it is refused wherever one is required, never rounded into one.
struct Number {
  enum class Kind { Unsigned, Signed, Double };
  Kind kind = Kind::Unsigned;
  std::uint64_t unsigned_value = 0;
  std::int64_t signed_value = 0;
  double double_value = 0;
};

// What a document handler receives: scalars and container boundaries. A handler throws
// util::InputError to stop.
//   void null(); void boolean(bool); void number(const Number&);
//   void string(std::string_view); void key(std::string_view);
//   void start_object(); void end_object(); void start_array(); void end_array();

// Throw util::InputError naming `source` for a syntax error ("parse error at line L,
// column C: syntax error: ..." with `hint`), a string that is not UTF-8 or a NUL byte (its line).
[[noreturn]] void fail_parse(const ChunkSource& input, rapidjson::ParseResult result, const std::string& source,
                             const std::string& hint);
[[noreturn]] void fail_nul(const ChunkSource& input, const ChunkStream& stream, const std::string& source);
[[noreturn]] void fail_encoding(const ChunkSource& input, std::size_t offset, const std::string& source,
                                const std::string& hint);

// A decoded string is checked rather than every byte as it is read (RapidJSON's
// kParseValidateEncodingFlag costs ~8 instructions per byte): this also catches an escaped
// lone low surrogate (\uDC00-\uDFFF), which RapidJSON decodes to ED B0-BF xx, not UTF-8.
bool is_utf8(std::string_view text);

template <typename Handler>
class Adapter : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Adapter<Handler>> {
 public:
  explicit Adapter(Handler& handler) : handler_(handler) {}

  bool Null() {
    return call([this] { handler_.null(); });
  }
  bool Bool(bool value) {
    return call([&] { handler_.boolean(value); });
  }
  bool Uint(unsigned value) { return unsigned_number(value); }
  bool Uint64(std::uint64_t value) { return unsigned_number(value); }
  bool Int(int value) { return signed_number(value); }
  bool Int64(std::int64_t value) { return signed_number(value); }
  bool Double(double value) {
    if (!std::isfinite(value)) {  // past a double's range (RapidJSON makes it infinite)
      huge_number_ = true;
      return false;
    }
    Number number;
    number.kind = Number::Kind::Double;
    number.double_value = value;
    return call([&] { handler_.number(number); });
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view view(text, length);
    return is_utf8(view) ? call([&] { handler_.string(view); }) : not_utf8();
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view view(text, length);
    return is_utf8(view) ? call([&] { handler_.key(view); }) : not_utf8();
  }
  bool StartObject() {
    return call([this] { handler_.start_object(); });
  }
  bool EndObject(rapidjson::SizeType) {
    return call([this] { handler_.end_object(); });
  }
  bool StartArray() {
    return call([this] { handler_.start_array(); });
  }
  bool EndArray(rapidjson::SizeType) {
    return call([this] { handler_.end_array(); });
  }

  std::exception_ptr error() const { return error_; }
  // The parse stopped at a string that is not UTF-8 (RapidJSON's offset: just after it).
  bool stopped_at_bad_string() const { return bad_string_; }
  bool stopped_at_huge_number() const { return huge_number_; }

 private:
  // The handler's exception stops the parse through RapidJSON's own channel (false).
  template <typename Call>
  bool call(Call&& event) {
    try {
      event();
      return true;
    } catch (...) {
      error_ = std::current_exception();
      return false;
    }
  }

  bool unsigned_number(std::uint64_t value) {
    Number number;
    number.unsigned_value = value;
    return call([&] { handler_.number(number); });
  }
  bool signed_number(std::int64_t value) {
    Number number;
    number.kind = Number::Kind::Signed;
    number.signed_value = value;
    return call([&] { handler_.number(number); });
  }

  bool not_utf8() {
    bad_string_ = true;
    return false;
  }

  Handler& handler_;
  std::exception_ptr error_;
  bool bad_string_ = false;
  bool huge_number_ = false;
};

// Reads one JSON document from `in` into `handler`; throws util::InputError (see
// fail_parse) or whatever the handler threw.
template <typename Handler>
void read(std::istream& in, const std::string& source, const std::string& hint, Handler& handler) {
  // Iterative: nesting depth costs heap, not stack. Not kParseFullPrecisionFlag: in 1.1.0 that
  // path normalises a zero significand with clz(0) and reads "0e46" as 2.4758800785707606e+27
  // (found by fuzz_profile_openvm_metrics); the default path reads doubles to within a unit
  // in the last place, and zkgate's JSON formats hold no doubles it keeps.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag;
  ChunkSource input(in);
  ChunkStream stream(input);
  Adapter<Handler> adapter(handler);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, adapter);
  if (adapter.error()) std::rethrow_exception(adapter.error());
  if (stream.at_nul()) fail_nul(input, stream, source);
  if (adapter.stopped_at_bad_string()) fail_encoding(input, result.Offset(), source, hint);
  if (adapter.stopped_at_huge_number()) {
    fail_parse(input, rapidjson::ParseResult(rapidjson::kParseErrorNumberTooBig, result.Offset()), source, hint);
  }
  if (result.IsError()) fail_parse(input, result, source, hint);
}

}  // namespace zkgate::gate::json_sax
