// Who a deed belongs to when the writer's household, a permission, a passive with its doer, a withdrawal or a
// classifying question stands around it; neutral bodies named in the deed's sentence; village administration
// outside the election; English the chat map now reads. Messages here are written for these tests, not taken
// from any eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Modifier;
using netra::knowledge::SpeechAct;
using netra::knowledge::Target;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;

namespace {

bool writer_does(const Reading& reading, Act act) {
  return std::any_of(reading.acts.begin(), reading.acts.end(),
                     [&](const ActMention& mention) { return mention.act == act && mention.person == 0 && !mention.negated; });
}

bool asked(const Reading& reading, Act act) {
  return std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(),
                     [&](size_t index) { return reading.acts[index].act == act; });
}

std::optional<Target> target_of(const Reading& reading, Act act) {
  for (const auto& mention : reading.acts) {
    if (mention.act == act && !mention.negated) return mention.target;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a free relative's campaign at a home shared with someone bound is hati-hati", "[understanding]") {
  auto home = explain("suami sy guru PNS, sy pedagang. rapat relawan capres mau sy adain di rumah kami, boleh?").reading;
  CHECK(home.modifiers.count(Modifier::household_bound) == 1);
  CHECK(home.modifiers.count(Modifier::own_home) == 1);
  CHECK(answer("suami sy guru PNS, sy pedagang. sy pasang spanduk capres di tembok rumah kami, boleh?").verdict ==
        Verdict::hati_hati);
  // Her own shop is no shared home; with nobody bound at home the home is hers to use.
  CHECK(answer("suami sy guru PNS, sy pedagang. sy pasang spanduk capres di kios sy di pasar, boleh?").verdict ==
        Verdict::boleh);
  CHECK(answer("sy pedagang, suami sy juga pedagang. sy pasang spanduk capres di tembok rumah kami, boleh?").verdict ==
        Verdict::boleh);
}

TEST_CASE("permission given to the writer is a circumstance of the writer's own deed, not a lending",
          "[understanding]") {
  auto reading = explain("kabid sy udah ngizinin sy jadi relawan cagub asal kerjaan beres. sy PNS, aman kan?").reading;
  CHECK(writer_does(reading, Act::join_team));
  CHECK_FALSE(writer_does(reading, Act::lend_facilities));
  CHECK(reading.modifiers.count(Modifier::with_permission) == 1);
  CHECK(answer("kabid sy udah ngizinin sy jadi relawan cagub asal kerjaan beres. sy PNS, aman kan?").verdict ==
        Verdict::dilarang);
  // Permitting a candidate to use a hall is still lending it.
  CHECK(writer_does(explain("sy camat. caleg minta pake aula kecamatan buat tatap muka. boleh sy izinkan?").reading,
                    Act::lend_facilities));
}

TEST_CASE("an act named after a classifier is the category asked, and the deed told before is the question",
          "[understanding]") {
  auto reading = explain("sy PNS, kemarin nemenin ibu sy daftar pengobatan gratis di posyandu. itu termasuk ikut "
                         "kampanye ga?").reading;
  CHECK_FALSE(asked(reading, Act::attend_campaign));
  // The question sentence names a category only: what is asked is the use told in the sentence before.
  auto hall = explain("aula kantor desa mau dipake PPS buat rapat pleno. itu ga termasuk fasilitas negara buat "
                      "kampanye kan? sy kades").reading;
  CHECK_FALSE(hall.asked_acts.empty());
  CHECK(std::none_of(hall.asked_acts.begin(), hall.asked_acts.end(),
                     [&](size_t index) { return hall.acts[index].sentence == 1; }));
}

TEST_CASE("an act whose clause names nothing is directed at the election body its sentence names",
          "[understanding]") {
  auto reading = explain("Bawaslu kota ngadain apel siaga di lapangan, sy PNS diminta hadir. itu bukan politik "
                         "praktis kan?").reading;
  CHECK(target_of(reading, Act::attend_passive) == Target::election_body);
  CHECK(answer("Bawaslu kota ngadain apel siaga di lapangan, sy PNS diminta hadir. itu bukan politik praktis kan?")
            .verdict == Verdict::boleh);
  // A print an election body opens the sentence with is that body's.
  auto print = explain("sy kades. KPU kab kirim stiker. boleh sy tempel di papan pengumuman desa?").reading;
  CHECK(target_of(print, Act::install_props) == Target::election_body);
  // A body named after the deed is no target of it: the writer attended the candidate's campaign.
  auto sent = explain("Caleg X kampanye di lapangan desa. Sy PNS ikut hadir, trus videonya sy kirim ke Bawaslu. Kena "
                      "ga?").reading;
  CHECK(target_of(sent, Act::attend_passive) == Target::candidate);
  // The office a writer works in is no target of the writer's deed.
  auto office = explain("camat kami jadi ketua panitia acara yg dibiayai timses caleg. sy staf kecamatan, kami disuruh "
                        "jd panitia juga. boleh?").reading;
  CHECK(target_of(office, Act::organise) != Target::government);
}

TEST_CASE("a passive deed whose doer is named after it is the doer's, and receiving stays the writer's",
          "[understanding]") {
  auto stuck = explain("pagar rumah sy dipasangi bendera partai oleh relawan caleg pas sy mudik. sy PNS, kena ga?");
  CHECK_FALSE(writer_does(stuck.reading, Act::install_props));
  CHECK_FALSE(writer_does(stuck.reading, Act::join_team));
  CHECK(answer("pagar rumah sy dipasangi bendera partai oleh relawan caleg pas sy mudik. sy PNS, kena ga?").verdict ==
        Verdict::hati_hati);
  auto envelope = explain("sy dikasih amplop sama relawan cabup, sy terima aja. gpp kan?").reading;
  CHECK(writer_does(envelope, Act::receive_money));
  // Lending named in the passive stays the lender's, whoever borrows.
  CHECK(writer_does(explain("sy kades, balai desa mau dipinjem sama timses caleg buat rapat, boleh?").reading,
                    Act::lend_facilities));
  // Put up by the writer: still the writer's deed.
  CHECK(writer_does(explain("pagar rumah dipasangi spanduk caleg sama saya sendiri. sy PNS, kena ga?").reading,
                    Act::install_props));
}

TEST_CASE("a withdrawal asked about does not undo the deed before it, one still intended is allowed",
          "[understanding]") {
  auto done = explain("sy PNS, semalem ke-share video kampanye capres ke grup RT, langsung sy hapus. kena ga?").reading;
  CHECK(asked(done, Act::share));
  CHECK(answer("sy PNS, semalem ke-share video kampanye capres ke grup RT, langsung sy hapus. kena ga?").verdict ==
        Verdict::dilarang);
  CHECK(answer("sy PNS, dulu pernah share video kampanye capres. skrg mau sy hapus semua, boleh kan?").verdict ==
        Verdict::boleh);
}

TEST_CASE("driving a relative to a campaign and waiting outside is hati-hati for those bound", "[understanding]") {
  auto reading = explain("sy kaur keuangan, ibu sy jurkam caleg. ibu minta dianter ke lapangan kampanye, sy nunggu di "
                         "parkiran aja. boleh?").reading;
  CHECK(writer_does(reading, Act::accompany_candidate));
  CHECK(reading.modifiers.count(Modifier::waits_outside) == 1);
  CHECK(answer("sy kaur keuangan, ibu sy jurkam caleg. ibu minta dianter ke lapangan kampanye, sy nunggu di parkiran "
               "aja. boleh?").verdict == Verdict::hati_hati);
}

TEST_CASE("village administration with no election in it is out of scope", "[understanding]") {
  CHECK(answer("kapan dana desa tahap 3 cair ya min?").speech_act == SpeechAct::out_of_scope);
  CHECK(answer("format LPJ APBDes tahun ini gimana?").speech_act == SpeechAct::out_of_scope);
  // The same budget used for a candidate is the election's business.
  CHECK(answer("dana desa tahap 3 cair pas kampanye, kades mau bagi ke pendukung paslon 1 dulu. boleh?").speech_act ==
        SpeechAct::question);
}

TEST_CASE("words of this round: staying in office, passive listening, groups and private posts", "[understanding]") {
  CHECK(answer("sy PNS mau nyaleg DPRD, bisa tetep PNS dulu, klo kepilih baru mundur?").verdict == Verdict::dilarang);
  CHECK(answer("sy PPPK mau dateng ke kampanye cagub cuma buat denger programnya, boleh?").verdict ==
        Verdict::hati_hati);
  CHECK(explain("di grup WA RT 05 ada caleg suka kirim brosur. sy PNS cuma jd anggota grup, aman?")
            .reading.modifiers.count(Modifier::general_group) == 1);
  CHECK(answer("caleg temen sy posting foto resepsi anaknya. sy PNS boleh like?").verdict == Verdict::hati_hati);
}

TEST_CASE("English the chat map reads: wanting, going, being an ordinary citizen", "[understanding][regional]") {
  CHECK(answer("I'm an ordinary citizen, can I volunteer for a regent candidate?").verdict == Verdict::boleh);
  auto rally = explain("I'm a PNS and my wife is a DPRD candidate. Can I go to her campaign rally on leave?").reading;
  CHECK(writer_does(rally, Act::attend_campaign));
  CHECK_FALSE(writer_does(explain("I'd like to ask about the rules for village heads").reading, Act::like));
}

TEST_CASE("an incumbent replacing officials before the determination is a deed of its own, not a programme",
          "[understanding]") {
  auto reading = explain("walikota kami incumbent, sebulan sebelum penetapan calon dia memutasi lima camat. sy staf "
                         "BKPSDM, itu boleh?").reading;
  CHECK(std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(),
                    [&](size_t index) { return reading.acts[index].act == Act::replace_officials; }));
  CHECK(answer("walikota kami incumbent, sebulan sebelum penetapan calon dia memutasi lima camat. sy staf BKPSDM, itu "
               "boleh?").verdict == Verdict::dilarang);
  // Being moved oneself is the threat a superior makes, not a replacement told.
  CHECK_FALSE(writer_does(explain("sy PNS, takut dimutasi kalo ga ikut apel relawan paslon").reading,
                          Act::replace_officials));
}
