#include "adapters/app/config.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "support/test_support.h"

using namespace netra::adapters;
using netra::testing::TempDir;

namespace {

Lookup lookup_of(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto found = values.find(name);
    if (found == values.end() || found->second.empty()) return std::nullopt;
    return found->second;
  };
}

}  // namespace

TEST_CASE("The configuration has the contract's defaults") {
  TempDir dir;
  auto config = load_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}}), "/opt/knowledge");
  CHECK(config.bind == "127.0.0.1");
  CHECK(config.port == 8080);
  CHECK(config.knowledge_dir == "/opt/knowledge");
  CHECK(config.knowledge_index == dir.file("var") + "/knowledge.db");
  CHECK(config.telegram.api_base == "https://api.telegram.org");
  CHECK(config.whatsapp.api_base == "https://graph.facebook.com/v21.0");
  CHECK_FALSE(config.telegram.enabled());
  CHECK_FALSE(config.whatsapp.enabled());
  CHECK(config.admin_token.empty());
  CHECK(config.admin_label == "admin");
}

TEST_CASE("A channel is on only with its credentials") {
  TempDir dir;
  auto config = load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()},
                                       {"NETRA_TELEGRAM_TOKEN", "123:abc"},
                                       {"NETRA_WHATSAPP_TOKEN", "wa"}}),
                            "k");
  CHECK(config.telegram.enabled());
  CHECK_FALSE(config.whatsapp.enabled());  // no app secret: nothing could be authenticated
}

TEST_CASE("The pseudonym secret is generated once into the data dir, readable only by its owner") {
  TempDir dir;
  auto first = load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}}), "k");
  CHECK(first.secret_generated);
  CHECK(first.secret.size() == 64);
  struct stat info {};
  REQUIRE(::stat(dir.file("secret").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  auto second = load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}}), "k");
  CHECK_FALSE(second.secret_generated);
  CHECK(second.secret == first.secret);
}

TEST_CASE("NETRA_SECRET wins over the generated secret") {
  TempDir dir;
  auto config = load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}, {"NETRA_SECRET", "given"}}), "k");
  CHECK(config.secret == "given");
  CHECK_FALSE(std::filesystem::exists(dir.file("secret")));
}

TEST_CASE("An invalid port is refused with a clear message") {
  TempDir dir;
  CHECK_THROWS_WITH(load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}, {"NETRA_PORT", "80x"}}), "k"),
                    Catch::Contains("NETRA_PORT"));
}

TEST_CASE("A config file adds keys and the environment wins") {
  TempDir dir;
  netra::testing::write_file(dir.file("netra.env"),
                             "# Netra\nNETRA_PORT=9090\nexport NETRA_ADMIN_TOKEN=\"from-file\"\n\nNETRA_BIND = 0.0.0.0\n");
  auto lookup = layered_lookup(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}, {"NETRA_PORT", "7070"}}),
                               read_config_file(dir.file("netra.env")));
  auto config = load_config(lookup, "k");
  CHECK(config.port == 7070);
  CHECK(config.admin_token == "from-file");
  CHECK(config.bind == "0.0.0.0");
}

TEST_CASE("A malformed config file line names file and line") {
  TempDir dir;
  netra::testing::write_file(dir.file("bad.env"), "NETRA_PORT=1\njust words\n");
  CHECK_THROWS_WITH(read_config_file(dir.file("bad.env")), Catch::Contains("bad.env:2"));
}

TEST_CASE("The answer cache and the webhook's wait for room are configurable, 0 turning them off") {
  TempDir dir;
  auto defaults = load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}, {"NETRA_SECRET", "s"}}), "k");
  CHECK(defaults.tuning.answer_cache_entries == 4096);
  CHECK(defaults.tuning.admit_wait_ms == 2000);
  auto off = load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}, {"NETRA_SECRET", "s"},
                                    {"NETRA_ANSWER_CACHE", "0"}, {"NETRA_ADMIT_WAIT_MS", "0"}}),
                         "k");
  CHECK(off.tuning.answer_cache_entries == 0);
  CHECK(off.tuning.admit_wait_ms == 0);
  CHECK_THROWS_WITH(load_config(lookup_of({{"NETRA_DATA_DIR", dir.path().string()}, {"NETRA_SECRET", "s"},
                                           {"NETRA_ADMIT_WAIT_MS", "-5"}}),
                                "k"),
                    Catch::Contains("NETRA_ADMIT_WAIT_MS"));
}

TEST_CASE("Without NETRA_DATABASE_URL the state stays in SQLite — with it, PostgreSQL settings are read") {
  TempDir dir;
  auto sqlite = load_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}}), "k");
  CHECK(sqlite.database_url.empty());
  auto shared = load_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")},
                                       {"NETRA_DATABASE_URL", "postgresql://netra:pw@db:5432/netra"},
                                       {"NETRA_SECRET", "shared-secret"},
                                       {"NETRA_DATABASE_POOL", "12"},
                                       {"NETRA_COMMIT_WAIT_MS", "3000"}}),
                            "k");
  CHECK(shared.database_url == "postgresql://netra:pw@db:5432/netra");
  CHECK(shared.database_pool == 12);
  CHECK(shared.tuning.commit_wait_ms == 3000);
  CHECK(shared.secret == "shared-secret");
}

TEST_CASE("NETRA_DATABASE_URL without NETRA_SECRET is refused: each replica would invent its own") {
  TempDir dir;
  CHECK_THROWS_WITH(
      load_config(
          lookup_of({{"NETRA_DATA_DIR", dir.file("var")}, {"NETRA_DATABASE_URL", "postgresql://netra@db/netra"}}), "k"),
      Catch::Contains("NETRA_SECRET"));
}

TEST_CASE("read_config validates every setting without creating the data dir or a secret") {
  TempDir dir;
  auto config = read_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}}), "k");
  CHECK(config.data_dir == dir.file("var"));
  CHECK(config.secret.empty());
  CHECK_FALSE(std::filesystem::exists(dir.file("var")));
  CHECK_THROWS_WITH(read_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}, {"NETRA_PORT", "http"}}), "k"),
                    Catch::Contains("NETRA_PORT"));
}

TEST_CASE("An unknown NETRA_LOG_LEVEL is refused instead of silencing the log") {
  TempDir dir;
  CHECK(read_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}}), "k").log_level == "info");
  CHECK(read_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}, {"NETRA_LOG_LEVEL", "debug"}}), "k").log_level ==
        "debug");
  CHECK_THROWS_WITH(read_config(lookup_of({{"NETRA_DATA_DIR", dir.file("var")}, {"NETRA_LOG_LEVEL", "verbose"}}), "k"),
                    Catch::Contains("NETRA_LOG_LEVEL"));
}
