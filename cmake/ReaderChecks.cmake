# Checks of the workbook reader beyond its unit tests.
#
# METODMON_FUZZ=ON (clang only): the libFuzzer target `xlsx_reader_fuzz`,
# built from the reader's core sources with -fsanitize=fuzzer,address,undefined.
# The core is compiled here directly (not linked from metodmon_ingest) so that
# libFuzzer's coverage instrumentation reaches it. workbook.cpp and the form
# reader are left out: they use std::expected, which clang 14 cannot compile
# with libstdc++ 12. Run it with scripts/fuzz.sh.
#
# The sanitizer run of the corpus test uses the top-level METODMON_SANITIZE
# option; scripts/corpus_asan.sh configures and runs it.
option(METODMON_FUZZ "Build the libFuzzer target for the xlsx reader (clang only)" OFF)

if(METODMON_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "METODMON_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(reader_core
    ${PROJECT_SOURCE_DIR}/src/ingest/read_error.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/zip_archive.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/xml_reader.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/xml_text.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/shared_strings.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/styles.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/sheet_reader.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/package_rels.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/workbook_part.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/xlsx_reader.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/workbook_model.cpp
    ${PROJECT_SOURCE_DIR}/src/ingest/name_formula.cpp
    ${PROJECT_SOURCE_DIR}/src/model/cell_ref.cpp
    ${PROJECT_SOURCE_DIR}/src/util/text_case.cpp
    ${PROJECT_SOURCE_DIR}/src/util/utf8.cpp)
  add_executable(xlsx_reader_fuzz ${PROJECT_SOURCE_DIR}/src/ingest/xlsx_reader_fuzz.cpp ${reader_core})
  target_include_directories(xlsx_reader_fuzz PRIVATE ${PROJECT_SOURCE_DIR}/src)
  set_target_properties(xlsx_reader_fuzz PROPERTIES CXX_STANDARD 23 CXX_STANDARD_REQUIRED ON)
  set(fuzz_flags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(xlsx_reader_fuzz PRIVATE ${fuzz_flags} -g -O1)
  target_link_options(xlsx_reader_fuzz PRIVATE ${fuzz_flags})
  target_link_libraries(xlsx_reader_fuzz PRIVATE PkgConfig::LIBZIP PkgConfig::EXPAT project_warnings)
endif()
