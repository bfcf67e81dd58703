// The `netra` command as users and scripts run it: exit codes and output of index, ask and reports export.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

#include "bot/receipt_code.h"
#include "integration/netra_process.h"
#include "support/test_support.h"

using netra::testing::NetraProcess;
using netra::testing::TempDir;
using netra::testing::run_netra;
using nlohmann::json;

TEST_CASE("netra index reports an invalid corpus as file:line and exits 1 without writing") {
  TempDir dir;
  std::filesystem::copy(netra::testing::knowledge_root(), dir.path() / "knowledge",
                        std::filesystem::copy_options::recursive);
  netra::testing::write_file(dir.path() / "knowledge" / "corpus" / "qa-rusak.txt",
                             "source: qa\ntitle: t\n\n== qa rusak\nquestion: boleh?\nverdict: mungkin\n");
  std::string output;
  int code = run_netra({"index", "--knowledge", dir.file("knowledge"), "--out", dir.file("k.db")}, {}, output);
  CHECK(code == 1);
  CHECK(output.find("qa-rusak.txt:6: verdict `mungkin`") != std::string::npos);
  CHECK(output.find("qa-rusak.txt:4:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("k.db")));
}

TEST_CASE("netra index refuses a curated answer whose verdict rests only on recalled articles") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "knowledge");
  std::filesystem::copy(netra::testing::knowledge_root() + "/data", dir.path() / "knowledge" / "data");
  netra::testing::write_file(dir.path() / "knowledge" / "corpus" / "uu-6-2014.txt",
                             "source: uu-6-2014\ntitle: UU 6/2014 tentang Desa\nshort: UU 6/2014\n\n"
                             "== article 29\npasal: 29\ntitle: Larangan kades\nprovenance: recalled\n"
                             "checked: 2026-11-30\ntext: Kepala desa dilarang terlibat kampanye.\n");
  netra::testing::write_file(dir.path() / "knowledge" / "corpus" / "qa-x.txt",
                             "source: qa\ntitle: t\n\n== qa kades-kampanye\nquestion: kades boleh kampanye?\n"
                             "verdict: dilarang\nanswer: Tidak boleh.\ncite: uu-6-2014 29\n");
  std::string output;
  int code = run_netra({"index", "--knowledge", dir.file("knowledge"), "--out", dir.file("k.db")}, {}, output);
  CHECK(code == 1);
  CHECK(output.find("qa-x.txt:4: qa `kades-kampanye`: its verdict rests only on recalled articles") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("k.db")));
}

TEST_CASE("netra ask --explain shows how sure the corpus is of each cited article") {
  TempDir dir;
  std::string output;
  int code = run_netra({"ask", "--explain", "kades boleh jadi timses caleg?"}, {{"NETRA_DATA_DIR", dir.file("var")}},
                       output);
  REQUIRE(code == 0);
  auto list = output.find("citations:\n");
  REQUIRE(list != std::string::npos);
  CHECK(output.find(", checked 20", list) != std::string::npos);
  CHECK((output.find(": official,", list) != std::string::npos || output.find(": secondary,", list) != std::string::npos));
}

TEST_CASE("netra ask --json answers the flagship question with a verdict and its rule") {
  TempDir dir;
  std::string output;
  int code = run_netra({"ask", "--json", "pak, sy guru PNS, boleh gk like postingan caleg di IG?"},
                       {{"NETRA_DATA_DIR", dir.file("var")}}, output);
  REQUIRE(code == 0);
  auto answer = json::parse(output.substr(output.find('{')));
  CHECK(answer["verdict"] == "dilarang");
  CHECK(answer["citations"][0]["source"] == "skb-2022");
}

TEST_CASE("netra ask rejects an unknown role and an empty question with usage errors") {
  std::string output;
  CHECK(run_netra({"ask", "--role", "presiden", "boleh?"}, {}, output) == 2);
  CHECK(output.find("unknown role") != std::string::npos);
  CHECK(run_netra({"ask"}, {}, output) == 2);
}

