#include "profile_test_support.h"  // first: it includes Boost.Test

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/profile/profile_json.h"

using zkgate::gate::Profile;
using zkgate::gate::parse_profile;
using zkgate::gate::parse_profile_text;
using namespace zkgate::test;

namespace {

std::string text_error(const std::string& text, const std::string& format) {
  try {
    parse_profile_text(text, "doc.json", format);
  } catch (const zkgate::util::InputError& error) {
    return error.describe();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_formats)

// The OpenVM reader sees the document as SAX events; these pin what it makes of unusual
// but valid JSON: the last ["group", name] label wins, labels that are not exactly a
// [string, string] pair are ignored, a later duplicate key replaces the earlier one, and
// entries two levels down count wherever they are.
BOOST_AUTO_TEST_CASE(openvm_entries_labels_and_duplicate_keys) {
  const std::string text = R"({"gauge": [
    {"metric": "total_cycles", "labels": [["group", "a"], ["group", {"x": [1]}], [["group"], "b"]], "value": "5", "value": "6"},
    {"metric": "total_cycles", "labels": [["group", "b", "c"], ["group", "b"]], "value": 7},
    {"metric": "num_segments", "labels": [{"group": "a"}], "value": "1"},
    3, "x", [{"metric": "total_cycles", "labels": [["group", "deep"]], "value": "9"}]],
    "other": {"inner": {"metric": "total_cycles", "labels": [["air", "q"], ["group", "o"]], "value": "2"}}})";
  const Profile p = parse_profile_text(text, "doc.json", "openvm-metrics");
  BOOST_TEST(p.total == 6u + 7u + 2u);
  BOOST_TEST_REQUIRE(p.functions.size() == 3u);
  BOOST_TEST(p.functions[0].name == "a");
  BOOST_TEST(p.functions[0].steps.value() == 6u);
  BOOST_TEST(p.functions[1].name == "b");
  BOOST_TEST(p.functions[2].name == "o");
  BOOST_TEST(p.metadata.at("group.a.total_cycles_entries") == "1");
}

BOOST_AUTO_TEST_CASE(openvm_value_errors_quote_the_value) {
  const std::string structured =
      R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "value": [1, {"k": "v"}, null]}]})";
  BOOST_TEST(text_error(structured, "openvm-metrics").find(R"(has value [1,{"k":"v"},null], expected an unsigned)") !=
             std::string::npos);
  const std::string negative = R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "value": -4}]})";
  BOOST_TEST(text_error(negative, "openvm-metrics").find("has value -4,") != std::string::npos);
  const std::string metric_not_string = R"({"counter": [{"metric": 1, "labels": [], "value": "1"}]})";
  BOOST_TEST(text_error(metric_not_string, "openvm-metrics").find("metric entry 1 lacks") != std::string::npos);
  const std::string root_array = R"([[{"metric": "x", "labels": [], "value": "1"}]])";
  BOOST_TEST(text_error(root_array, "openvm-metrics").find("no \"counter\" or \"gauge\" list") != std::string::npos);
  const std::string cut = R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "val)";
  BOOST_TEST(text_error(cut, "openvm-metrics").find("doc.json: parse error at line 1, column 73: syntax error") == 0u);
  const std::string labels_object = R"({"counter": [{"metric": "x", "labels": {"group": "a"}, "value": "1"}]})";
  BOOST_TEST(text_error(labels_object, "openvm-metrics").find("metric entry 1 lacks") != std::string::npos);
}

