# cmake/langid.cmake — language identification. The model reader is our own code
# (src/core/lang_id.cpp): nothing third-party is compiled into parallax_core.
# For evaluation only, natively: px_langid_cld2 prints Debian CLD2's answer per input line
# (tests/eval/eval_langid.sh compares it with ours). Needs libcld2-dev (scripts/deps.d/langid.sh).
if(NOT EMSCRIPTEN)
  find_library(PX_CLD2_LIB NAMES cld2)
  find_path(PX_CLD2_INCLUDE NAMES cld2/public/compact_lang_det.h)
  if(PX_CLD2_LIB AND PX_CLD2_INCLUDE)
    add_executable(px_langid_cld2 EXCLUDE_FROM_ALL tests/eval/langid_cld2.cpp)
    target_include_directories(px_langid_cld2 SYSTEM PRIVATE "${PX_CLD2_INCLUDE}")
    target_link_libraries(px_langid_cld2 PRIVATE "${PX_CLD2_LIB}")
  endif()
endif()

# Speed (tests/eval/eval_langid.sh): identify() over every line of the given files, natively
# and, in the wasm build, under node (NODERAWFS reads the files from disk).
add_executable(px_langid_bench EXCLUDE_FROM_ALL tests/eval/langid_bench.cpp)
target_link_libraries(px_langid_bench PRIVATE parallax_core)
if(EMSCRIPTEN)
  target_link_options(px_langid_bench PRIVATE -sNODERAWFS=1 -sWASM_ASYNC_COMPILATION=0
                      -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
endif()