TEST_CASE("netra reports export writes every report as CSV and as JSON with its audit trail") {
  TempDir dir;
  std::string code;
  {
    NetraProcess server(dir.file("var"), {{"NETRA_ADMIN_TOKEN", "token"}});
    std::string last;
    for (const char* text : {"lapor", "Camat memakai mobil dinas, untuk mengantar \"tim sukses\" caleg", "role:asn",
                             "Camat X", "Kec. Karangrejo, Kab. Magetan", "tadi pagi", "lewati", "kirim"}) {
      auto response = server.client().Post("/api/v1/chat", json{{"session", "s"}, {"text", text}}.dump(),
                                           "application/json");
      REQUIRE(response);
      auto body = json::parse(response->body);
      last = body["replies"].back().get<std::string>();
    }
    code = *netra::bot::find_receipt_code(last);
    server.client().Patch("/api/v1/reports/" + code, {{"Authorization", "Bearer token"}},
                          R"({"status":"ditinjau","note":"dicek"})", "application/json");
  }
  std::map<std::string, std::string> env = {{"NETRA_DATA_DIR", dir.file("var")}};
  std::string csv;
  REQUIRE(run_netra({"reports", "export", "--csv"}, env, csv) == 0);
  CHECK(csv.find("code,status,category,what") != std::string::npos);
  CHECK(csv.find(code + ",ditinjau,fasilitas-negara,") != std::string::npos);
  CHECK(csv.find("\"Camat memakai mobil dinas, untuk mengantar \"\"tim sukses\"\" caleg\"") != std::string::npos);
  std::string json_text;
  REQUIRE(run_netra({"reports", "export", "--json"}, env, json_text) == 0);
  auto all = json::parse(json_text.substr(json_text.find('[')));
  REQUIRE(all.size() == 1);
  CHECK(all[0]["code"] == code);
  REQUIRE(all[0]["audit"].size() == 1);
  CHECK(all[0]["audit"][0]["to"] == "ditinjau");
  std::string usage;
  CHECK(run_netra({"reports", "export"}, env, usage) == 2);
}

TEST_CASE("netra lexicon coverage counts the informal words the chat-language map rewrites") {
  TempDir dir;
  // sy and bojo map to their formal words (bojo to "istri suami", which holds "istri"); gk maps to another
  // word; dipasangin maps to another form of the same stem; zzqx is left alone; line 7 has no tab.
  netra::testing::write_file(dir.path() / "pairs.tsv",
                             "informal\tformal\nsy\tsaya\nbojo\tistri\ngk\tbukan\nzzqx\tsesuatu\ndipasangin\tdipasang\n"
                             "no tab here\n");
  std::string output;
  int code = run_netra({"lexicon", "coverage", "--knowledge", netra::testing::knowledge_root(), dir.file("pairs.tsv")},
                       {}, output);
  REQUIRE(code == 0);
  CHECK(output.find("5 informal words") != std::string::npos);
  CHECK(output.find("mapped by netra:        4 (80.0 %)") != std::string::npos);
  CHECK(output.find("to the same formal:   2 (40.0 %)") != std::string::npos);
  CHECK(output.find("to other words:       2") != std::string::npos);
  CHECK(output.find("left as they are:       1 (20.0 %)") != std::string::npos);
  CHECK(output.find("read alike:             2 (40.0 %") != std::string::npos);
  CHECK(output.find("gk → tidak (list: bukan)") != std::string::npos);
  CHECK(output.find("pairs.tsv:7: expected `informal<TAB>formal`") != std::string::npos);
  auto unmapped = output.find("left as they are:\n");
  REQUIRE(unmapped != std::string::npos);
  CHECK(output.find("  zzqx\n", unmapped) != std::string::npos);
  CHECK(output.find("  sy\n", unmapped) == std::string::npos);

  std::string usage;
  CHECK(run_netra({"lexicon", "coverage"}, {}, usage) == 2);
  CHECK(run_netra({"lexicon", "coverage", dir.file("missing.tsv")}, {}, usage) == 1);
  CHECK(usage.find("cannot read") != std::string::npos);
}

TEST_CASE("Every command reads the NETRA_CONFIG file as netra serve does — the environment and flags win") {
  TempDir dir;
  netra::testing::write_file(dir.path() / "netra.env", "NETRA_DATA_DIR=" + dir.file("from-file") +
                                                           "\nNETRA_KNOWLEDGE_DIR=" + netra::testing::knowledge_root() +
                                                           "\n");
  std::map<std::string, std::string> env = {{"NETRA_CONFIG", dir.file("netra.env")}};
  std::string output;
  REQUIRE(run_netra({"index"}, env, output) == 0);
  CHECK(std::filesystem::exists(dir.file("from-file") + "/knowledge.db"));
  REQUIRE(run_netra({"ask", "--json", "boleh gk PNS like postingan caleg?"}, env, output) == 0);
  CHECK(output.find("built the knowledge index") == std::string::npos);  // it found the index the file names
  REQUIRE(run_netra({"reviewer", "add", "panwascam"}, env, output) == 0);
  CHECK(std::filesystem::exists(dir.file("from-file") + "/reports.db"));
  REQUIRE(run_netra({"reviewer", "list"}, env, output) == 0);
  CHECK(output.find("panwascam") != std::string::npos);
  REQUIRE(run_netra({"backup", dir.file("copy")}, env, output) == 0);
  CHECK(std::filesystem::exists(dir.file("copy") + "/reports.db"));
  CHECK_FALSE(std::filesystem::exists(dir.file("copy") + "/knowledge.db"));

  // A flag beats the file, and the environment beats the file.
  REQUIRE(run_netra({"reviewer", "list", "--data-dir", dir.file("flag")}, env, output) == 0);
  CHECK(output.find("panwascam") == std::string::npos);
  env["NETRA_DATA_DIR"] = dir.file("from-env");
  REQUIRE(run_netra({"reviewer", "list"}, env, output) == 0);
  CHECK(output.find("panwascam") == std::string::npos);
}

