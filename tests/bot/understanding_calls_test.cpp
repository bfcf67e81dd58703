// Calls to turn out for no one, however they are made (a post, a round of visits, an announcement asked of
// others), the one a question names by what they ordered, and sentences ended by a mark with no space after it.
// Messages here are written for these tests, not taken from any eval set.
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
using netra::testing::find_act;

TEST_CASE("a post whose words call to turn out for no one is that call", "[understanding]") {
  CHECK(answer("sy sekdes, mau bikin status WA 'jangan lupa ke TPS ya, satu suara menentukan'. boleh?").verdict ==
        Verdict::boleh);
  // Liking such a post makes no call; a candidate's post with the same words stays the candidate's.
  auto liked = explain("sy PNS, like postingan KPU 'ayo ke TPS' boleh?").reading;
  CHECK(std::any_of(liked.acts.begin(), liked.acts.end(), [](const ActMention& act) { return act.act == Act::like; }));
  CHECK(answer("sy PNS, boleh share postingan caleg 'ayo ke TPS, coblos nomor 2'?").verdict == Verdict::dilarang);
}

TEST_CASE("a round of visits or an announcement that only reminds people to vote serves that reminder",
          "[understanding]") {
  CHECK(answer("sy kaur, mau keliling ngingetin warga ke TPS bawa undangan, ga nyebut calon. boleh?").verdict ==
        Verdict::boleh);
  auto announced = explain("pak kades ngumumin di balai biar warga dateng ke TPS, ga nyebut calon. boleh?").reading;
  auto call = std::find_if(announced.acts.begin(), announced.acts.end(),
                           [](const ActMention& act) { return act.act == Act::encourage_turnout; });
  REQUIRE(call != announced.acts.end());
  CHECK(announced.people[call->person].role == Role::kades);
}

