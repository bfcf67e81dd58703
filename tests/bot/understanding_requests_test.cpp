// What others ask of the writer and what is done to them: a campaign's wish to use or rent the facilities a bound
// writer runs, rent paid for a hall, someone "there is" who acts, a photo or a name used without consent, deeds the
// writer denies, a share sent to a story, running told of an office, "-ku" relatives, courtesy followed by plans,
// watching on a screen, and a quoted plea to remember a running relative.
// Messages here are written for these tests, not taken from any eval set.
#include <catch2/catch.hpp>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Modifier;
using netra::knowledge::Role;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;
using netra::testing::find_act;

TEST_CASE("a campaign's wish to use what a bound writer runs asks whether the writer may grant it", "[understanding]") {
  // A vehicle wished for is the writer's own use of it for the campaign.
  Reading car = explain("sy kepala desa, timses caleg mau pinjem mobil operasional desa buat kampanye. boleh?").reading;
  auto use = find_act(car, Act::use_facilities);
  REQUIRE(use);
  CHECK(use->person == 0);
  CHECK(answer("sy kepala desa, timses caleg mau pinjem mobil operasional desa buat kampanye. boleh?").verdict ==
        Verdict::dilarang);
  // A hall wished for is lent: the conditions decide (MK 65/PUU-XXI/2023), never a plain answer either way.
  Reading hall = explain("sy PNS pengelola aula pemkab, partai mau sewa aula buat kampanye. boleh disewain?").reading;
  auto lend = find_act(hall, Act::lend_facilities);
  REQUIRE(lend);
  CHECK(lend->person == 0);
  CHECK(answer("sy PNS pengelola aula pemkab, partai mau sewa aula buat kampanye. boleh disewain?").verdict ==
        Verdict::hati_hati);
  // Without a wish it is the campaign's use told, not the writer's.
  Reading told = explain("sy kepala desa, kemarin timses caleg pinjem mobil operasional desa buat kampanye").reading;
  auto theirs = find_act(told, Act::use_facilities);
  REQUIRE(theirs);
  CHECK(theirs->person != 0);
}

TEST_CASE("rent paid at the set tariff is the rental, not money handed out", "[understanding]") {
  Reading rent = explain("aula pemkab disewain ke semua partai gantian, bayar sesuai tarif perda. sy PNS, aman?").reading;
  CHECK_FALSE(find_act(rent, Act::give_money));
  CHECK(find_act(rent, Act::lend_facilities));
  CHECK(answer("aula pemkab disewain ke semua partai gantian, bayar sesuai tarif perda. sy PNS, aman?").verdict ==
        Verdict::hati_hati);
  Reading bribe = explain("sy PNS, timses bayar warga 50rb per orang buat datang kampanye, gmn?").reading;
  CHECK(find_act(bribe, Act::give_money));
}

TEST_CASE("someone 'there is' who acts is not the writer", "[understanding]") {
  Reading group = explain("sy PNS, admin grup WA alumni SMP, ada anggota yg share flyer caleg tiap hari. gmn?").reading;
  auto share = find_act(group, Act::share);
  REQUIRE(share);
  CHECK(share->person != 0);
  // The writer who names themself before the team is in it ("sy jadi timses … pasang baliho").
  Reading member = explain("sy jadi timses caleg pasang baliho di kampung. sy PPPK aman?").reading;
  auto joined = find_act(member, Act::join_team);
  REQUIRE(joined);
  CHECK(joined->person == 0);
  CHECK(answer("sy jadi timses caleg pasang baliho di kampung. sy PPPK aman?").verdict == Verdict::dilarang);
  // The one told to act by someone there is, is the writer.
  Reading told = explain("sy PNS, ada yg nyuruh ikut kampanye caleg besok, gmn?").reading;
  auto attend = find_act(told, Act::attend_campaign);
  REQUIRE(attend);
  CHECK(attend->person == 0);
}

TEST_CASE("a bound writer's name or photo used without consent calls for care", "[understanding]") {
  CHECK(answer("sy kades, nama sy dimasukin ke SK tim pemenangan paslon tanpa sepengetahuan sy. hrs gmn?").verdict ==
        Verdict::hati_hati);
  CHECK(answer("sy warga biasa, KTP sy dicatut buat dukungan calon perseorangan tanpa sepengetahuan sy").verdict ==
        Verdict::info);
}

TEST_CASE("deeds the writer denies are not judged by the entry for them", "[understanding]") {
  // No rule decides; the nearest entry forbids a gesture the writer says they did not make.
  Verdict denied =
      answer("sy PNS, cagub lewat di pasar trus salaman sama sy, timnya motret. sy ga acungin jari, ga senyum ke "
             "kamera. fotonya diunggah akun relawannya. sy kena?")
          .verdict;
  CHECK(denied == Verdict::hati_hati);
}