// The JSON readers see the document through a 64 KiB chunk buffer (json_sax): what that
// must not change. Files over 1 MiB take the streamed path (parse_profile reads the first MiB
// whole), so these cross many chunk boundaries.
namespace {

const std::string kEntry = R"({"metric": "total_cycles", "labels": [["group", "g"]], "value": "1"})";

// A metrics document of about `bytes`, one entry per line, with `last` as the final entry.
std::string metrics_of_size(std::size_t bytes, const std::string& last) {
  std::string text = "{\"counter\": [\n";
  while (text.size() < bytes) text += kEntry + ",\n";
  return text + last + "]}\n";
}

std::string file_error(const TempDir& dir, const std::string& text, const std::string& format) {
  zkgate::util::atomic_write_file(dir.path / "doc.json", text);
  return parse_error_of(dir.path / "doc.json", format);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(json_errors_name_their_line_and_column_across_chunks, TempDir) {
  const std::string big = metrics_of_size(3 << 20, R"({"metric": "x", "labels": [], "value": tru})");
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(big.begin(), big.end(), '\n')) - 1;
  const std::string error = file_error(*this, big, "openvm-metrics");
  // Column 43: RapidJSON stops after "tru", at the '}'.
  BOOST_TEST(error.find("doc.json: parse error at line " + std::to_string(line) + ", column 43: syntax error") != std::string::npos,
             error);
  // The same document without the bad entry: every entry counted.
  const std::string good = metrics_of_size(3 << 20, kEntry);
  zkgate::util::atomic_write_file(path / "doc.json", good);
  const std::size_t entries = static_cast<std::size_t>(std::count(good.begin(), good.end(), '\n')) - 1;
  BOOST_TEST(parse_profile(path / "doc.json", "openvm-metrics").total == entries);
}

BOOST_FIXTURE_TEST_CASE(json_nul_bytes_past_the_first_mebibyte_are_refused_with_their_line, TempDir) {
  const std::string big = metrics_of_size(2 << 20, kEntry);
  const std::size_t lines = static_cast<std::size_t>(std::count(big.begin(), big.end(), '\n'));
  // After the document: nlohmann-json, the reader before, took a NUL for the end of the input.
  BOOST_TEST(file_error(*this, big + std::string("\0junk", 5), "openvm-metrics").find("doc.json:" + std::to_string(lines + 1) + ": binary data") !=
             std::string::npos);
  std::string inside = big;
  inside.insert(inside.size() - 40, 1, '\0');
  BOOST_TEST(file_error(*this, inside, "openvm-metrics").find(": binary data (a NUL byte)") != std::string::npos);
}

// Strings, escapes, numbers and literals cut by the 64 KiB chunk boundary at every offset.
BOOST_AUTO_TEST_CASE(json_tokens_across_the_chunk_boundary) {
  const std::string entry =
      R"({"metric": "total_cycles", "labels": [["group", "a\"\uD83D\uDE00\u00e9\n"]], "value": 18446744073709551615, "x": [true, null, false, -1.5e-3]})";
  for (std::size_t shift = 0; shift < entry.size(); ++shift) {
    const std::string head = "{\"counter\": [";
    const std::string text = head + std::string(65536 - head.size() - shift, ' ') + entry + "]}";
    BOOST_TEST_CONTEXT("shift " << shift) {
      const Profile p = parse_profile_text(text, "doc.json", "openvm-metrics");
      BOOST_TEST(p.functions.at(0).name == "a\"\xF0\x9F\x98\x80\xC3\xA9\n");
      BOOST_TEST(p.total == UINT64_MAX);
    }
  }
}

