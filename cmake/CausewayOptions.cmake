# Shared compile settings as INTERFACE targets, linked PRIVATE by every Causeway target.
add_library(causeway_warnings INTERFACE)
add_library(causeway::warnings ALIAS causeway_warnings)
target_compile_options(causeway_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference>)

add_library(causeway_options INTERFACE)
add_library(causeway::options ALIAS causeway_options)
target_compile_definitions(causeway_options INTERFACE QT_NO_KEYWORDS)
if(CAUSEWAY_SANITIZE)
  target_compile_options(causeway_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(causeway_options INTERFACE -fsanitize=address,undefined)
endif()

# causeway_module(NAME <name> SOURCES ... DEPENDS ...): one library per core folder,
# public headers under include/causeway/<name>/, alias causeway::<name>.
function(causeway_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  add_library(causeway_${name} STATIC ${ARG_SOURCES})
  add_library(causeway::${name} ALIAS causeway_${name})
  target_include_directories(causeway_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>)
  target_link_libraries(causeway_${name} PUBLIC ${ARG_DEPENDS} causeway::options
    PRIVATE causeway::warnings ${ARG_PRIVATE_DEPENDS})
  set_target_properties(causeway_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