TEST_CASE("A command refuses an unreadable NETRA_CONFIG file or an invalid value with a clear error") {
  TempDir dir;
  std::string output;
  CHECK(run_netra({"ask", "boleh?"}, {{"NETRA_CONFIG", dir.file("missing.env")}}, output) == 2);
  CHECK(output.find("cannot read config file " + dir.file("missing.env")) != std::string::npos);
  netra::testing::write_file(dir.path() / "bad.env", "NETRA_DATA_DIR=x\nnot a setting\n");
  CHECK(run_netra({"index"}, {{"NETRA_CONFIG", dir.file("bad.env")}}, output) == 2);
  CHECK(output.find("bad.env:2: expected KEY=VALUE") != std::string::npos);
  CHECK(run_netra({"reviewer", "list"}, {{"NETRA_DATA_DIR", dir.file("var")}, {"NETRA_LOG_LEVEL", "loud"}}, output) ==
        1);
  CHECK(output.find("NETRA_LOG_LEVEL must be one of") != std::string::npos);
}

TEST_CASE("An option's value may follow an equals sign, and -- ends the options") {
  // --help and usage errors of every command: tests/adapters/command_line_test.cpp.
  TempDir dir;
  const std::string var = dir.file("var");
  std::string output;
  REQUIRE(run_netra({"index", "--knowledge=" + netra::testing::knowledge_root(), "--out=" + dir.file("k.db")}, {},
                    output) == 0);
  CHECK(std::filesystem::exists(dir.file("k.db")));
  // After --, "--role" is a word of the question; read as an option it would be the role `boleh`, a usage error.
  REQUIRE(run_netra(
              {"ask", "--json", "--index=" + dir.file("k.db"), "--role=citizen", "--", "--role", "boleh", "kampanye?"},
              {}, output) == 0);
  CHECK(json::parse(output)["verdict"].is_string());
  REQUIRE(run_netra({"reviewer", "add", "--data-dir=" + var, "siti"}, {}, output) == 0);
  REQUIRE(run_netra({"reviewer", "list", "--data-dir=" + var}, {}, output) == 0);
  CHECK(output.rfind("siti\t", 0) == 0);
  REQUIRE(run_netra({"reports", "export", "--csv", "--data-dir=" + var}, {}, output) == 0);
  CHECK(output.rfind("code,status,", 0) == 0);
  REQUIRE(run_netra({"backup", "--data-dir=" + var, dir.file("copy")}, {}, output) == 0);
  CHECK(std::filesystem::exists(dir.path() / "copy" / "reports.db"));
  netra::testing::write_file(dir.path() / "pairs.tsv", "sy\tsaya\n");
  // The options of `lexicon` before or after `coverage`, as before CLI11.
  REQUIRE(run_netra({"lexicon", "--summary", "coverage", "--knowledge=" + netra::testing::knowledge_root(),
                     dir.file("pairs.tsv")},
                    {}, output) == 0);
  CHECK(output.find("1 informal words") != std::string::npos);
  CHECK(output.find("left as they are:\n") == std::string::npos);  // --summary leaves the lists out
}

TEST_CASE("netra ask takes a word that starts with one dash as part of the question, as before CLI11") {
  // "-_-" and "-boleh" are chat text; CLI11 alone would read them as short options and refuse them.
  TempDir dir;
  const std::map<std::string, std::string> env = {{"NETRA_DATA_DIR", dir.file("var")}};
  std::string apart, together;
  REQUIRE(run_netra({"ask", "--explain", "-_-", "kades", "-boleh", "kampanye?"}, env, apart) == 0);
  REQUIRE(run_netra({"ask", "--explain", "-_- kades -boleh kampanye?"}, env, together) == 0);
  // The analyser's words: "-boleh" is read, in its place, as it is in the same question given as one argument.
  auto words_of = [](const std::string& output) {
    auto begin = output.find("\nwords: ");
    REQUIRE(begin != std::string::npos);
    return output.substr(begin, output.find('\n', begin + 1) - begin);
  };
  CHECK(words_of(apart) == words_of(together));
  CHECK(words_of(apart).find(" boleh kampanye") != std::string::npos);
}
