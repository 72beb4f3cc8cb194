# zkgate_embed_file(TARGET <lib> INPUT <file> SYMBOL <c++ name> NAMESPACE <ns>)
# Turns a data file (the default crypto matrix, report templates) into a C++ source
# holding it as a std::string_view, so the installed binaries need no data files.
function(zkgate_embed_file)
  cmake_parse_arguments(ARG "" "TARGET;INPUT;SYMBOL;NAMESPACE" "" ${ARGN})
  get_filename_component(input_abs "${ARG_INPUT}" ABSOLUTE)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_SYMBOL}.cc")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input_abs} -DOUTPUT=${output}
            -DSYMBOL=${ARG_SYMBOL} -DNAMESPACE=${ARG_NAMESPACE}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake"
    DEPENDS "${input_abs}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake"
    COMMENT "Embedding ${ARG_INPUT}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE "${output}")
endfunction()