// json_sax copies a string's plain bytes 16 at a time up to the chunk's last byte and skips
// short whitespace gaps inline: a quote, an escape, a control byte or a non-ASCII byte at any
// position of a 16-byte block, on either side of the 64 KiB boundary, and gaps of every
// length across it, must read as RapidJSON's byte loop reads them.
BOOST_AUTO_TEST_CASE(json_long_strings_and_gaps_across_the_chunk_boundary) {
  const std::string plain = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";  // 40 bytes
  const std::string head = "{\"counter\": [{\"metric\": \"total_cycles\", \"value\": \"1\", \"labels\": [[\"group\", \"";
  for (const std::size_t shift : {0, 1, 7, 15, 16, 17, 31, 39}) {
    for (const std::size_t at : {0, 1, 15, 16, 17, 39}) {
      const std::string padding(65536 - head.size() - shift, ' ');
      const auto name_of = [&](const std::string& special) {
        const std::string text = "{" + padding + head.substr(1) + plain.substr(0, at) + special + plain.substr(at) + "\"]]}]}";
        return parse_profile_text(text, "doc.json", "openvm-metrics").functions.at(0).name;
      };
      BOOST_TEST_CONTEXT("shift " << shift << ", special byte at " << at) {
        BOOST_TEST(name_of("") == plain);
        BOOST_TEST(name_of("\\\"") == plain.substr(0, at) + "\"" + plain.substr(at));
        BOOST_TEST(name_of("\\n\\u00e9") == plain.substr(0, at) + "\n\xC3\xA9" + plain.substr(at));
        BOOST_TEST(name_of("\xC3\xA9\x7F") == plain.substr(0, at) + "\xC3\xA9\x7F" + plain.substr(at));
        const std::string raw_control = "{" + padding + head.substr(1) + plain.substr(0, at) + "\x01" + plain + "\"]]}]}";
        const std::size_t column = raw_control.find('\x01') + 1;
        BOOST_TEST(text_error(raw_control, "openvm-metrics").find("doc.json: parse error at line 1, column " + std::to_string(column) + ":") == 0u);
      }
    }
  }
  for (std::size_t length = 0; length <= 40; ++length) {
    for (const std::size_t shift : {0, 5, 16, 33}) {
      std::string gap;
      for (std::size_t i = 0; i < length; ++i) gap += " \n\t\r"[i % 4];
      const std::string text = "{\"counter\":" + std::string(65536 - 11 - shift, ' ') + "[" + gap + "{" + gap + "\"metric\"" + gap + ":" +
                               gap + "\"total_cycles\"," + gap + "\"labels\": [[\"group\", \"g\"]], \"value\": \"7\"" + gap + "}" + gap +
                               "]" + gap + "}" + gap;
      BOOST_TEST_CONTEXT("gap " << length << ", shift " << shift) {
        BOOST_TEST(parse_profile_text(text, "doc.json", "openvm-metrics").total == 7u);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(json_strings_must_be_utf8) {
  const auto with_group = [](const std::string& group) {
    return R"({"counter": [{"metric": "total_cycles", "labels": [["group", ")" + group + R"("]], "value": "5"}]})";
  };
  BOOST_TEST(parse_profile_text(with_group("caf\xC3\xA9 \\u00e9 \\uD83D\\uDE00"), "doc.json", "openvm-metrics").functions.at(0).name ==
             "caf\xC3\xA9 \xC3\xA9 \xF0\x9F\x98\x80");
  for (const std::string bad : {"\xFF", "\xC3(", "\xED\xA0\x80", "\xC0\xAF", "\\uDC00", "\\uD800x", "\xF4\x90\x80\x80", "a\xC3"}) {
    BOOST_TEST(text_error(with_group(bad), "openvm-metrics").find("doc.json: parse error at line 1") == 0u, bad);
  }
  // Keys and strings nobody reads are checked too.
  BOOST_TEST(!text_error(R"({"counter": [], "x\uDFFF": 1})", "openvm-metrics").empty());
  // A UTF-8 byte order mark is skipped, as nlohmann-json did.
  BOOST_TEST(parse_profile_text("\xEF\xBB\xBF" + with_group("a"), "doc.json", "openvm-metrics").total == 5u);
}

BOOST_AUTO_TEST_CASE(json_values_are_read_as_written) {
  const auto with_value = [](const std::string& value) {
    return R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "value": )" + value + "}]}";
  };
  BOOST_TEST(parse_profile_text(with_value("18446744073709551615"), "doc.json", "openvm-metrics").total == UINT64_MAX);
  // Never rounded through a double: one past 2^64 - 1 is refused, as are a fraction and an exponent.
  BOOST_TEST(text_error(with_value("18446744073709551616"), "openvm-metrics").find("has value 1.8446744073709552e+19,") !=
             std::string::npos);
  BOOST_TEST(text_error(with_value("1.0"), "openvm-metrics").find("has value 1.0,") != std::string::npos);
  BOOST_TEST(text_error(with_value("1e3"), "openvm-metrics").find("has value 1000.0,") != std::string::npos);
  BOOST_TEST(text_error(with_value("true"), "openvm-metrics").find("has value true,") != std::string::npos);
  BOOST_TEST(text_error(with_value("\"1.5\""), "openvm-metrics").find("has value \"1.5\",") != std::string::npos);
  BOOST_TEST(text_error(with_value("01"), "openvm-metrics").find("parse error at line 1") != std::string::npos);
  // Past a double's range: a syntax error, as nlohmann-json's "number overflow" was for OpenVM
  // (for zkgate JSON it threw out_of_range, not an input error).
  for (const std::string huge : {"1.8e308", "1.7976931348623159e308", "-2e308", "1e400"}) {
    BOOST_TEST(text_error(with_value(huge), "openvm-metrics").find("doc.json: parse error at line 1, column ") == 0u, huge);
    BOOST_TEST(text_error(with_value(huge), "openvm-metrics").find("Number too big") != std::string::npos, huge);
  }
  const std::string head = R"({"schema": "zkgate-profile/1", "format": "x", )";
  BOOST_TEST(text_error(head + R"("total": 1.8e308, "functions": []})", "zkgate-json").find("Number too big") != std::string::npos);
  BOOST_TEST(text_error(head + R"("total": 1e300, "functions": []})", "zkgate-json").find("/total: expected an unsigned integer") !=
             std::string::npos);
  BOOST_TEST(text_error(head + R"("total": 1, "metadata": {"k": 2e300}})", "zkgate-json").find("/metadata/k: expected a string") !=
             std::string::npos);
}

