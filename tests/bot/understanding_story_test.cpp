// Stories told about others: appeals told as speech, reports told as stories, and the people a story says are
// not bound. Messages here are written for these tests, not taken from any eval set.
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
using netra::testing::find_act;

TEST_CASE("a vote for a candidate asked of others is the asker's appeal", "[understanding]") {
  // Asked with an asking verb: the villagers do not vote here, the kades appeals to them.
  auto reading = explain("pak lurah minta warga milih calon walikota nomor 2, itu melanggar ga?").reading;
  const ActMention* appeal = find_act(reading, Act::invite_to_vote);
  REQUIRE(appeal != nullptr);
  CHECK(reading.people[appeal->person].role == Role::asn);
  CHECK(find_act(reading, Act::vote) == nullptr);
  // Told as speech with "supaya"/"agar", whoever is told, the writer included.
  CHECK(answer("kades ngomong ke ibu2 pengajian agar memilih paslon 3, boleh begitu?").verdict == Verdict::dilarang);
  CHECK(answer("camat bilang ke sy supaya milih paslon 1 biar aman, gmn?").verdict == Verdict::dilarang);
  // A bare "pilih" votes when a candidate follows it, and the writer's own vote stays free.
  CHECK(answer("sy guru PNS, boleh pilih calon yg sy suka di bilik suara?").verdict == Verdict::boleh);
  // Asked to turn out, for no one: a call to vote, not an appeal for a candidate.
  CHECK(answer("pak kades minta warga dateng nyoblos ke TPS, boleh kan?").verdict == Verdict::boleh);
}

TEST_CASE("a story of what someone did with a wish to report starts the report, and says where reports go",
          "[understanding]") {
  // Told, then asked how: the report flow is the answer, with where and by when beside it.
  auto told =
      answer("Lapor min, camat kami kemarin ikut deklarasi relawan capres pake kaos partai. Gimana caranya lapor?");
  CHECK(told.speech_act == SpeechAct::report_request);
  bool cites_reporting = std::any_of(told.citations.begin(), told.citations.end(),
                                     [](const Citation& c) { return c.source == "uu-7-2017" && c.pasal == "454"; });
  CHECK(cites_reporting);
  CHECK(answer("pak sekdes nempel stiker caleg di pos ronda. sy mau lapor, caranya gmn?").speech_act ==
        SpeechAct::report_request);
  // Without a story, where or how to report is a question; so is a question about a report named as a noun.
  CHECK(answer("kalo mau lapor kemana ya?").verdict == Verdict::info);
  CHECK(answer("laporan soal camat yg ikut kampanye itu bisa dikirim lewat mana?").verdict == Verdict::info);
}

TEST_CASE("one who holds no bound office may run, and a relative's candidacy told first is context",
          "[understanding]") {
  CHECK(answer("bapak sy pensiunan guru PNS, mau nyalon DPRD kota, boleh?").verdict == Verdict::boleh);
  CHECK(answer("sy PPPK, kakak sy karyawan swasta mau nyaleg DPRD provinsi. dia boleh nyaleg?").verdict ==
        Verdict::boleh);
  // Still bound: an ASN relative must resign first, a question of fact.
  CHECK(answer("kakak sy PNS di dinas PU mau nyaleg DPRD provinsi, dia boleh nyaleg?").verdict == Verdict::info);
  // "suami sy nyaleg … sy ASN, sy kena gk?": the writer asks about themself.
  auto reading = explain("suami sy nyaleg DPRD kabupaten. sy ASN di puskesmas, sy bakal kena masalah gk ya?").reading;
  CHECK(reading.subject == 0);
  CHECK(answer("suami sy nyaleg DPRD kabupaten. sy ASN di puskesmas, sy bakal kena masalah gk ya?").verdict !=
        Verdict::boleh);
}

