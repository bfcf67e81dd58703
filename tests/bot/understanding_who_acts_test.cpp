// Who does what in a story: a candidate "there" who speaks, an act repeated without its object, the writer asked
// to act, an order given to the writer, a name used by others, and an appeal told as a purpose. Messages here are written for these tests, not taken from any eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Role;
using netra::knowledge::SpeechAct;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;

namespace {

// The person who does the first act of kind `act`, if the reading names one.
std::optional<Role> role_of_actor(const Reading& reading, Act act) {
  for (const auto& mention : reading.acts) {
    if (mention.act == act) return reading.people[mention.person].role;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a candidate who is 'there' at an event does the act told after them", "[understanding]") {
  auto reading = explain("sy PNS, hadir di arisan RT yg ada caleg pidato. duduk di belakang aja").reading;
  CHECK(role_of_actor(reading, Act::speak) == Role::candidate);
  // The writer only attended: careful, not banned; and the story is the writer's question, not a tip.
  auto attended = answer("sy PNS, hadir di arisan RT yg ada caleg pidato. duduk di belakang aja");
  CHECK(attended.speech_act == SpeechAct::question);
  CHECK(attended.verdict == Verdict::hati_hati);
  // Without "ada" the candidate owns the event and the speech stays with whoever the story says spoke.
  auto own = explain("sy PNS, kemarin pidato di acara caleg").reading;
  CHECK(role_of_actor(own, Act::speak) == Role::asn);
}

TEST_CASE("an act said again without its object repeats the act told before", "[understanding]") {
  auto reading = explain("timses dateng bagi2 sembako, trs minta sy ikut bagiin ke tetangga. sy PNS, gmn?").reading;
  auto by_writer = std::count_if(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
    return act.act == Act::give_money && act.person == 0;
  });
  CHECK(by_writer == 1);
  CHECK(answer("timses dateng bagi2 sembako, trs minta sy ikut bagiin ke tetangga. sy PNS, gmn?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("the writer after a verb of asking is the one asked, not a possessor", "[understanding]") {
  auto reading = explain("caleg dateng ke sekolah, trs nyuruh sy pasang spanduknya di pagar. sy guru PPPK").reading;
  CHECK(reading.people[0].mentioned);
  CHECK(reading.subject == 0);
  CHECK(answer("caleg dateng ke sekolah, trs nyuruh sy pasang spanduknya di pagar. sy guru PPPK").verdict ==
        Verdict::dilarang);
}

TEST_CASE("an order to attend a candidate's event is asked with the writer's attendance", "[understanding]") {
  // Attending alone is careful; the superior who mobilises staff is banned, and the order is what is asked.
  auto reading = explain("kadis nyuruh kami staf hadir di syukuran caleg sabtu besok. sy harus gmn?").reading;
  bool order_asked = std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(),
                                 [&](size_t i) { return reading.acts[i].act == Act::mobilise_staff; });
  CHECK(order_asked);
  CHECK(answer("kadis nyuruh kami staf hadir di syukuran caleg sabtu besok. sy harus gmn?").verdict ==
        Verdict::dilarang);
  CHECK(answer("sy PNS mau hadir di syukuran caleg sabtu besok, gmn?").verdict == Verdict::hati_hati);
}

TEST_CASE("a candidate 'there' acts in that clause only, never in the writer's question", "[understanding]") {
  // Found by a review: the writer's act in the next clause went to the candidate and was answered "Boleh".
  CHECK(answer("acara kantor nongol caleg, boleh ikut kampanye gk? sy PNS").verdict == Verdict::dilarang);
  CHECK(answer("rapat RW yg ada caleg, sy PNS boleh ikut kampanye?").verdict == Verdict::dilarang);
  CHECK(answer("ada caleg ikut kampanye di lapangan, boleh ikut gk sy pns").verdict == Verdict::dilarang);
}

TEST_CASE("reporting to a panwas is no post on it, joining one is", "[understanding]") {
  auto reading = explain("sy PNS, td lapor ke panwas soal kades bagi amplop, aman kan?").reading;
  bool supervising = std::any_of(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
    return act.act == Act::serve_election_supervisor;
  });
  CHECK_FALSE(supervising);
  CHECK(answer("sy PNS mau daftar jadi panwas kecamatan, boleh?").verdict == Verdict::hati_hati);
}

TEST_CASE("a name, photo or account used without consent is no act of its owner's", "[understanding]") {
  // Nothing to forbid; yet until disowned it reads as support of one bound by neutrality: care.
  auto reading = explain("sy guru PNS, foto sy dipasang di spanduk caleg padahal sy tidak pernah setuju. sy hrs gmn?").reading;
  bool props_stand = std::any_of(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
    return act.act == Act::install_props && !act.negated;
  });
  CHECK_FALSE(props_stand);
  CHECK(answer("sy guru PNS, foto sy dipasang di spanduk caleg padahal sy tidak pernah setuju. sy hrs gmn?").verdict ==
        Verdict::hati_hati);
  CHECK(answer("akun ig sy dibajak, trus dipake buat share konten capres. sy PPPK, sy bisa kena?").verdict ==
        Verdict::hati_hati);
  // Done by the writer, the same act is theirs.
  CHECK(answer("sy PNS pasang foto sy di spanduk caleg, boleh?").verdict == Verdict::dilarang);
  // Put into a group without consent stays that act, whose staying is the question; and a consent phrase read
  // across a sentence end ("tanpa izin. saya …") is none.
  CHECK(answer("dimasukin ke grup caleg tanpa izin sy. sy PNS, gmn?").verdict == Verdict::hati_hati);
  CHECK(answer("sy PNS, ditambahkan ke grup relawan paslon tanpa izin. saya diam saja, perlu keluar?").verdict ==
        Verdict::hati_hati);
  // Found by a review: the owner's own deeds, told in the active or with the owner named acting, stay theirs.
  CHECK(answer("foto sy dipasang di baliho caleg tanpa izin saya, yaudh sy sekalian share aja. sy PNS. boleh?").verdict ==
        Verdict::dilarang);
  CHECK(answer("Sy PNS, kmrn ikut deklarasi caleg, trus fotonya disebar tanpa izin saya. gmn?").verdict ==
        Verdict::dilarang);
  CHECK(answer("sy PNS share flyer caleg di fb, sy ga pernah izin atasan, aman gk?").verdict == Verdict::dilarang);
}

