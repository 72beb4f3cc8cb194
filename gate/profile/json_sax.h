#pragma once

#include <cstddef>
#include <exception>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

// RapidJSON's SSE2 whitespace skip (every x86-64 has SSE2); elsewhere its byte loop.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/reader.h>

// JSON profiles read as SAX events with RapidJSON's Reader through a fixed-size chunk
// buffer: memory holds one chunk and what the handler keeps, never the document.
// nlohmann-json's lexer, used before, reads a byte at a time and copies every byte into two
// token buffers (~60 instructions per input byte); this reads ~5 per byte.
namespace zkgate::gate::json_sax {

// A RapidJSON input stream over a std::istream, 64 KiB at a time. RapidJSON takes '\0' as
// the end of the input; a NUL byte in the data is told apart by at_nul(). Newlines are
// counted per chunk so an error offset can be turned into a line and column.
class ChunkStream {
 public:
  using Ch = char;

  explicit ChunkStream(std::istream& in);
  ChunkStream(const ChunkStream&) = delete;
  ChunkStream& operator=(const ChunkStream&) = delete;

  Ch Peek() const { return *current_; }
  Ch Take() {
    const Ch c = *current_;
    if (current_ < last_) {
      ++current_;
    } else {
      next_chunk();
    }
    return c;
  }
  std::size_t Tell() const { return consumed_ + static_cast<std::size_t>(current_ - buffer_.data()); }

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

  // True when the stream stopped at a NUL byte of the data rather than at its end.
  bool at_nul() const { return *current_ == '\0' && !(end_of_input_ && current_ == last_); }

  struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
  };
  // Line and column (1-based) of `offset`, which must not lie before the current chunk
  // by more than the part of a string (strings hold no raw newline), as RapidJSON's error
  // offsets never do.
  Position position_of(std::size_t offset) const;

 private:
  void next_chunk();
  void fill();

  std::istream& in_;
  std::vector<char> buffer_;
  const char* current_ = nullptr;
  const char* last_ = nullptr;  // the last readable byte: data, or the '\0' after the end
  std::size_t consumed_ = 0;    // bytes of the chunks before this one
  bool end_of_input_ = false;
  std::size_t lines_before_ = 0;          // newlines in the chunks before this one
  std::size_t last_newline_before_ = 0;   // 1 + offset of the last of them, 0 when none
};

// ADL finds this for RapidJSON's SkipWhitespace(is): a plain function wins over its template.
inline void SkipWhitespace(ChunkStream& stream) { stream.skip_whitespace(); }

// What a document handler receives: scalars as text (numbers exactly as written, so a
// figure over 64 bits is never rounded through a double) and container boundaries. A
// handler throws util::InputError to stop.
//   void null(); void boolean(bool); void number(std::string_view raw);
//   void string(std::string_view); void key(std::string_view);
//   void start_object(); void end_object(); void start_array(); void end_array();

// Throw util::InputError naming `source` for a syntax error ("parse error at line L,
// column C: syntax error: ..." with `hint`), a string that is not UTF-8 or a NUL byte (its line).
[[noreturn]] void fail_parse(const ChunkStream& stream, rapidjson::ParseResult result, const std::string& source,
                             const std::string& hint);
[[noreturn]] void fail_nul(const ChunkStream& stream, const std::string& source);
[[noreturn]] void fail_encoding(const ChunkStream& stream, const std::string& source, const std::string& hint);

// A decoded string is checked rather than every byte as it is read (RapidJSON's
// kParseValidateEncodingFlag costs ~8 instructions per byte): this also catches an escaped
// lone low surrogate (\uDC00-\uDFFF), which RapidJSON decodes to ED B0-BF xx, not UTF-8.
bool is_utf8(std::string_view text);

template <typename Handler>
class Adapter : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Adapter<Handler>> {
 public:
  Adapter(Handler& handler, const ChunkStream& stream, const std::string& source, const std::string& hint)
      : handler_(handler), stream_(stream), source_(source), hint_(hint) {}

  bool Null() {
    return call([this] { handler_.null(); });
  }
  bool Bool(bool value) {
    return call([&] { handler_.boolean(value); });
  }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    return call([&] { handler_.number(std::string_view(text, length)); });
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return call([&] { handler_.string(checked(text, length)); });
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    return call([&] { handler_.key(checked(text, length)); });
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

  std::string_view checked(const char* text, rapidjson::SizeType length) const {
    const std::string_view view(text, length);
    if (!is_utf8(view)) fail_encoding(stream_, source_, hint_);
    return view;
  }

  Handler& handler_;
  const ChunkStream& stream_;
  const std::string& source_;
  const std::string& hint_;
  std::exception_ptr error_;
};

// Reads one JSON document from `in` into `handler`; throws util::InputError (see
// fail_parse) or whatever the handler threw.
template <typename Handler>
void read(std::istream& in, const std::string& source, const std::string& hint, Handler& handler) {
  // Iterative: nesting depth costs heap, not stack. Numbers as written: see Handler.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  ChunkStream stream(in);
  Adapter<Handler> adapter(handler, stream, source, hint);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, adapter);
  if (adapter.error()) std::rethrow_exception(adapter.error());
  if (stream.at_nul()) fail_nul(stream, source);
  if (result.IsError()) fail_parse(stream, result, source, hint);
}

}  // namespace zkgate::gate::json_sax