TEST_CASE("an invitation to vote that denies naming any candidate is a call to turn out", "[understanding]") {
  CHECK(answer("sy guru PNS, boleh ngajak wali murid nyoblos tanpa nyebut nama calon sama sekali?").verdict ==
        Verdict::boleh);
  // A date is no candidate's number.
  CHECK(answer("pak camat mau bikin surat ajakan nyoblos tanggal 14 Februari, tanpa nyebut calon, boleh?").verdict ==
        Verdict::boleh);
  // Whom is still named before the denial: a number, or a description after "yg".
  CHECK(answer("sy kades, boleh ngajak warga milih nomor 2 tanpa nyebut nama calon?").verdict == Verdict::dilarang);
  CHECK(answer("sy PPPK, boleh ajak tetangga coblos yg kumisan itu, gak nyebut nama calon kok?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a decision favours the candidate its sentence names, not the office that makes it", "[understanding]") {
  auto reading = explain(
                     "kepala dinas bikin program bantuan pupuk, tp yg dapet cuma pendukung calon bupati nomor 2. "
                     "itu boleh?")
                     .reading;
  const ActMention* decision = find_act(reading, Act::favour_decision);
  REQUIRE(decision != nullptr);
  CHECK(decision->target == netra::knowledge::Target::candidate);
  CHECK(answer("kepala dinas bikin program bantuan pupuk buat semua kelompok tani. itu boleh?").verdict !=
        Verdict::dilarang);
}

TEST_CASE("a routine programme that serves no candidate is hati-hati, and 'calon manapun' denies them all",
          "[understanding]") {
  CHECK(answer("sy kades, mau salurin bantuan beras ke semua warga pas masa kampanye. gak ada kaitannya sama calon "
               "manapun. aman?")
            .verdict == Verdict::hati_hati);
  auto reading = explain("sy PNS, gak ikut grup yg isinya dukung partai mana pun, cuma grup alumni").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
    return !act.negated && act.target == netra::knowledge::Target::candidate;
  }));
}

TEST_CASE("the formal 'izin lapor' opens a report, and an invitation's vote is not a vote of its own",
          "[understanding]") {
  CHECK(answer("Izin lapor pak. Kades kami kemarin bagi amplop ke warga buat paslon 2, ada videonya.").speech_act ==
        SpeechAct::report_request);
  auto reading = explain("kades live IG ngajak warga pilih calon bupati nomor 2, boleh?").reading;
  CHECK(find_act(reading, Act::vote) == nullptr);
  CHECK(answer("kades live IG ngajak warga pilih calon bupati nomor 2, boleh?").verdict == Verdict::dilarang);
}

TEST_CASE("questions about the bot, forecasts and the weather are not legal questions", "[understanding]") {
  // Who asks and whose bot it is name no legal topic.
  CHECK(answer("bot apa ini ya?").speech_act == SpeechAct::help);
  CHECK(answer("ini bot resmi KPU bukan sih?").speech_act == SpeechAct::help);
  CHECK(answer("sy sekdes. bot ini cara pakenya gmn?").speech_act == SpeechAct::help);
  // A role someone else holds still makes it a question about them.
  CHECK(answer("kades bisa apa aja?").speech_act == SpeechAct::question);
  CHECK(answer("kira2 siapa yg bakal menang pilkada kabupaten kita?").intent == Intent::out_of_scope);
  CHECK(answer("lusa hujan gak ya di semarang").intent == Intent::out_of_scope);
}