// Nesting costs heap, not stack: a million brackets are a syntax error, not a crash, and
// a million-deep "value" is named, not quoted (quoting it recursed once per level).
BOOST_AUTO_TEST_CASE(json_deep_nesting_is_refused_without_recursion) {
  const std::string deep = R"({"counter": )" + std::string(1000000, '[');
  BOOST_TEST(text_error(deep, "openvm-metrics").find("doc.json: parse error at line 1, column 1000013: syntax error") == 0u,
             text_error(deep, "openvm-metrics"));
  const std::string entry = R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "value": )";
  const std::string nested = entry + std::string(1000000, '[') + std::string(1000000, ']') + "}]}";
  BOOST_TEST(text_error(nested, "openvm-metrics").find("has value (an array or object too deep or too large to quote)") !=
             std::string::npos);
  std::string wide = entry + "[1";
  for (int i = 0; i < 5000; ++i) wide += ",1";
  BOOST_TEST(text_error(wide + "]}]}", "openvm-metrics").find("has value (an array or object too deep or too large to quote)") !=
             std::string::npos);
  const std::string zkgate = R"({"schema": "zkgate-profile/1", "format": "f", "total": 1, "x": )" + std::string(1000000, '[') +
                             std::string(1000000, ']') + R"(, "metadata": {"k": "v"}})";
  BOOST_TEST(parse_profile_text(zkgate, "doc.json", "zkgate-json").metadata.at("k") == "v");
}

// zkgate JSON is read with the "functions" list taken out of the DOM element by element;
// errors still come in the order the whole-document reader gives them.
BOOST_AUTO_TEST_CASE(zkgate_json_streamed_functions_keep_the_error_order) {
  const std::string head = R"({"schema": "zkgate-profile/1", "format": "ziskemu", "total": 10, )";
  const Profile p = parse_profile_text(head + R"("functions": [{"name": "a", "steps": 4}, {"name": "b"}]})", "doc.json",
                                       "zkgate-json");
  BOOST_TEST_REQUIRE(p.functions.size() == 2u);
  BOOST_TEST(p.functions[0].steps.value() == 4u);
  // A later duplicate key replaces the list, and its elements are numbered from 0.
  const std::string duplicate = head + R"("functions": [{"name": "a"}, {"name": "b"}], "functions": [{"steps": 1}]})";
  BOOST_TEST(text_error(duplicate, "zkgate-json").find("/functions/0: missing required key \"name\"") != std::string::npos,
             text_error(duplicate, "zkgate-json"));
  const std::string replaced = head + R"("functions": [{"steps": 1}], "functions": [{"name": "c"}]})";
  BOOST_TEST(parse_profile_text(replaced, "doc.json", "zkgate-json").functions.at(0).name == "c");
  // A bad key before the list wins over a bad function; a bad function wins over metadata.
  const std::string bad_total = R"({"schema": "zkgate-profile/1", "format": "x", "total": -1, "functions": [{}]})";
  BOOST_TEST(text_error(bad_total, "zkgate-json").find("/total: expected an unsigned integer") != std::string::npos);
  const std::string bad_both = head + R"("functions": [{"name": "a"}, {"name": 3}], "metadata": {"k": 1}})";
  BOOST_TEST(text_error(bad_both, "zkgate-json").find("/functions/1/name: expected a string") != std::string::npos,
             text_error(bad_both, "zkgate-json"));
  const std::string not_a_list = head + R"("functions": {"name": "a"}})";
  BOOST_TEST(text_error(not_a_list, "zkgate-json").find("/functions: expected an array") != std::string::npos);
}

