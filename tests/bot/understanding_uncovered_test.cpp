// Questions no rule settles alone: a bound subject's deed retrieval is unsure of, a vote inside an invitation, a
// right to vote that describes voters, a writer who tells a deed of their own while asking about someone else's,
// how to report through Netra itself, and a reduplicated question word that asks nothing.
// Messages here are written for these tests, not taken from any eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::QuestionFocus;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;

TEST_CASE("a bound subject's deed that no rule covers gets care and an explanation, never 'not found'",
          "[understanding]") {
  // A programme slipped into the village plan for a candidate: no act is read and retrieval is unsure, but the
  // writer is perangkat desa and the message is political.
  const char* slipped =
      "sy kasi pemerintahan, masukin usulan titipan calon bupati ke RKPDes biar dia keliatan berjasa. boleh?";
  REQUIRE(explain(slipped).decision.verdict == Verdict::none);
  Answer cautious = answer(slipped);
  CHECK(cautious.intent == Intent::question);
  CHECK(cautious.verdict == Verdict::hati_hati);
  CHECK_FALSE(cautious.entry_id.empty());
  // English for a Facebook endorsement: no act is read either; never "boleh", never "not found".
  Answer endorsed = answer(
      "I'm a village head. Am I allowed to endorse a gubernatorial candidate on my personal "
      "Facebook page?");
  CHECK(endorsed.verdict != Verdict::boleh);
  CHECK(endorsed.verdict != Verdict::none);
  // Nothing political and nobody bound: still "not found", not a guess.
  CHECK(answer("resep rendang padang yg enak gmn ya").verdict == Verdict::none);
}

