// Who does what in a scene the writer only watches, suffers or sits in: watching told bare, a passive with no doer,
// someone seen acting, a group kept for something else, a neutral body served by office means, and chat that asks
// for an opinion or about the bot. Messages here are written for these tests, not taken from any eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Modifier;
using netra::knowledge::QuestionFocus;
using netra::knowledge::SpeechAct;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;

namespace {

bool writer_does(const Reading& reading, Act act) {
  return std::any_of(reading.acts.begin(), reading.acts.end(),
                     [&](const ActMention& mention) { return mention.act == act && mention.person == 0 && !mention.negated; });
}

}  // namespace

TEST_CASE("watching told bare is coming to the gathering the story named", "[understanding]") {
  auto reading = explain("sy guru PNS. sore ini ada kampanye cabup di alun2. boleh nonton bentar ga?").reading;
  CHECK(writer_does(reading, Act::attend_passive));
  CHECK(answer("sy guru PNS. sore ini ada kampanye cabup di alun2. boleh nonton bentar ga?").verdict == Verdict::hati_hati);
  // Watching on a screen stays reading the news, not being there.
  CHECK(answer("sy PNS semalem nonton debat capres di tv, gpp kan?").verdict == Verdict::boleh);
}

TEST_CASE("a passive whose doer goes unnamed is no deed of the writer's", "[understanding]") {
  auto feared = explain("sy PNS disuruh kabag ikut rapat tim pemenangan cabup. kalo nolak takut karir sy dipersulit. "
                        "ikut aja gpp?").reading;
  CHECK_FALSE(writer_does(feared, Act::discriminate_service));
  CHECK(answer("sy PNS disuruh kabag ikut rapat tim pemenangan cabup. kalo nolak takut karir sy dipersulit. "
               "ikut aja gpp?").verdict == Verdict::dilarang);
  auto passed_on = explain("sy anggota BPD. sekdes ikut konvoi caleg, kata panwascam nanti diteruskan. "
                           "sanksinya apa?").reading;
  CHECK_FALSE(writer_does(passed_on, Act::share));
}

TEST_CASE("seeing someone act is not watching a campaign oneself", "[understanding]") {
  auto reading = explain("sy PNS, boleh lapor ke bawaslu kalo liat kabid sy ikut kampanye?").reading;
  CHECK_FALSE(writer_does(reading, Act::attend_passive));
  CHECK(writer_does(explain("sy PNS kmrn liat kampanye caleg dr pinggir jalan, gpp?").reading, Act::attend_passive));
}

TEST_CASE("a group kept for something else is no candidate's group for its members' posts", "[understanding]") {
  auto alumni = explain("sy PNS di grup WA alumni, skrg isinya kampanye capres semua. sy diem aja, gmn?").reading;
  CHECK(alumni.has(Modifier::general_group));
  CHECK(answer("sy PNS di grup WA alumni, skrg isinya kampanye capres semua. sy diem aja, gmn?").verdict ==
        Verdict::hati_hati);
  // A candidate's group named beside it is still joined.
  CHECK_FALSE(explain("sy PNS gabung grup relawan caleg terus keluar grup alumni, aman?").reading.has(
      Modifier::general_group));
  // "SMA" beside "alumni" is the school, not "sama".
  auto words = explain("sy PNS di grup alumni SMA").reading;
  CHECK(std::any_of(words.tokens.begin(), words.tokens.end(), [](const Token& token) { return token.word == "sma"; }));
}

TEST_CASE("office means put to an election body's use serve no campaign", "[understanding]") {
  CHECK(answer("sy PNS share poster Bawaslu soal tolak politik uang ke grup kantor, aman?").verdict == Verdict::boleh);
  CHECK(answer("sy PNS share poster caleg soal programnya ke grup kantor, aman?").verdict == Verdict::dilarang);
}

TEST_CASE("an opinion asked of the bot and questions about the bot are chat", "[understanding]") {
  CHECK(answer("menurut admin siapa yg paling layak jadi gubernur?").speech_act == SpeechAct::out_of_scope);
  CHECK(answer("halo min, botnya masih aktif kan?").speech_act == SpeechAct::small_talk);
  CHECK(answer("bot ini bisa bantu soal apa aja?").speech_act == SpeechAct::help);
  // "calon mana pun" names every candidate; it asks nowhere.
  CHECK(explain("sy kades, boleh ngajak warga ke TPS tanpa nyebut calon mana pun?").reading.focus ==
        QuestionFocus::verdict);
}

TEST_CASE("a relative who holds no post is a citizen", "[understanding]") {
  auto reading = explain("sy perangkat desa, suami sy jd timses caleg, dia ga punya jabatan apa2. boleh?").reading;
  CHECK(reading.subject_person().role == netra::knowledge::Role::citizen);
  CHECK(answer("sy perangkat desa, suami sy jd timses caleg, dia ga punya jabatan apa2. boleh?").verdict ==
        Verdict::boleh);
}

