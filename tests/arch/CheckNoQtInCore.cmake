# Fails when a source, header or CMakeLists.txt under ROOT includes a Qt header (<QFoo>,
# <QtFoo/...>; not "QueryErrors.hpp"), names a Qt type or macro (QString, QObject, Q_OBJECT, ...: a 'Q', a capital and a
# lower-case letter, or 'Q_' and capitals, at the start of a word), links a Qt6:: target or calls
# find_package(Qt...).
file(GLOB_RECURSE files "${ROOT}/*.hpp" "${ROOT}/*.cpp" "${ROOT}/*.h" "${ROOT}/CMakeLists.txt")
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no core files found under ${ROOT}")
endif()
set(include_qt "#include[ \t]*[<\"](Q[A-Z][A-Za-z]*[>\"]|Qt[A-Za-z]*/)")
set(qt_name "(^|[^A-Za-z0-9_])(Q[A-Z][a-z][A-Za-z0-9]*|Q_[A-Z][A-Z_]*)")
set(offenders "")
foreach(f IN LISTS files)
  file(STRINGS "${f}" hits REGEX "${include_qt}|${qt_name}|Qt6::|find_package\\(Qt")
  if(hits)
    list(APPEND offenders "${f}: ${hits}")
  endif()
endforeach()
if(offenders)
  message(FATAL_ERROR "core/ must not use Qt:\n${offenders}")
endif()
message("core is Qt-free: ${count} files checked")
