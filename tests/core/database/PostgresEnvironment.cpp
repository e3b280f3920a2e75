#include "PostgresEnvironment.hpp"

#include <gtest/gtest.h>

namespace causeway::testing {
namespace {

ThrowawayPostgres server;

class PostgresEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { server.start(); }
  void TearDown() override { server.stop(); }
};

// Registered before main runs; gtest_main then starts it with the first test.
[[maybe_unused]] ::testing::Environment* const environment =
    ::testing::AddGlobalTestEnvironment(new PostgresEnvironment);

}  // namespace

const ThrowawayPostgres& postgres() { return server; }

}  // namespace causeway::testing
