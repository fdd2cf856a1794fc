# Where an installed metodmon lives (Debian's layout), and the .deb that
# scripts/package.sh builds with CPack's DEB generator. Packaging files are
# in scripts/package/ (no top-level debian/: this is the upstream project).
#
#   /usr/bin/metodmon                      the program
#   /usr/share/metodmon/templates/         shipped methods and their sample registries
#   /usr/share/metodmon/demo/metodmon.toml the demo's configuration (scripts/demo.toml)
#   /usr/share/metodmon/sample_workbooks/demo/   its filled sample forms
#   /etc/metodmon/                         example configuration and registry (conffiles)
#   /lib/systemd/system/metodmon*.{service,timer}   the monthly run and the daily calendar
#   /usr/share/man/man1/metodmon.1.gz, man5/metodmon.toml.5.gz
#   /usr/share/doc/metodmon/               README, docs, copyright, changelog
#   /var/lib/metodmon/{inbox,out,state}    made by postinst, owned by the system user metodmon
#
# `cmake --install` with another prefix installs the same tree under it
# (absolute destinations aside: /etc/metodmon and /lib/systemd/system are
# where a package puts them).

set(METODMON_DATADIR "share/metodmon")
set(METODMON_DOCDIR "share/doc/metodmon")
set(METODMON_UNITDIR "/lib/systemd/system" CACHE PATH "systemd system unit folder of the package")
set(package_src ${PROJECT_SOURCE_DIR}/scripts/package)

install(TARGETS metodmon RUNTIME DESTINATION bin)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${METODMON_DATADIR}/templates
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
# The demo's configuration names its method and forms relative to itself
# (../templates, ../sample_workbooks/demo): the same file works installed.
install(FILES ${PROJECT_SOURCE_DIR}/scripts/demo.toml DESTINATION ${METODMON_DATADIR}/demo RENAME metodmon.toml)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sample_workbooks/demo/ DESTINATION ${METODMON_DATADIR}/sample_workbooks/demo)

install(FILES ${package_src}/metodmon.toml ${package_src}/schools.csv DESTINATION /etc/metodmon)

install(FILES ${PROJECT_SOURCE_DIR}/scripts/systemd/metodmon.service
              ${PROJECT_SOURCE_DIR}/scripts/systemd/metodmon.timer
              ${PROJECT_SOURCE_DIR}/scripts/systemd/metodmon-daily.service
              ${PROJECT_SOURCE_DIR}/scripts/systemd/metodmon-daily.timer
        DESTINATION ${METODMON_UNITDIR})

# Man pages and the changelog are installed compressed (gzip -9n: no name,
# no time stamp, so the package is reproducible).
find_program(GZIP_PROGRAM gzip REQUIRED)
set(compressed)
foreach(page metodmon.1 metodmon.toml.5)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/package/${page}.gz)
  add_custom_command(OUTPUT ${out}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/package
                     COMMAND ${GZIP_PROGRAM} -9n -c ${package_src}/man/${page} > ${out}
                     DEPENDS ${package_src}/man/${page} VERBATIM)
  list(APPEND compressed ${out})
  string(REGEX MATCH "[0-9]$" section ${page})
  install(FILES ${out} DESTINATION share/man/man${section})
endforeach()
set(changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/package/changelog.gz)
add_custom_command(OUTPUT ${changelog_gz}
                   COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/package
                   COMMAND ${GZIP_PROGRAM} -9n -c ${package_src}/changelog > ${changelog_gz}
                   DEPENDS ${package_src}/changelog VERBATIM)
list(APPEND compressed ${changelog_gz})
add_custom_target(metodmon_package_files ALL DEPENDS ${compressed})
install(FILES ${changelog_gz} ${package_src}/copyright ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${METODMON_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${METODMON_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")

# The .deb (scripts/package.sh runs cpack -G DEB in the build folder).
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "metodmon")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/package)
set(CPACK_OUTPUT_CONFIG_FILE ${CMAKE_CURRENT_BINARY_DIR}/CPackConfig.cmake)
set(CPACK_SOURCE_OUTPUT_CONFIG_FILE ${CMAKE_CURRENT_BINARY_DIR}/CPackSourceConfig.cmake)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # metodmon_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "metodmon developers <metodmon@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "monitoring of methodical work for municipal education departments")
# The extended description; CPack puts the summary above it and indents each line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "metodmon is a batch tool for the methodical services of Russian municipal
education departments (ИМЦ, НМЦ). It issues protected Excel forms to
schools, collects the answers from a mailbox or a folder, validates every
form, computes shares, medians, ranks, roadmap targets and rubric points,
and writes a results workbook, one workbook per school director, an
analytical report and a draft order (.docx), then mails them.
.
The package ships systemd units for the monthly run (metodmon.timer) and
the daily monitoring calendar (metodmon-daily.timer); neither is enabled
on install.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # dpkg-shlibdeps computes the libraries' packages
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${package_src}/conffiles ${package_src}/postinst ${package_src}/prerm ${package_src}/postrm)
include(CPack)