TEST_CASE("one greeted or visited is no one who acts in the clause that follows", "[understanding]") {
  // Found by a review: "warga" after "nyapa" took the writer's appeal, and the writer's vote was answered "Boleh".
  CHECK(answer("sy PNS nyapa warga sambil ngajak milih caleg no 5, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("sy perangkat desa, nyalamin warga satu2 sambil bilang jangan lupa pilih no 3. boleh?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a purpose clause naming whom to vote for is the appeal", "[understanding]") {
  auto reading = explain("bidan PNS diminta kades keliling posyandu supaya ibu2 pilih caleg anaknya, gmn?").reading;
  bool appeal = std::any_of(reading.acts.begin(), reading.acts.end(),
                            [](const ActMention& act) { return act.act == Act::invite_to_vote; });
  CHECK(appeal);
  CHECK(answer("bidan PNS diminta kades keliling posyandu supaya ibu2 pilih caleg anaknya, gmn?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a handshake where a candidate comes by is being there, and 'kebetulan' opens the writer's clause",
          "[understanding]") {
  auto reading = explain("tetangga sy hajatan, caleg dateng salaman sama tamu. kebetulan sy guru PNS ikut salaman").reading;
  CHECK(reading.people[0].role == Role::asn);
  CHECK(answer("tetangga sy hajatan, caleg dateng salaman sama tamu. kebetulan sy guru PNS ikut salaman, salah gk?")
            .verdict == Verdict::hati_hati);
}

TEST_CASE("someone the story names by nothing acts for themself, never for the writer", "[understanding]") {
  auto reading = explain("sy guru PNS. di grup wali murid ada yg share brosur caleg, sy cuma diem. aman?").reading;
  auto shared_by_writer = std::any_of(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
    return act.act == Act::share && act.person == 0;
  });
  CHECK_FALSE(shared_by_writer);
  CHECK(answer("sy guru PNS. di grup wali murid ada yg share brosur caleg, sy cuma diem. aman?").verdict !=
        Verdict::dilarang);
  // The writer's own deed told before stays the question; the photo someone took is context.
  auto own = explain("sy PNS, kmrn ikut kampanye pake atribut. ternyata ada yg foto dan upload. sanksinya apa?").reading;
  CHECK(own.subject == 0);
  // One offered something is the one asked to do it.
  auto offered = explain("sy PPPK, ada yg nawarin sy jadi admin grup relawan capres. boleh?").reading;
  CHECK(offered.subject == 0);
  CHECK(answer("sy PPPK, ada yg nawarin sy jadi admin grup relawan capres. boleh?").verdict == Verdict::dilarang);
}

TEST_CASE("voters named as what data is about are not people who act", "[understanding]") {
  auto reading = explain("sy kaur di desa, disuruh tim petahana bantu data pemilih buat door to door. boleh ga?").reading;
  CHECK(reading.subject == 0);
  CHECK(reading.people[0].role == Role::perangkat);
  CHECK(answer("sy kaur di desa, disuruh tim petahana bantu data pemilih buat door to door. boleh ga?").verdict !=
        Verdict::boleh);
}

TEST_CASE("a role the writer is likened to is the writer's role", "[understanding]") {
  auto reading = explain("jadi saksi partai di TPS boleh kan buat warga biasa kayak sy?").reading;
  CHECK(reading.people[0].role == Role::citizen);
  // Without the likeness the role stays someone else's and the writer's stays unknown.
  CHECK(explain("jadi saksi partai di TPS boleh kan buat warga biasa?").reading.people[0].role != Role::citizen);
}

TEST_CASE("a candidate's live stream watched in silence is care, a debate watched is allowed", "[understanding]") {
  CHECK(answer("sy PNS nonton live IG caleg tanpa komen, boleh?").verdict == Verdict::hati_hati);
  CHECK(answer("sy PNS nonton debat capres di tv, boleh?").verdict == Verdict::boleh);
  // Streaming a campaign oneself is still posting it.
  CHECK(answer("sy PNS, boleh live IG pas kampanye caleg?").verdict == Verdict::dilarang);
}
