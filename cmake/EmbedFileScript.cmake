# Run by zkgate_embed_file at build time: writes INPUT as a hex byte array so any
# content (quotes, backslashes, long lines) survives without escaping rules.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
# char literals, not 0x.. ints: bytes >= 0x80 (UTF-8 text) would be narrowing errors.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE "${OUTPUT}"
"// Generated from ${INPUT}; do not edit.\n#include <string_view>\n"
"namespace ${NAMESPACE} {\n"
"static const char ${SYMBOL}_bytes[] = {${bytes} 0};\n"
"extern const std::string_view ${SYMBOL};\n"
"const std::string_view ${SYMBOL}(${SYMBOL}_bytes, ${byte_count});\n"
"}\n")