TEST_CASE("a share sent to a story is one share, and running told of an office is no one's deed", "[understanding]") {
  Reading story = explain("sy PPPK, share infografis jadwal pemilu dari akun KPU ke story WA, boleh?").reading;
  // A story made after a share, not sent to, is a post of its own.
  CHECK(answer("sy PNS share jadwal KPU trus bikin story dukung paslon 2").verdict == Verdict::dilarang);
  CHECK_FALSE(find_act(story, Act::post));
  CHECK(answer("sy PPPK, share infografis jadwal pemilu dari akun KPU ke story WA, boleh?").verdict == Verdict::boleh);
  Reading office = explain("sy PNS, komen 'lanjutkan pak' di postingan walikota petahana yg lagi nyalon, gmn?").reading;
  CHECK_FALSE(find_act(office, Act::run_for_office));
  CHECK_FALSE(office.people[0].runs_for_office);
  CHECK(answer("sy PNS, komen 'lanjutkan pak' di postingan walikota petahana yg lagi nyalon, gmn?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a relative joined to '-ku' is the writer's own, and the role after it theirs", "[understanding]") {
  Reading wife = explain("istriku PPPK like postingan caleg, boleh?").reading;
  auto like = find_act(wife, Act::like);
  REQUIRE(like);
  CHECK(wife.people[like->person].role == Role::pppk);
}

TEST_CASE("courtesy followed only by plans is no question", "[understanding]") {
  CHECK(explain("oke siap pak, nanti sy teruskan ke perangkat lain 👍").reading.speech_act ==
        SpeechAct::acknowledgement);
  CHECK(explain("oke siap pak, nanti sy ikut kampanye caleg ya").reading.speech_act == SpeechAct::question);
  // An emoji alone reacts to the chat; beside words it may still be a deed.
  CHECK(explain("siap pak 👍 sy kadus").reading.speech_act == SpeechAct::acknowledgement);
  CHECK(find_act(explain("sy PNS kasih 👍 di postingan caleg, gmn?").reading, Act::like) != nullptr);
  CHECK(explain("lusa di Sleman ujan ga ya").reading.speech_act != SpeechAct::acknowledgement);
  CHECK(explain("iya pak. kemarin sy udah bagi amplop ke warga 50rb per KK").reading.speech_act == SpeechAct::question);
  CHECK(explain("iya pak, kemarin sy pake mobil dinas antar keluarga ke pasar").reading.speech_act ==
        SpeechAct::question);
}

TEST_CASE("watching on a screen is watching, and 'langgar' alone is the verb", "[understanding]") {
  Reading screen = explain("sy ASN, cuma nonton debat cagub di TV rumah, aman?").reading;
  CHECK(find_act(screen, Act::watch_or_read));
  CHECK_FALSE(find_act(screen, Act::attend_passive));
  CHECK(answer("sy ASN, cuma nonton debat cagub di TV rumah, aman?").verdict == Verdict::boleh);
  CHECK_FALSE(explain("ASN yg langgar netralitas sanksinya apa?").reading.has(Modifier::place_worship));
  CHECK(explain("sy PNS, caleg mau ceramah di langgar kampung, sy boleh ikut?").reading.has(Modifier::place_worship));
}

TEST_CASE("a quoted plea to remember a running relative is an appeal", "[understanding]") {
  Reading plea = explain("sy kades, suami sy nyaleg. sy bilang ke ibu2 PKK 'jangan lupa suami sy ya'. salah?").reading;
  auto appeal = find_act(plea, Act::invite_to_vote);
  REQUIRE(appeal);
  CHECK(appeal->person == 0);
  CHECK(answer("sy kades, suami sy nyaleg. sy bilang ke ibu2 PKK 'jangan lupa suami sy ya'. salah?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a campaign's side right after a passive deed is its doer", "[understanding]") {
  Reading rented = explain("gedung kesenian milik pemda boleh disewa timses caleg ga?").reading;
  auto use = find_act(rented, Act::use_facilities);
  REQUIRE(use);
  CHECK(use->person != 0);
  CHECK_FALSE(find_act(rented, Act::join_team));
  // Put into a team ("dimasukin timses"), the writer is in it.
  CHECK(find_act(explain("sy PNS dimasukin timses caleg tanpa ditanya, gmn?").reading, Act::join_team));
}

TEST_CASE("a meeting an election body holds is attended as its", "[understanding]") {
  CHECK(answer("sy PNS di kesbangpol, diundang ikut rakor pengawasan pemilu yg diadain Bawaslu. boleh?").verdict ==
        Verdict::boleh);
  CHECK(answer("sy PNS, diundang ikut rakor tim pemenangan caleg malam ini. boleh?").verdict == Verdict::dilarang);
}

TEST_CASE("helping pack a campaign's goods is work for it, and a shirt worn only at home is care", "[understanding]") {
  CHECK(find_act(explain("sy PNS, boleh bantu packing stiker caleg di rumah?").reading, Act::join_team));
  CHECK(answer("sy PNS, boleh bantu packing stiker caleg di rumah?").verdict == Verdict::dilarang);
  CHECK(answer("sy PPPK, kaos paslon dari tetangga sy pake tidur di rumah aja, ga difoto. aman?").verdict ==
        Verdict::hati_hati);
}
