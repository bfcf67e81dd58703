#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answer_json.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::shared_answerer;

TEST_CASE("liking a candidate's post as a PNS is forbidden, citing the rule it rests on", "[answer]") {
  auto answer = shared_answerer().answer("pak, sy guru PNS, boleh gk like postingan caleg di IG?");
  CHECK(answer.intent == Intent::question);
  CHECK(answer.verdict == netra::knowledge::Verdict::dilarang);
  REQUIRE_FALSE(answer.citations.empty());
  CHECK(answer.citations.front().source == "skb-2022");
  CHECK(answer.text.find("Dilarang") == answer.text.find("Dilarang"));
  CHECK(answer.text.rfind("❌ Dilarang.", 0) == 0);
  CHECK(answer.text.find("Dasar:") != std::string::npos);
  CHECK(answer.audience == "asn");
}

TEST_CASE("the answer JSON has the contract's fields and types", "[answer]") {
  auto json = to_json(shared_answerer().answer("kades boleh jadi tim sukses caleg?"));
  REQUIRE(json.is_object());
  CHECK(json["intent"].is_string());
  CHECK(json["verdict"].is_string());
  CHECK(json["text"].is_string());
  CHECK(json["confidence"].is_number());
  CHECK(json["confidence"].get<double>() >= 0.0);
  CHECK(json["confidence"].get<double>() <= 1.0);
  REQUIRE(json["citations"].is_array());
  REQUIRE_FALSE(json["citations"].empty());
  for (const auto& c : json["citations"]) {
    for (const char* key : {"source", "pasal", "ayat", "title", "excerpt"}) {
      INFO(key);
      CHECK(c[key].is_string());
    }
    CHECK(c["pasal"].get<std::string>().rfind("Pasal", 0) == std::string::npos);
  }
}

TEST_CASE("a citation always names an article the corpus describes", "[answer]") {
  const auto& kb = netra::testing::shared_knowledge();
  for (const char* q : {"kades bagi sembako dari caleg", "PNS pasang twibbon capres", "sanksi PNS kampanye",
                        "ASN nyalon DPD harus mundur?", "berapa hari batas lapor pelanggaran"}) {
    auto answer = shared_answerer().answer(q);
    for (const auto& c : answer.citations) {
      INFO(q << " → " << c.source << " " << c.pasal);
      CHECK(kb.article({c.source, c.pasal, c.ayat}) != nullptr);
    }
  }
}

TEST_CASE("when nothing answers, the bot says so and cites nothing", "[answer]") {
  auto answer = shared_answerer().answer("berapa harga cabai keriting di pasar hari ini?");
  CHECK(answer.verdict == netra::knowledge::Verdict::none);
  CHECK(answer.citations.empty());
  CHECK(answer.confidence < 0.4);
  CHECK(answer.text.find("Tanya aturan") != std::string::npos);
}

TEST_CASE("an explicit role overrides what the text reveals", "[answer]") {
  auto answer = shared_answerer().answer("boleh ikut kampanye?", std::string("kades"));
  CHECK(answer.audience == "kades");
}

TEST_CASE("a role the writer says they are not does not decide the audience", "[answer]") {
  CHECK(shared_answerer().answer("sy guru honorer, blm PPPK, boleh ikut kampanye?").audience == "citizen");
  CHECK(shared_answerer().answer("sy bkn PNS, cuma warga biasa, boleh jd timses?").audience == "citizen");
}

TEST_CASE("hostile text is answered, never an error", "[answer]") {
  // Outlives the loop: a temporary's c_str() in the list dangled once the range was initialised (ASan).
  const std::string long_text(5000, 'a');
  for (const char* hostile :
       {"\"\"\"", "kampanye AND", "NEAR(x", "title: caleg", "ASN.", "it's", "a-b", "*", "^", "(((", "OR OR OR",
        "", "   ", "\xFF\xFE", "caleg\" OR \"x", long_text.c_str()}) {
    INFO(hostile);
    CHECK_NOTHROW(shared_answerer().answer(hostile));
  }
}

TEST_CASE("a village official is answered from the law that binds them, not from ASN law alone", "[answer]") {
  // The entry on voting is written for ASN and village officials alike; its own articles are ASN law's.
  auto perangkat = shared_answerer().answer("sy perangkat desa, blh nyoblos kan?");
  CHECK(perangkat.verdict == netra::knowledge::Verdict::boleh);
  REQUIRE_FALSE(perangkat.citations.empty());
  CHECK(perangkat.citations.front().source == "uu-6-2014");
  CHECK(perangkat.citations.front().pasal == "51");
  CHECK(perangkat.text.find("UU 6/2014 Pasal 51") != std::string::npos);
  auto kades = shared_answerer().answer("sy kades, blh nyoblos kan?");
  REQUIRE_FALSE(kades.citations.empty());
  CHECK(kades.citations.front().pasal == "29");
  // An ASN's answer keeps the entry's own first article.
  auto asn = shared_answerer().answer("sy PNS, blh nyoblos kan?");
  REQUIRE_FALSE(asn.citations.empty());
  CHECK(asn.citations.front().source != "uu-6-2014");
}

TEST_CASE("an answer cites the law of the election asked about", "[answer]") {
  // data/counterparts.txt: UU 7/2017 Pasal 280 ayat 2 (Pemilu) and UU 10/2016 Pasal 70 ayat 1 (Pilkada) ban the same
  // involvement of ASN in a campaign; Pasal 490 (a kades's crime) becomes Pasal 188 in a Pilkada, never the other way,
  // because 188 also binds ASN officials.
  auto cites = [](const Answer& answer, const std::string& source, const std::string& pasal) {
    return std::any_of(answer.citations.begin(), answer.citations.end(),
                       [&](const Citation& c) { return c.source == source && c.pasal == pasal; });
  };
  CHECK(cites(shared_answerer().answer("sy PNS boleh jadi tim kampanye paslon bupati?"), "uu-10-2016", "70"));
  auto camat_pemilu = shared_answerer().answer("sy camat, boleh bikin keputusan yg untungin caleg DPR?");
  CHECK(cites(camat_pemilu, "uu-7-2017", "282"));
  CHECK_FALSE(cites(camat_pemilu, "uu-7-2017", "490"));
  // UU 10/2016 names no BPD member: a BPD member's Pilkada answer keeps UU 7/2017.
  auto bpd = shared_answerer().answer("sy anggota BPD, kalau ikut kampanye paslon bupati kena sanksi apa?");
  CHECK_FALSE(cites(bpd, "uu-10-2016", "70"));
  CHECK_FALSE(cites(bpd, "uu-10-2016", "189"));
  // An entry that names both laws' deadlines compares them and keeps both, in its basis line too.
  auto deadline = shared_answerer().answer("batas waktu lapor pelanggaran pemilu brp hari?");
  CHECK(cites(deadline, "uu-7-2017", "454"));
  CHECK(cites(deadline, "uu-10-2016", "134"));
  CHECK(deadline.text.find("UU 10/2016 Pasal 134") != std::string::npos);
}

TEST_CASE("a village head election is answered from UU Desa before the election laws", "[answer]") {
  auto pilkades =
      shared_answerer().answer("kades petahana mau nyalon lagi di pilkades, balihonya dibayar pake dana desa. boleh?");
  REQUIRE_FALSE(pilkades.citations.empty());
  CHECK(pilkades.citations.front().source == "uu-6-2014");
}
