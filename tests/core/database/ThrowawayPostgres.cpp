#include "ThrowawayPostgres.hpp"

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace causeway::testing {
namespace {

std::string singleQuoted(const std::string& s) { return "'" + s + "'"; }

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs a shell command in `dir`, as `nobody` when we are root.
void run(const std::string& dir, const std::string& command) {
  std::string line = "cd " + singleQuoted(dir) + " && ";
  if (geteuid() == 0) line += "runuser -u nobody -- ";
  line += command + " >>" + singleQuoted(dir + "/commands.log") + " 2>&1";
  if (std::system(line.c_str()) != 0)
    throw std::runtime_error("Command failed: " + command + "\n" + readFile(dir + "/commands.log") +
                             readFile(dir + "/server.log"));
}

}  // namespace

int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("No free TCP port on 127.0.0.1");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string postgresBinDir() {
  for (const char* candidate : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"})
    if (std::filesystem::exists(std::string(candidate) + "/pg_ctl")) return candidate;
  throw std::runtime_error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
                           "(packaging/install-deps.sh installs them)");
}

void ThrowawayPostgres::start(const std::vector<std::string>& settings) {
  char pattern[] = "/tmp/causeway-pg-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("Cannot create a temporary directory");
  dir_ = pattern;
  if (geteuid() == 0) {
    const passwd* nobody = ::getpwnam("nobody");
    if (nobody == nullptr || ::chown(dir_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
      throw std::runtime_error("Cannot hand " + dir_ + " to user nobody");
  }
  port_ = freePort();
  const std::string bin = postgresBinDir();
  run(dir_, bin + "/initdb -D data -U causeway -E UTF8 --no-locale -N --auth-local=trust --auth-host=scram-sha-256");
  std::ofstream conf(dir_ + "/data/postgresql.auto.conf", std::ios::app);
  conf << "port = " << port_ << "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = " << singleQuoted(dir_)
       << "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 20\n";
  for (const auto& s : settings) conf << s << "\n";
  conf.close();
  run(dir_, bin + "/pg_ctl -D data -l server.log -w -t 30 start");
  running_ = true;
}

void ThrowawayPostgres::stop() {
  if (dir_.empty()) return;
  if (running_) {
    try {
      run(dir_, postgresBinDir() + "/pg_ctl -D data -m immediate -w stop");
    } catch (const std::exception&) {
      // Removing the directory below still frees the disk; the server exits when it sees it gone.
    }
    running_ = false;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
  dir_.clear();
}

std::string ThrowawayPostgres::socketUri(const std::string& database) const {
  return "postgresql://causeway@/" + database + "?host=" + dir_ + "&port=" + std::to_string(port_);
}

void ThrowawayPostgres::execute(const std::string& sql, const std::string& database) const {
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(socketUri(database).c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn.get()));
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error("SQL failed: " + std::string(PQerrorMessage(conn.get())) + "in: " + sql.substr(0, 200));
}

}  // namespace causeway::testing