TEST_CASE("a condition opens a clause of its own: whoever it names does its act", "[understanding]") {
  auto reading = explain("sy kades, boleh ga lapor ke bawaslu kalau liat caleg bagi2 uang?").reading;
  auto money = std::find_if(reading.acts.begin(), reading.acts.end(),
                            [](const ActMention& act) { return act.act == Act::give_money; });
  REQUIRE(money != reading.acts.end());
  CHECK(reading.people[money->person].role == netra::knowledge::Role::candidate);
  CHECK(answer("sy kades, boleh ga lapor ke bawaslu kalau liat caleg bagi2 uang?").verdict == Verdict::boleh);
  // The one seen, named by a relation, does what follows.
  auto seen = explain("sy PNS, boleh lapor kalo liat atasan sy ikut kampanye?").reading;
  CHECK_FALSE(writer_does(seen, Act::attend_campaign));
}

TEST_CASE("plain clothes are no attribute", "[understanding]") {
  CHECK_FALSE(writer_does(explain("sy PNS boleh nonton kampanye cabup pake kaos polos?").reading, Act::wear_attributes));
  CHECK(writer_does(explain("sy PNS boleh nonton kampanye cabup pake kaos cabup?").reading, Act::wear_attributes));
}

TEST_CASE("a criminal penalty asked of anyone of a role under a condition is the sanction asked", "[understanding]") {
  auto reading = explain("kaur desa kena pidana gak kalau jadi tim kampanye capres?").reading;
  CHECK_FALSE(reading.sanction_asks_whether_punished);
}

TEST_CASE("how one is at a gathering, said in the sentence right after, is said of that attendance", "[understanding]") {
  auto reading = explain("PPPK boleh dtg kampanye cabup abis jam kerja? cuma liat2 aja, pake baju biasa").reading;
  CHECK_FALSE(std::any_of(reading.acts.begin(), reading.acts.end(),
                          [](const ActMention& act) { return act.act == Act::attend_campaign && !act.negated; }));
  CHECK(reading.has(Modifier::off_hours));
  CHECK(answer("PPPK boleh dtg kampanye cabup abis jam kerja? cuma liat2 aja, pake baju biasa").verdict ==
        Verdict::hati_hati);
  // A sentence after that does more than say how ("cuma ngajak hadir") leaves the attendance as it is.
  CHECK(answer("kades bikin edaran supaya warga hadir di kampanye cabup nomor 2. kan cuma ngajak hadir").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a quoted call to back someone is an appeal, whatever word opens it", "[understanding]") {
  CHECK(answer("sy PNS, kmrn japri adik 'besok pilih no 2 ya'. masalah ga?").verdict == Verdict::dilarang);
  CHECK(answer("sy guru PNS, boleh bilang di grup ortu murid 'mari dukung calon yg pro guru'?").verdict ==
        Verdict::dilarang);
  // One's own choice told is no appeal.
  CHECK(answer("sy PNS, cerita ke istri 'aku pilih nomor 2'. gpp kan?").verdict != Verdict::dilarang);
}

TEST_CASE("an offer of money for a vote is a gift, so taking it is receiving money", "[understanding]") {
  auto reading = explain("pilkada besok, ada yg nawarin 50rb kalau milih paslon 2. kalau sy terima aja tapi nyoblos "
                         "yg lain, kena ga?").reading;
  CHECK(writer_does(reading, Act::receive_money));
  CHECK(answer("pilkada besok, ada yg nawarin 50rb kalau milih paslon 2. kalau sy terima aja tapi nyoblos yg lain, "
               "kena ga?").verdict != Verdict::boleh);
}

TEST_CASE("coming told bare is to the gathering the sentence before names, whatever is feared after", "[understanding]") {
  auto reading = explain("Bawaslu ngadain sosialisasi pengawasan partisipatif, sy PPPK diundang. Dateng boleh? takut "
                         "dikira ikut politik").reading;
  auto coming = std::find_if(reading.acts.begin(), reading.acts.end(),
                             [](const ActMention& act) { return act.act == Act::attend_passive; });
  REQUIRE(coming != reading.acts.end());
  CHECK(coming->target == netra::knowledge::Target::election_body);
}

TEST_CASE("a one-word act cue that names someone acting is that person, not a deed", "[understanding]") {
  auto reading = explain("PPS minta pake balai desa buat sosialisasi dari KPU. sy kades, boleh?").reading;
  CHECK_FALSE(writer_does(reading, Act::serve_election_staff));
  CHECK(answer("PPS minta pake balai desa buat sosialisasi dari KPU. sy kades, boleh?").verdict == Verdict::boleh);
  CHECK(writer_does(explain("sy kades, boleh jadi PPS?").reading, Act::serve_election_staff));
}

TEST_CASE("Minang words for joining and a party's district office are read", "[understanding]") {
  CHECK(writer_does(explain("ambo PPPK, buliah ndak ambo masuak partai?").reading, Act::join_party));
  CHECK(answer("anggota BPD boleh jd sekretaris PAC partai?").verdict == Verdict::dilarang);
}

TEST_CASE("content made for a call to turn out, for no one, serves that call", "[understanding]") {
  CHECK(answer("sy PNS, boleh bikin konten ngajak anak muda dateng ke TPS tanpa nyebut calon apapun?").verdict ==
        Verdict::boleh);
  // Javanese "saking" names where a print comes from.
  CHECK(answer("kula kades, angsal nyebar poster saking KPU babagan tanggal coblosan?").verdict == Verdict::boleh);
}
