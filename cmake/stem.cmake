# cmake/stem.cmake — Snowball stemmers (libstemmer_c 2.2.0, BSD) for src/core/stem.cpp.
#
# scripts/deps.d/stem.sh generates the C sources with Snowball's own compiler
# (`make dist_libstemmer_c`) into ${PX_CACHE}/src/libstemmer_c-2.2.0. We compile the runtime and
# only the UTF-8 stemmers stem.cpp lists (libstemmer_utf8.c is left out: its table would pull in
# all 29 algorithms and their bytes into the wasm).
set(PX_LIBSTEMMER_DIR "${PX_CACHE}/src/libstemmer_c-2.2.0" CACHE PATH "Snowball libstemmer_c sources")
if(NOT EXISTS "${PX_LIBSTEMMER_DIR}/runtime/api.c")
  message(FATAL_ERROR "libstemmer_c not found in ${PX_LIBSTEMMER_DIR}: run scripts/deps.sh")
endif()
# Keep in sync with kLanguages in src/core/stem.cpp.
set(PX_STEM_ALGORITHMS english german french italian spanish portuguese dutch russian swedish
                       danish norwegian finnish romanian hungarian turkish greek catalan)
set(PX_STEM_SOURCES "${PX_LIBSTEMMER_DIR}/runtime/api.c" "${PX_LIBSTEMMER_DIR}/runtime/utilities.c")
foreach(algorithm ${PX_STEM_ALGORITHMS})
  list(APPEND PX_STEM_SOURCES "${PX_LIBSTEMMER_DIR}/src_c/stem_UTF_8_${algorithm}.c")
endforeach()
add_library(px_snowball STATIC ${PX_STEM_SOURCES})
# The generated headers include "../runtime/header.h"; stem.cpp includes "src_c/stem_UTF_8_*.h".
target_include_directories(px_snowball SYSTEM PUBLIC "${PX_LIBSTEMMER_DIR}")
set_target_properties(px_snowball PROPERTIES C_STANDARD 99)
if(NOT EMSCRIPTEN)
  target_compile_options(px_snowball PRIVATE -w)
endif()
target_link_libraries(parallax_core PUBLIC px_snowball)