TEST_CASE("one named in the question by what they ordered is the one asked about", "[understanding]") {
  auto reading =
      explain("kemarin kasubag nyuruh staf dateng ke deklarasi cabup pake seragam. yg nyuruh itu kena ga?").reading;
  CHECK(reading.people[reading.subject].role == Role::asn);
  CHECK(reading.subject != 0);
  CHECK(answer("kemarin kasubag nyuruh staf dateng ke deklarasi cabup pake seragam. yg nyuruh itu kena ga?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a question mark with no space after it still ends the sentence", "[understanding]") {
  auto reading = explain("sy PNS,klo liat kampanye dr jauh gmn?gk pake atribut").reading;
  CHECK(reading.sentence_count == 2);
  CHECK(answer("sy PNS,klo liat kampanye dr jauh gmn?gk pake atribut").verdict == Verdict::hati_hati);
}

// Messages a review of this round's reader changes found answered "Boleh" although the act is banned; each now
// reads the deed it names.
TEST_CASE("a bound writer's banned deed is never cleared by a word that looks like another role or a call",
          "[understanding]") {
  // A trade named as a verb is no role; a youth-group post held beside the kades's is outranked.
  CHECK(answer("sy PNS, boleh jualan kaos paslon 2?").verdict == Verdict::dilarang);
  CHECK(answer("sy kades merangkap pengurus karang taruna, boleh pasang baliho caleg?").verdict == Verdict::dilarang);
  // A role given as an aside, or held now after one left, binds.
  CHECK(answer("sy wartawan di media pemda (PNS). boleh nulis berita yg muji paslon 2?").verdict == Verdict::dilarang);
  CHECK(answer("saya dulu PNS di dinas pendidikan, skrg kepala sekolah. boleh ikut kampanye?").verdict ==
        Verdict::dilarang);
  // "jangan lupa" is part of the appeal, not a denial of the choice named after it.
  CHECK(answer("sy kades bilang ke warga jgn lupa coblos no 2. boleh?").verdict == Verdict::dilarang);
  CHECK(answer("sy kades ngumumin lewat toa masjid biar warga dateng ke TPS, jgn lupa coblos no 2. boleh?").verdict ==
        Verdict::dilarang);
  // A quoted call with a choice in it stays one, glued marks and veiled pointers included.
  CHECK(answer("sy PNS posting 'Ayo ke TPS!Coblos paslon no 2' di fb. boleh?").verdict == Verdict::dilarang);
  CHECK(answer("sy kades share status 'jangan lupa ke TPS, pilih yg muda dan merakyat'. gpp?").verdict !=
        Verdict::boleh);
  // The writer's own deed is the question, whatever an official in the story does.
  CHECK(answer("sy petani. kades kami milih paslon 1. sy bagi2 sembako ke tetangga biar pilih paslon 1. boleh ga?")
            .verdict == Verdict::dilarang);
  // A place named after "di" is where the thing is put, not its owner.
  CHECK(answer("caleg pasang tenda di sekolah buat kampanye. boleh?").verdict == Verdict::dilarang);
  // An official's coming to a campaign post is a deed, told bare or not.
  CHECK(answer("pak kades tiap malem dateng ke posko pemenangan paslon 2. itu boleh?").verdict != Verdict::boleh);
}

TEST_CASE("a choice quoted to others by its number is an appeal, and chanting a slogan is campaigning",
          "[understanding]") {
  CHECK(answer("wali kelas PNS bilang ke murid 'pilih yg nomor 3 ya', boleh gitu?").verdict == Verdict::dilarang);
  // A private teacher is free, but the children the teacher draws in are not.
  CHECK(answer("guru les privat ngajak anak2 SD nyanyi yel yel paslon di kelasnya. boleh?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a withdrawal asked about as a duty is the question wherever the message weighs it", "[understanding]") {
  const std::string asked =
      "sy PNS. di grup alumni ada caleg tiap hari share brosur. keluar grup alumni kan ga enak. sy harus keluar ga?";
  auto reading = explain(asked).reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::withdraw; }));
  CHECK(answer(asked).verdict != Verdict::boleh);
}

TEST_CASE("a quoted call opened by a rallying word names whom it is for", "[understanding]") {
  const char* cheered = "kades ikut nobar debat di balai, trus teriak2 'pokoknya nomor 3 juara' depan warga. gmn tuh?";
  const Explanation explanation = explain(cheered);
  const auto& acts = explanation.reading.acts;
  CHECK(std::any_of(acts.begin(), acts.end(), [](const ActMention& a) { return a.act == Act::invite_to_vote; }));
  CHECK(answer(cheered).verdict != Verdict::boleh);
  // "'ayo ke TPS'" names no one: still a call to turn out.
  CHECK(answer("kades bilang ke warga 'ayo ke TPS semua' pas rapat RT, boleh?").verdict == Verdict::boleh);
}

TEST_CASE("whether a report can be anonymous is a fact asked, unless the writer wants to report", "[understanding]") {
  Answer asked = answer("kalo lapor ke bawaslu identitas pelapor dirahasiakan gak? sy PNS");
  CHECK(asked.intent == Intent::question);
  CHECK(asked.verdict == Verdict::info);
  CHECK(answer("sy mau lapor camat yg ngumpulin staf buat kampanye, bisa anonim?").intent == Intent::report);
}

TEST_CASE("a call to turn out with words between, and a choice named by what sets someone apart", "[understanding]") {
  CHECK(answer("sy PNS, boleh nulis di grup RT 'ayo bapak2 ibu2 ke TPS tgl 14, jgn golput'?").verdict ==
        Verdict::boleh);
  // A call that names whom between its words is an appeal, not a call to turn out.
  CHECK(answer("sy kades, boleh tulis di grup warga 'ayo dukung paslon 2 ke TPS'?").verdict == Verdict::dilarang);
  // "Vote as your conscience tells you" names no one: no appeal.
  CHECK(answer("sy kades bilang ke warga 'besok coblos yg sesuai hati nurani ya'").verdict != Verdict::dilarang);
}

TEST_CASE("a plea to remember names the writer's own relative, not anyone addressed", "[understanding]") {
  auto appeals = [](const std::string& message) {
    const Reading reading = explain(message).reading;
    return find_act(reading, Act::invite_to_vote) != nullptr;
  };
  CHECK(appeals("sy kades, anak sy nyaleg. sy bilang ke warga 'jangan lupa anak sy ya'. salah?"));
  CHECK_FALSE(appeals("sy kades, di pengumuman bilang 'jangan lupa bapak ibu kerja bakti minggu pagi'"));
}
