#include "causeway/ui/app/AboutText.hpp"

#include <QCoreApplication>
#include <QSysInfo>
#include <QtGlobal>

// Versions found by CMake when this was configured (ui/app/CMakeLists.txt).
#ifndef CAUSEWAY_VERSION
#define CAUSEWAY_VERSION "unknown"
#endif
#ifndef CAUSEWAY_BUILD_TYPE
#define CAUSEWAY_BUILD_TYPE "unknown"
#endif
#ifndef CAUSEWAY_COMPILER
#define CAUSEWAY_COMPILER "unknown compiler"
#endif
#ifndef CAUSEWAY_BOOST_VERSION
#define CAUSEWAY_BOOST_VERSION ""
#endif
#ifndef CAUSEWAY_EIGEN_VERSION
#define CAUSEWAY_EIGEN_VERSION ""
#endif
#ifndef CAUSEWAY_JSON_VERSION
#define CAUSEWAY_JSON_VERSION ""
#endif
#ifndef CAUSEWAY_OPENSSL_VERSION
#define CAUSEWAY_OPENSSL_VERSION ""
#endif

namespace causeway::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("causeway::ui::AboutText", text); }

QString row(const QString& component, const char* version, const QString& use, const QString& license) {
  const QString v = QString::fromLatin1(version);
  return QStringLiteral("<tr><td>%1%2</td><td>%3</td><td>%4</td></tr>")
      .arg(component, v.isEmpty() ? QString() : QStringLiteral(" ") + v, use, license);
}

}  // namespace

QString aboutText() {
  const QString buildType = QStringLiteral(CAUSEWAY_BUILD_TYPE).isEmpty() ? tr("default") : QStringLiteral(CAUSEWAY_BUILD_TYPE);
  const QString build = tr("Qt %1 running (built with Qt %2), %3, %4 build, %5 on %6.")
                            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                                 QStringLiteral(CAUSEWAY_COMPILER), buildType, QSysInfo::buildCpuArchitecture(),
                                 QSysInfo::prettyProductName());
  QString libraries = QStringLiteral("<table cellspacing=\"4\">");
  libraries += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                   .arg(tr("Library"), tr("Used for"), tr("License"));
  libraries += row(tr("Qt 6 (Core, Gui, Widgets, Svg, Concurrent, PrintSupport)"), "", tr("the user interface"),
                   tr("LGPL-3.0 (GNU Lesser General Public License v3)"));
  libraries += row(tr("Qt Charts"), "", tr("diagnostic charts"), tr("GPL-3.0 (GNU General Public License v3)"));
  libraries += row(tr("Boost (Graph)"), CAUSEWAY_BOOST_VERSION, tr("graph algorithms, layout"),
                   tr("BSL-1.0 (Boost Software License 1.0)"));
  libraries += row(tr("Eigen"), CAUSEWAY_EIGEN_VERSION, tr("linear algebra for estimation"),
                   tr("MPL-2.0 (Mozilla Public License 2.0)"));
  libraries += row(tr("nlohmann/json"), CAUSEWAY_JSON_VERSION, tr(".causeway project files"), tr("MIT"));
  libraries += row(tr("OpenSSL (libcrypto)"), CAUSEWAY_OPENSSL_VERSION, tr("SHA-256 fingerprints of data in reports"),
                   tr("Apache-2.0 (Apache License 2.0)"));
  libraries += QStringLiteral("</table>");

  return tr("<h3>Causeway %1</h3>"
            "<p>Causal diagrams and their diagnostics: draw a DAG, get adjustment sets, instruments and testable "
            "implications live. Model syntax compatible with <a href=\"https://dagitty.net\">DAGitty</a>.</p>"
            "<p><b>Build:</b> %2</p>"
            "<p><b>Third-party libraries</b></p>%3"
            "<p>Qt is linked dynamically and can be replaced under the terms of the LGPL; see Help &gt; About Qt.</p>")
      .arg(QStringLiteral(CAUSEWAY_VERSION), build.toHtmlEscaped(), libraries);
}

}  // namespace causeway::ui
