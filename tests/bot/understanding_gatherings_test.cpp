// Gatherings, gifts and things lent told in a story and asked about in a word ("dateng gpp?", "sy terima aja",
// "boleh sy pinjemin?"), calls on others to come to a campaign, prints from a neutral body, whom a quote names, and
// roles no longer held. Messages here are written for these tests, not taken from any eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Role;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;

namespace {

bool asks_act(const Reading& reading, Act act) {
  return std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(),
                     [&](size_t index) { return reading.acts[index].act == act; });
}

Role subject_role(const Reading& reading) { return reading.people[reading.subject].role; }

}  // namespace

TEST_CASE("coming asked bare is coming to the gathering the story named", "[understanding]") {
  auto reading = explain("sy PNS. tetangga sy caleg bikin syukuran di rumahnya. boleh dtg?").reading;
  CHECK(reading.subject == 0);
  CHECK(asks_act(reading, Act::attend_passive));
  // A candidate's gathering: careful, never a plain "Boleh".
  CHECK(answer("sy PNS. tetangga sy caleg bikin syukuran di rumahnya. boleh dtg?").verdict == Verdict::hati_hati);
}

TEST_CASE("what the subject was told to do at the gathering is asked with the coming", "[understanding]") {
  auto reading = explain("sy PNS. kabid minta kami pake kaos paslon 2 di jalan sehat minggu. sy dateng gpp?").reading;
  CHECK(asks_act(reading, Act::wear_attributes));
  CHECK(answer("sy PNS. kabid minta kami pake kaos paslon 2 di jalan sehat minggu. sy dateng gpp?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("others coming, told outside the question, is the scene and not whom the question asks about",
          "[understanding]") {
  auto reading = explain("kadus kami bikin posko relawan caleg di rumahnya. tetangga pada dateng. dia kena ga").reading;
  CHECK(subject_role(reading) == Role::perangkat);
  CHECK(answer("kadus kami bikin posko relawan caleg di rumahnya. tetangga pada dateng. dia kena ga").verdict ==
        Verdict::dilarang);
}

TEST_CASE("asking others to come to a candidate's campaign is the asker's call to support them", "[understanding]") {
  auto reading = explain("lurah bikin pengumuman supaya warga dateng ke kampanye cawalkot nomor 3. boleh?").reading;
  CHECK(subject_role(reading) == Role::asn);
  CHECK(asks_act(reading, Act::invite_to_vote));
  // A question that names no one is about the official, not about the residents who would come.
  auto told = answer("kades kirim edaran ke ketua RT supaya warga hadir di rapat akbar paslon 2. kan cuma ngajak hadir aja");
  CHECK(told.verdict == Verdict::dilarang);
  // Invited oneself, the writer's own coming is what is asked.
  auto invited = explain("sy PNS, diajak temen dateng ke kampanye paslon 1, boleh?").reading;
  CHECK(invited.subject == 0);
  CHECK(asks_act(invited, Act::attend_campaign));
}

TEST_CASE("accepting told bare after a gift of money is receiving it", "[understanding]") {
  auto reading = explain("ada org ngasih amplop pas pilbup, sy terima aja. sy kena?").reading;
  CHECK(reading.subject == 0);
  CHECK(asks_act(reading, Act::receive_money));
  CHECK(answer("ada org ngasih amplop pas pilbup, sy terima aja. sy kena?").verdict != Verdict::boleh);
  // Thanks is no acceptance.
  auto thanks = explain("timses ngasih amplop ke warga. terima kasih infonya").reading;
  CHECK(std::none_of(thanks.acts.begin(), thanks.acts.end(),
                     [](const ActMention& act) { return act.act == Act::receive_money; }));
}

TEST_CASE("a role left is no longer held", "[understanding]") {
  CHECK(subject_role(explain("sy udh keluar dari PPPK thn lalu, skrg mau jd relawan caleg. boleh?").reading) ==
        Role::citizen);
  CHECK(subject_role(explain("sy mantan sekdes, mau jd timses caleg. boleh?").reading) == Role::citizen);
  CHECK(answer("sy mantan sekdes, mau jd timses caleg. boleh?").verdict == Verdict::boleh);
  // Leaving asked about, not done, leaves the role held.
  CHECK(subject_role(explain("sy PPPK, harus keluar dari PPPK dulu kalau mau jd timses?").reading) == Role::pppk);
}

TEST_CASE("a trade or a youth-group post is a citizen's", "[understanding]") {
  CHECK(subject_role(explain("sy cuma jualan gorengan, bukan PNS bukan apa2. boleh pasang stiker caleg di gerobak?").reading) ==
        Role::citizen);
  CHECK(answer("ketua karang taruna jd relawan capres, boleh?").verdict == Verdict::boleh);
}

TEST_CASE("village equipment lent to a campaign is put to its use, a hall lent is the hall rule's question",
          "[understanding]") {
  CHECK(answer("sy kasi pelayanan, minjemin genset kantor desa ke acara caleg, boleh?").verdict == Verdict::dilarang);
  // The thing lent named earlier in the story, the lending asked bare.
  const std::string lent = "Sy sekdes. Ambulans desa lg nganggur, relawan capres mau pake buat jemput massa. boleh sy pinjemin?";
  CHECK(asks_act(explain(lent).reading, Act::use_facilities));
  CHECK(answer(lent).verdict == Verdict::dilarang);
  CHECK(answer("sy sekdes, tim caleg mau pinjem aula kantor desa buat rapat, boleh sy pinjemin?").verdict ==
        Verdict::hati_hati);
}

TEST_CASE("a print from the election body is that body's, even past a quote", "[understanding]") {
  auto reading = explain("sy PPPK, mau pasang spanduk \"Ayo Nyoblos, Jangan Golput\" dari KPU di pagar rumah. boleh?").reading;
  REQUIRE(!reading.asked_acts.empty());
  CHECK(reading.acts[reading.asked_acts.front()].target == netra::knowledge::Target::election_body);
  CHECK(answer("sy PPPK, mau pasang spanduk \"Ayo Nyoblos, Jangan Golput\" dari KPU di pagar rumah. boleh?").verdict ==
        Verdict::boleh);
  // A candidate's print stays a campaign print.
  CHECK(answer("sy PPPK, mau pasang spanduk dari timses caleg di pagar rumah. boleh?").verdict == Verdict::dilarang);
}

TEST_CASE("whoever a quote names acts inside it, not in the words around it", "[understanding]") {
  auto reading = explain("poster dari Bawaslu yg 'Warga Awasi Pemilu' boleh di-share PNS?").reading;
  CHECK(subject_role(reading) != Role::citizen);
  CHECK(answer("poster dari Bawaslu yg 'Warga Awasi Pemilu' boleh di-share PNS?").verdict == Verdict::boleh);
}

TEST_CASE("whether one must obey an order asks whether doing it is allowed", "[understanding]") {
  auto reply = answer("camat nyuruh semua staf pake pin paslon 1 pas apel. kalo nolak takut dimutasi. kami wajib nurut?");
  CHECK(reply.verdict == Verdict::dilarang);
}

TEST_CASE("a village official running a candidate's group is banned", "[understanding]") {
  CHECK(answer("pak kasi kesra jd admin grup FB pendukung cabup, gpp?").verdict == Verdict::dilarang);
}

TEST_CASE("an official's event or post in a story where the official runs again is the incumbent's", "[understanding]") {
  // Duty at an incumbent's official visit is careful, not banned, for a kades.
  CHECK(answer("walikota petahana kunker ke kelurahan, sy lurah wajib menyambut. boleh?").verdict != Verdict::boleh);
  CHECK(answer("sy kades, gubernur petahana resmiin pasar desa, sy kasih sambutan. boleh?").verdict == Verdict::hati_hati);
  // A post about a government event, liked while its owner runs again, is never plainly "Boleh".
  auto liked = explain("sy PPPK, like postingan walikota soal peresmian taman? dia nyalon lagi").reading;
  REQUIRE(!liked.asked_acts.empty());
  CHECK(liked.acts[liked.asked_acts.front()].target == netra::knowledge::Target::incumbent_official);
  CHECK(answer("sy PPPK, like postingan walikota soal peresmian taman? dia nyalon lagi").verdict == Verdict::hati_hati);
}

TEST_CASE("a bare 'dateng?' goes to the gathering told before, not to the office the writer works in",
          "[understanding]") {
  auto family = answer("adek sy caleg DPRD, sabtu ada syukuran pendaftaran di rumah ortu. sy PNS di dinas pendidikan. "
                       "boleh dateng ga?");
  CHECK(family.verdict == Verdict::hati_hati);
  // An office named as the gathering's host still counts when nothing else is named.
  CHECK(answer("dinas pendidikan ngadain upacara hari guru. sy diundang. boleh dateng?").verdict == Verdict::boleh);
}

TEST_CASE("a circular telling residents to attend a rally is mobilising them, and renting a hall is using it",
          "[understanding]") {
  CHECK(answer("Saya kades. Mau bikin surat edaran ke RT RW supaya warga hadir di kampanye akbar capres, cuma hadir. "
               "Boleh?")
            .verdict == Verdict::dilarang);
  CHECK(answer("Warga boleh ga sewa gedung serbaguna milik pemkab buat acara kampanye caleg?").verdict ==
        Verdict::hati_hati);
}

TEST_CASE(
    "those obliged to attend an incumbent's official ceremony attend, and one who obliges them in the active form "
    "mobilises",
    "[understanding]") {
  const char* obliged =
      "bupati petahana yg nyalon lagi ngadain acara resmi peresmian pasar, kami PNS diwajibkan hadir. melanggar gk?";
  const Explanation explanation = explain(obliged);
  const auto& acts = explanation.reading.acts;
  CHECK(std::none_of(acts.begin(), acts.end(),
                     [](const ActMention& a) { return a.act == Act::mobilise_staff && a.person == 0; }));
  CHECK(answer(obliged).verdict == Verdict::hati_hati);
  // The writer who obliges staff to attend a candidate's event mobilises them.
  CHECK(answer("sy kabag, wajibkan staf hadir di acara bupati petahana yg nyalon lagi. boleh?").verdict ==
        Verdict::dilarang);
}
