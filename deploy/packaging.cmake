# Installation layout and the Debian package (`cd build && cpack -G DEB` → netra_<version>_amd64.deb).
#
#   /usr/bin/netra                            the binary; finds its knowledge at ../share/netra/knowledge
#   /usr/share/netra/knowledge/{corpus,data}  the corpus and lexicon (the index is built into the state dir)
#   /usr/share/netra/desk/templates           the reviewer desk's page templates and stylesheet
#   /lib/systemd/system/netra.service         the hardened unit (Type=notify, DynamicUser, StateDirectory=netra)
#   /etc/netra/netra.env                      the unit's EnvironmentFile, a conffile: commented keys, no secrets
#   /usr/share/doc/netra/                     nginx example (nginx-netra.conf), deploying.md, README.md
#   /usr/share/man/man1/netra.1.gz            the manual page
# Install destinations outside the prefix are absolute on purpose: systemd and dpkg look for them there.

set(NETRA_DEPLOY_DIR "${CMAKE_CURRENT_LIST_DIR}")

install(TARGETS netra RUNTIME DESTINATION bin)
install(DIRECTORY "${CMAKE_SOURCE_DIR}/knowledge/corpus" "${CMAKE_SOURCE_DIR}/knowledge/data"
        DESTINATION share/netra/knowledge
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(DIRECTORY "${CMAKE_SOURCE_DIR}/adapters/desk/templates" DESTINATION share/netra/desk
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES "${NETRA_DEPLOY_DIR}/systemd/netra.service" DESTINATION /lib/systemd/system)
install(FILES "${NETRA_DEPLOY_DIR}/netra.env" DESTINATION /etc/netra)
install(FILES "${NETRA_DEPLOY_DIR}/nginx/netra.conf" DESTINATION share/doc/netra RENAME nginx-netra.conf)
install(FILES "${CMAKE_SOURCE_DIR}/docs/deploying.md" "${CMAKE_SOURCE_DIR}/README.md" DESTINATION share/doc/netra)

# Debian wants manual pages gzipped; CMake does it at configure time (again whenever the page changes).
set(NETRA_MAN_PAGE "${CMAKE_BINARY_DIR}/netra.1.gz")
file(ARCHIVE_CREATE OUTPUT "${NETRA_MAN_PAGE}" PATHS "${NETRA_DEPLOY_DIR}/man/netra.1" FORMAT raw COMPRESSION GZip)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${NETRA_DEPLOY_DIR}/man/netra.1")
install(FILES "${NETRA_MAN_PAGE}" DESTINATION share/man/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME netra)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Netra maintainers <netra@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "election-neutrality chatbot for Indonesian civil servants and village heads")
# One string (several quoted arguments would make a CMake list, joined with ';' in the control file).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Netra answers ASN, PPPK, kepala desa and perangkat desa about what the election-neutrality rules allow, in\n"
    "Indonesian, over WhatsApp, Telegram and an HTTP API, and takes anonymous violation reports. The package runs\n"
    "it as a hardened systemd service on 127.0.0.1:8080; put nginx with TLS in front of it\n"
    "(/usr/share/doc/netra/nginx-netra.conf).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared libraries (libc, libstdc++, SQLite, OpenSSL, spdlog, fmt, hunspell, libsystemd, cpp-httplib, …) come from
# dpkg-shlibdeps; hunspell-id (the stemmer's dictionary) and ca-certificates (outbound HTTPS to the platforms
# is verified against them) are data opened at run time, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hunspell-id, ca-certificates")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx-light | nginx")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, certbot")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${NETRA_DEPLOY_DIR}/debian/conffiles"
    "${NETRA_DEPLOY_DIR}/debian/postinst"
    "${NETRA_DEPLOY_DIR}/debian/prerm"
    "${NETRA_DEPLOY_DIR}/debian/postrm")
include(CPack)