TEST_CASE("a banner or an appeal whose candidate is denied is neutral", "[understanding]") {
  // Whose banner it is stays open: not campaign props, not yet known to be neutral.
  CHECK(answer("sy kades, boleh pasang spanduk 'Ayo ke TPS' di balai desa? tanpa gambar calon kok").verdict ==
        Verdict::hati_hati);
  CHECK(answer("sy kades, mau pasang spanduk 'Ayo ke TPS' di depan kantor desa, tanpa gambar calon. aman?").verdict ==
        Verdict::boleh);
  CHECK(answer("sy kaur desa, boleh ngajak tetangga nyoblos kan? asal ga nyebut nama").verdict == Verdict::boleh);
  // The candidate named in the appeal itself stays.
  CHECK(answer("sy kades, boleh ngajak warga nyoblos paslon 2? asal ga nyebut nama partai").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a passive written apart stays passive, and a negation opening the next sentence negates",
          "[understanding]") {
  auto reading = explain("sy PPPK, kemarin di undang nikahan anak cabup, dtg gpp? ga ada acara kampanye kok").reading;
  CHECK(find_act(reading, Act::organise) == nullptr);
  CHECK(answer("sy PPPK, kemarin di undang nikahan anak cabup, dtg gpp? ga ada acara kampanye kok").verdict ==
        Verdict::hati_hati);
}

TEST_CASE("a negation ending a gapped cue negates it, and a convoy is never passive attendance", "[understanding]") {
  // "harus .. memilih" with "gk" before the vote: not an order to vote for anyone.
  CHECK(answer("pak kades boleh ikut coblosan? atau hrs netral gk nyoblos?").verdict == Verdict::boleh);
  auto attributes = explain("sy PPPK, ikut nonton kampanye pake motor sendiri tanpa atribut, boleh?").reading;
  CHECK(find_act(attributes, Act::wear_attributes) == nullptr);
  CHECK(answer("sy guru PNS, ikut konvoi kampanye caleg pake motor sendiri tanpa atribut, boleh?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("heads of government units are ASN, and so is an ASN writer's superior", "[understanding]") {
  auto reading = explain("kepala UPT kami nyuruh semua staf ganti foto profil WA pake foto cabup, boleh?").reading;
  CHECK(reading.subject_person().role == Role::asn);
  auto superior = explain("sy PNS, atasan sy nyuruh kami semua ganti foto profil WA pake foto cabup, boleh?").reading;
  CHECK(superior.subject_person().role == Role::asn);
  CHECK(answer("sy PNS, atasan sy nyuruh kami semua ganti foto profil WA pake foto cabup, boleh?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("a village office binds whatever the status, and what a candidate leaves with the writer is asked of them",
          "[understanding]") {
  // "honorer, bukan ASN" describes the perangkat named just before: the office still binds.
  CHECK(answer("sekdes yg statusnya masih honorer, bukan ASN, bebas kampanye kan?").verdict == Verdict::dilarang);
  // "nitip stiker buat dibagiin": the writer is asked to hand them out.
  CHECK(answer("sy guru PNS. ada caleg nitip kalender buat dibagiin ke murid2, boleh ga?").verdict ==
        Verdict::dilarang);
  // Staying in a candidate's group is membership.
  CHECK(answer("sy PPPK, dimasukin ke grup WA relawan paslon 2 sama atasan. kalo sy diem aja di grup salah ga?")
            .verdict != Verdict::boleh);
  // A sanction word in a statement after the question does not make it a sanction question.
  CHECK(answer("gmn cara lapor tp identitas sy ga ketauan? sy PPPK takut diputus kontrak").verdict == Verdict::info);
}

TEST_CASE("a greeting or an announced question beside who the writer is asks nothing yet", "[understanding]") {
  CHECK(answer("Assalamualaikum, sy bidan PNS di Kab. Sleman mau nanya soal netralitas").speech_act ==
        SpeechAct::greeting);
  CHECK(answer("sugeng siang min, kulo kades teng Wonogiri 🙏").speech_act == SpeechAct::greeting);
  // A question word that asks, or an act, makes it a question.
  CHECK(answer("halo min sy kades, netralitas kades gimana").speech_act == SpeechAct::question);
  CHECK(answer("pagi min, sy PNS mau nanya, boleh like postingan caleg").speech_act == SpeechAct::question);
}

TEST_CASE("a denied role binds no act after it, and 'adiknya' after 'adik saya' is the same person",
          "[understanding]") {
  CHECK(answer("anak sy umur 25 bukan ASN jd relawan capres. sy PNS. dia gpp kan? sy gk ikut2").verdict ==
        Verdict::boleh);
  // Both roles of a denied list are denied.
  CHECK(
      answer("pak guru honorer sekolah kami bukan PNS/PPPK. dia share konten capres di grup alumni. boleh?").verdict !=
      Verdict::dilarang);
  auto reading = explain("kakak saya mau nyaleg DPRD, saya kades. kakaknya sendiri boleh kampanye kan?").reading;
  CHECK(reading.people.size() == 2);
  CHECK(answer("kakak saya mau nyaleg DPRD, saya kades. kakaknya sendiri boleh kampanye kan?").verdict ==
        Verdict::boleh);
  // A writer who permits a candidate's material in class lends the school.
  CHECK(answer("sy guru PNS SD, ada caleg minta bagi2 buku bergambar dia di kelas. sy izinin aja ya?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("'jangan lupa' before a candidate or a party appeals for them", "[understanding]") {
  CHECK(answer("sy kades, pas bagi BLT sy bilang 'jgn lupa caleg nomor 3 ya'. salah ya?").verdict == Verdict::dilarang);
  CHECK(answer("sy PNS, boleh share info 'jangan lupa cek DPT' ke grup RT?").verdict != Verdict::dilarang);
}

TEST_CASE("an election body's call to vote is for no one, and village officials as ad hoc staff are hati-hati",
          "[understanding]") {
  CHECK(answer("sy guru PPPK, mau share poster KPU ajakan nyoblos ke grup wali murid. boleh?").verdict ==
        Verdict::boleh);
  CHECK(answer("sy kadus, ditawari jadi anggota PPS, boleh?").verdict == Verdict::hati_hati);
}

TEST_CASE("whether to report what someone did, told first, is answered by the rule they broke", "[understanding]") {
  auto tip = answer("Kaur umum desa kami ikut konvoi kampanye pake kaos partai. sy sekdes, apa sy harus lapor?");
  CHECK(tip.speech_act == SpeechAct::question);
  CHECK(tip.verdict == Verdict::dilarang);
  CHECK(tip.offer_report);
  // Whether it can be reported, asked in the passive, asks the same.
  auto reportable = answer("pak camat kami ikut konvoi kampanye pake kaos partai. itu bisa dilaporin ga?");
  CHECK(reportable.verdict == Verdict::dilarang);
  CHECK(reportable.offer_report);
  // Naming whom to report, or the reporter's role, still asks about reporting.
  CHECK(answer("sy kaur desa, boleh gak sy laporin pak kades yg bagi amplop ke bawaslu?").verdict == Verdict::boleh);
  CHECK(answer("sy guru PPPK, mau lapor kepsek yg pasang baliho caleg, PPPK boleh ngelapor gak?").verdict ==
        Verdict::boleh);
}

TEST_CASE("an appeal said to others stays an appeal however it is phrased", "[understanding]") {
  // Found by a review: these read as the speaker's own vote, "Boleh".
  CHECK(answer("kades bilang ke warga pilih calon nomor 2, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("sy PNS, sy bilang ke tetangga pilih calon nomor 1 aja, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("lurah bilang warga harus pilih calon nomor 3, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("kades nitip ke warga pilih calon nomor 2, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("sy kades, ajak warga gak milih calon nomor 2 boleh?").verdict == Verdict::dilarang);
  // Telling one's own choice is not an appeal.
  CHECK(answer("sy ASN, ngobrol sm sahabat, sy bilang sy mau milih paslon 2, melanggar gk?").verdict !=
        Verdict::dilarang);
  // Leaving another group does not undo joining a candidate's.
  CHECK(answer("sy PNS gabung grup caleg terus keluar grup RT, aman?").verdict == Verdict::dilarang);
  // A candidate named in the sentence after a programme is whom it favours.
  CHECK(answer("Kadis bikin program bantuan bibit. Yg dapet cuma pendukung paslon 2. Boleh?").verdict ==
        Verdict::dilarang);
}

TEST_CASE("an applicant who passed the PPPK selection is bound, and one who retired is not", "[understanding]") {
  // PP 49/2018 16 d: applicants may not be involved in practical politics.
  CHECK(answer("sy guru honorer, baru lulus seleksi PPPK tp SK blm keluar. boleh share postingan caleg?").verdict !=
        Verdict::boleh);
  CHECK(answer("sy PNS tp udh pensiun thn lalu. skrg diajak jd tim pemenangan caleg. aman ya?").verdict ==
        Verdict::boleh);
  // Coordinating others for a candidate's event, or listing a candidate's voters, is organising.
  CHECK(answer("sy guru PPPK, diminta kepsek ngoordinir wali murid ikut jalan sehat yg disponsori paslon. gmn?")
            .verdict == Verdict::dilarang);
  CHECK(answer("pegawai kelurahan (PNS) diminta lurah ngedata warga yg mau milih paslon 1. bener ga?").verdict ==
        Verdict::dilarang);
  // A facility used for a call to turn out serves that call.
  CHECK(answer("kades boleh ngajak warga ke TPS pake toa masjid? ga nyebut nama calon").verdict == Verdict::boleh);
}

TEST_CASE("a deed told, then only how to report it, starts the report flow", "[understanding]") {
  auto how = answer("td pagi sy liat pak sekdes bagi2 duit 100rb ke ibu2 pengajian. gmn caranya lapor?");
  CHECK(how.speech_act == SpeechAct::report_request);
  CHECK(how.verdict == Verdict::none);
  // Asking whether the deed is allowed, or where reports go without a deed told, stays a question.
  CHECK(answer("td pagi sy liat pak sekdes bagi2 duit ke ibu2 pengajian. itu melanggar ga?").speech_act ==
        SpeechAct::question);
  CHECK(answer("gmn caranya lapor ke bawaslu?").speech_act != SpeechAct::report_request);
}

TEST_CASE("accepting told bare after an envelope handed to the writer receives it", "[understanding]") {
  auto kept = answer(
      "sy warga biasa, dikasih amplop 100rb sama timses paslon bupati. trima aja gpp kan, milihnya "
      "tetep bebas");
  CHECK(kept.verdict == Verdict::dilarang);
  // Voting freely, with no envelope in the story, stays the citizen's right.
  CHECK(answer("sy warga biasa, milih paslon bupati bebas kan?").verdict == Verdict::boleh);
}

TEST_CASE("a fact word told in the story before the deed it frames asks nothing", "[understanding]") {
  // "syaratnya" (a condition of the offer) is told, then the writer's deed, then the question.
  const char* story =
      "sy PNS penyuluh. warga binaan sy mau dapet bantuan bibit dr caleg, syaratnya pasang stiker partai. sy diminta "
      "jd "
      "koordinator. gmn ya?";
  CHECK(explain(story).reading.focus == netra::knowledge::QuestionFocus::verdict);
  CHECK(answer(story).verdict == Verdict::dilarang);
  // Asked in the question's own sentence, the same word still asks for the requirements.
  CHECK(explain("sy PNS, syaratnya apa aja kalau mau nyaleg DPRD?").reading.focus ==
        netra::knowledge::QuestionFocus::procedure);
}

TEST_CASE("whether what was told breaks the rules asks about the deeds told, even beside a report", "[understanding]") {
  // Someone else's deed, then "melanggar … bisa sy laporin?": the deed is answered, and reporting is offered.
  const char* told =
      "tetangga sy guru PNS. kemarin dia bagi kalender caleg ke wali murid pas ambil rapor. sy mau tau itu melanggar "
      "apa ngga, dan bisa sy laporin?";
  Answer deed = answer(told);
  CHECK(deed.intent == Intent::question);
  CHECK(deed.verdict == Verdict::dilarang);
  CHECK(deed.text.find("melaporkannya secara anonim") != std::string::npos);
  // The teacher's role is told: no note asking for the writer's.
  CHECK(deed.text.find("sebutkan peran Anda") == std::string::npos);
  // The writer's own deed, with someone else's threat to report it: the deed is still what is asked.
  const char* own =
      "sy PNS. kemarin disuruh atasan nurunin spanduk calon A doang, punya calon B dibiarin. skrg tim calon A katanya "
      "mau lapor. tindakan kayak gitu melanggar gk?";
  CHECK(answer(own).verdict != Verdict::boleh);
  // Asking only whether one may report stays a question about reporting.
  CHECK(answer("sy PNS, boleh gk lapor atasan sy ke bawaslu?").verdict == Verdict::boleh);
}