// The streamed reader applies the same field rules as the whole-document one
// (profile_from_json over nlohmann's DOM): same profile or same message, whatever the
// order of the keys in the document.
BOOST_AUTO_TEST_CASE(zkgate_json_streamed_and_dom_readers_agree) {
  const std::string head = R"({"schema": "zkgate-profile/1", "format": "ziskemu", "total": 10, "functions": [)";
  const std::vector<std::string> functions = {
      R"({"name": "a", "steps": 4, "cost": 5, "calls": 1, "self_steps": 2, "self_cost": 3, "rank_by_steps": 1,
          "rank_by_cost": 2, "depth": -2, "parent": "p", "opcodes": [{"name": "OP add", "count": 3, "cost": 9,
          "precompile": true}, {"count": 1, "name": "b", "precompile": null}], "callers": [{"name": "c", "calls": 2}]})",
      R"({"steps": "x", "name": 3})",          // name is checked first
      R"({"steps": -1, "name": "a"})",
      R"({"name": "a", "steps": -0, "depth": 5000000000})",
      R"({"name": "a", "depth": null})",
      R"({"name": "a", "depth": 1.5})",
      R"({"name": "a", "rank_by_cost": 4294967296})",
      R"({"name": "a", "steps": 1.0})",
      R"({"name": "a", "steps": 18446744073709551616})",
      R"({"name": "a", "parent": null, "opcodes": null, "callers": null})",
      R"({"name": "a", "opcodes": {"name": "x"}})",
      R"({"name": "a", "opcodes": [{"name": "x", "count": 1}, 7]})",
      R"({"name": "a", "opcodes": [{"name": "x", "count": 1}, {"name": "y"}], "steps": "late"})",
      R"({"name": "a", "callers": [{"name": "x", "calls": -1}], "opcodes": [{"count": 1}]})",
      R"({"name": "a", "opcodes": [{"name": "x"}], "opcodes": [{"name": "y", "count": 2}]})",
      R"({"name": "a", "opcodes": [{"name": "x", "count": 1}], "opcodes": null})",
      R"({"name": "a", "name": null})",
      R"({"name": "a", "unknown": [{"name": 1}], "callers": [{"name": "x", "extra": {"deep": [1]}}]})",
      R"({"name": "a", "opcodes": [{"name": "x", "count": 1, "precompile": "yes"}]})",
      R"({"name": "a", "callers": [[{"name": "x"}]]})",
      R"([{"name": "a"}])",
      R"("a")",
      R"({"name": "caf\u00e9", "steps": 1})",
  };
  for (const std::string& function : functions) {
    for (const std::string& text : {head + function + "]}", head + R"({"name": "ok"}, )" + function + R"(, {"name": 1}]})",
                                    head + function + R"(], "metadata": {"k": 1}})", head + function + R"(], "total": "x"})"}) {
      BOOST_TEST_CONTEXT(text) {
        std::string dom;
        zkgate::gate::Profile expected;
        try {
          expected = zkgate::gate::profile_from_json(nlohmann::json::parse(text), "doc.json");
        } catch (const zkgate::util::InputError& error) {
          dom = error.describe();
        }
        BOOST_TEST(text_error(text, "zkgate-json") == dom);
        if (dom.empty()) BOOST_TEST((parse_profile_text(text, "doc.json", "zkgate-json") == expected));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