TEST_CASE("a vote that starts inside an invitation is what the invitation asks for", "[understanding]") {
  // "milih" arrives as "pilih coblos": "ajak .. coblos" spans the vote "pilih .. calon".
  CHECK(answer("kades ngajak milih caleg, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("perangkat desa bikin reels ngajak milih caleg dapil sini, di luar jam kerja. masih salah?").verdict ==
        Verdict::dilarang);
  // The writer's own vote stays allowed.
  CHECK(answer("sy kades, boleh milih caleg pas pencoblosan?").verdict == Verdict::boleh);
}

TEST_CASE("a right to vote in a relative clause describes voters and is nobody's vote", "[understanding]") {
  CHECK(answer("caleg kampanye di SMA ngumpulin murid kelas 12 yg udh punya hak pilih, boleh?").verdict !=
        Verdict::boleh);
  CHECK(answer("sy kades, apakah sy tetap punya hak pilih di pemilu?").verdict == Verdict::boleh);
}

TEST_CASE("what someone else may do is no 'boleh' when the bound writer tells a political deed of their own",
          "[understanding]") {
  const char* story =
      "sy kades. bupati petahana yg udh jd calon mau dateng resmiin jalan desa, sy yg nyambut. kalau ada warga bawa "
      "spanduk paslon gmn?";
  CHECK(answer(story).verdict == Verdict::hati_hati);
  // Without a deed of the writer's the citizen's act is answered as it is.
  CHECK(answer("sy kades. kalau ada warga bawa spanduk paslon ke rumahnya sendiri gmn?").verdict == Verdict::boleh);
}

TEST_CASE("how to report through Netra itself starts the report flow, how to report elsewhere is a fact",
          "[understanding]") {
  Answer here = answer("gmn caranya lapor lewat sini? aman gk identitas sy");
  CHECK(here.intent == Intent::report);
  CHECK(here.verdict == Verdict::none);
  CHECK(answer("cara laporin pelanggaran lewat bot ini gmn?").intent == Intent::report);
  CHECK(answer("min, lapor pelanggaran netralitas itu bisa lewat mana aja?").verdict == Verdict::info);
  // Whether one may report is a permission asked, not a flow to start.
  CHECK(answer("sy PNS, boleh ga lapor atasan lewat sini?").intent == Intent::question);
}

TEST_CASE("a reduplicated question word means anywhere and asks nothing", "[understanding]") {
  auto reading = explain("sy ibu rumah tangga, suami sy PNS. sy boleh jd relawan caleg? sy gk kerja dimana2").reading;
  CHECK(reading.focus == QuestionFocus::verdict);
  CHECK(answer("sy ibu rumah tangga, suami sy PNS. sy boleh jd relawan caleg? sy gk kerja dimana2").verdict ==
        Verdict::boleh);
}

TEST_CASE("a free relative's answer beside a bound writer cites the writer's duty not to help", "[understanding]") {
  auto cites_pp_94_pasal_5 = [](const Answer& answer) {
    return std::any_of(answer.citations.begin(), answer.citations.end(), [](const Citation& citation) {
      return citation.source == "pp-94-2021" && citation.pasal == "5";
    });
  };
  Answer beside_writer = answer("adik sy kuliah, sering bikin status dukung caleg di FB. sy PNS, dia boleh kan?");
  CHECK(cites_pp_94_pasal_5(beside_writer));
  // A relative told to be free is answered "boleh", with the writer's own duty said beside it.
  Answer free_relative =
      answer("istri sy wiraswasta bukan ASN mau pasang banner capres di tokonya sendiri. sy PNS. boleh kan?");
  CHECK(free_relative.verdict == Verdict::boleh);
  CHECK(cites_pp_94_pasal_5(free_relative));
  CHECK_THAT(free_relative.text, Catch::Matchers::Contains("Anda sendiri tetap terikat netralitas"));
  // Without the writer's role there is no writer's duty to name.
  CHECK_FALSE(cites_pp_94_pasal_5(answer("adik sy kuliah, sering bikin status dukung caleg di FB. dia boleh kan?")));
}

TEST_CASE("a candidate's story seen is watched, not posted", "[understanding]") {
  auto seen = explain("sy PNS, nonton story IG caleg boleh?").reading;
  CHECK(std::none_of(seen.acts.begin(), seen.acts.end(), [](const ActMention& act) { return act.act == Act::post; }));
  CHECK(answer("sy PNS, cuma liat story IG caleg, ga like. gpp?").verdict != Verdict::dilarang);
  CHECK(answer("sy PNS, bikin story dukung caleg boleh?").verdict == Verdict::dilarang);
}

TEST_CASE("a team named right after a passive deed did it and is joined by no one", "[understanding]") {
  auto concert = explain("temen sy PNS nonton konser yg diadain timses capres, ga pake atribut. salah ga?").reading;
  CHECK(std::none_of(concert.acts.begin(), concert.acts.end(),
                     [](const ActMention& act) { return act.act == Act::join_team; }));
  // Put into the team by someone, the writer is in it.
  auto placed = explain("sy PNS dimasukin timses caleg tanpa ditanya. gmn?").reading;
  CHECK(std::any_of(placed.acts.begin(), placed.acts.end(),
                    [](const ActMention& act) { return act.act == Act::join_team; }));
}

TEST_CASE("a call cue that opens with a passive of asking is what the writer was asked, not a call",
          "[understanding]") {
  auto listed = explain("sy kaur kesra, disuruh masukin semua warga miskin ke daftar penerima bansos. boleh?").reading;
  CHECK(std::none_of(listed.acts.begin(), listed.acts.end(), [](const ActMention& act) {
    return act.act == Act::invite_to_vote || act.act == Act::mobilise_staff;
  }));
  // Told to call on residents for a candidate, the call is still read.
  CHECK(answer("sy PNS disuruh kadis ngajak warga pilih paslon 1. gmn?").verdict == Verdict::dilarang);
}

TEST_CASE("which of two views is right asks whether the deed is allowed", "[understanding]") {
  const char* dispute =
      "istri sy guru PNS, mau jadi bendahara tim kampanye caleg. sy bilang bahaya, dia ngeyel. siapa yg bener?";
  CHECK(explain(dispute).reading.focus == QuestionFocus::verdict);
  CHECK(answer(dispute).verdict == Verdict::dilarang);
}

TEST_CASE("a photo others upload is no post of the writer's", "[understanding]") {
  auto photo =
      explain(
          "kondangan tetangga ada caleg, foto bareng rame2, sy PNS ga pose apa2. kalo fotonya diupload orang lain gmn?")
          .reading;
  CHECK(std::none_of(photo.acts.begin(), photo.acts.end(),
                     [](const ActMention& act) { return act.act == Act::post && act.person == 0 && !act.negated; }));
  CHECK(
      answer(
          "kondangan tetangga ada caleg, foto bareng rame2, sy PNS ga pose apa2. kalo fotonya diupload orang lain gmn?")
          .verdict == Verdict::hati_hati);
}

TEST_CASE("words no entry uses do not crowd out the words retrieval can match", "[understanding]") {
  // A Minang message: most of its words are in no entry, and once took every place among the terms searched.
  auto regional = explain(
      "ambo guru PNS. kapalo sakola buek acaro di sakola, kaba e ado caleg nan bapidato sambia "
      "mintak dipiliah, kami disuruah sato mandanga. salah ambo?");
  auto plain = explain(
      "sy guru PNS. kepala sekolah bikin acara di sekolah, ada caleg pidato minta dipilih, kami "
      "disuruh ikut dengar. salah?");
  REQUIRE_FALSE(plain.hits.empty());
  REQUIRE(regional.hits.size() >= 5);
  // The plain message's best entry is among the regional one's first five.
  CHECK(std::any_of(regional.hits.begin(), regional.hits.begin() + 5,
                    [&](const auto& hit) { return hit.entry == plain.hits.front().entry; }));
}

TEST_CASE("an order or an assignment excuses no campaign act", "[understanding]") {
  CHECK(answer("sy PNS ditugaskan atasan ikut kampanye paslon 2, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("kepsek kasih surat tugas suruh kami guru PNS hadir kampanye caleg. boleh?").verdict ==
        Verdict::dilarang);
  CHECK(answer("sy PNS ditugaskan pake mobil dinas ke kampanye bupati petahana. boleh?").verdict == Verdict::dilarang);
  // Others told to back a candidate stay the ones who back them.
  auto told = explain("pegawai kecamatan disuruh pak camat dukung paslon 2, itu boleh?").reading;
  CHECK(std::any_of(told.acts.begin(), told.acts.end(), [](const ActMention& act) {
    return act.act == Act::invite_to_vote || act.act == Act::mobilise_staff;
  }));
  // Recruited by a team, the writer is in it.
  auto recruited = explain("sy PNS direkrut tim kampanye caleg. gmn?").reading;
  CHECK(std::any_of(recruited.acts.begin(), recruited.acts.end(),
                    [](const ActMention& act) { return act.act == Act::join_team; }));
}

TEST_CASE("a neighbourhood number or a state company is no candidate and no citizen", "[understanding]") {
  auto shared = explain("sy PNS, share info kerja bakti RT 02 di grup WA kantor. boleh?").reading;
  CHECK(std::none_of(shared.acts.begin(), shared.acts.end(),
                     [](const ActMention& act) { return act.target == netra::knowledge::Target::candidate; }));
  CHECK(answer("suami sy kerja di pdam, boleh jd timses caleg?").verdict == Verdict::dilarang);
  CHECK(answer("suami sy pegawai perumda air minum, boleh jd timses caleg?").verdict == Verdict::dilarang);
}

TEST_CASE("the writer's allowed deed raises no doubt about someone else's", "[understanding]") {
  CHECK(answer("sy kades, sy udh nyoblos paslon 2. istri sy ibu rumah tangga boleh jd relawan paslon 2?").verdict ==
        Verdict::boleh);
  // A relative's vote needs no word about the writer's duty.
  CHECK_THAT(answer("sy PNS, istri sy IRT boleh nyoblos?").text,
             !Catch::Matchers::Contains("Anda sendiri tetap terikat netralitas"));
}
