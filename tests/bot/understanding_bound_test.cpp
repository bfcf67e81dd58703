// Who is bound and what counts as taking part: reporting, community and official events, quoted appeals,
// non-ASN workers, laughter and help requests. Messages here are written for these tests, not taken from any eval
// set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Modifier;
using netra::knowledge::Role;
using netra::knowledge::SpeechAct;
using netra::knowledge::Target;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;
using netra::testing::find_act;

TEST_CASE("reporting a violation is a right of anyone bound, and the one reported is its object", "[understanding]") {
  CHECK(answer("sy guru PPPK, aman gak kalau sy lapor ke bawaslu soal kepsek yg pasang stiker caleg?").verdict ==
        Verdict::boleh);
  // Nobody named as the reporter: a question about reporting in general gets the channels, not a permission.
  CHECK(answer("laporan pelanggaran netralitas itu bisa dikirim lewat mana aja?").verdict == Verdict::info);
  // "laporin pak kades yg ikut kampanye": the kades is reported; his campaigning is what is told, not asked.
  auto reading = explain("sy perangkat, boleh gak laporin pak kades yg ikut kampanye?").reading;
  const ActMention* report = find_act(reading, Act::report);
  REQUIRE(report != nullptr);
  CHECK(report->person == 0);
  // Whether a report is still in time, and who handles it, ask for facts.
  CHECK(answer("kejadiannya udah 10 hari lalu, masih bisa lapor ke bawaslu gak?").verdict == Verdict::info);
  CHECK(answer("laporan soal camat yg kampanye skrg diurus siapa ya?").verdict == Verdict::info);
}

TEST_CASE("a community or official event is judged by whose it is", "[understanding]") {
  CHECK(answer("sy PNS, boleh ikut senam pagi yg diadain dinkes di alun2?").verdict == Verdict::boleh);
  CHECK(answer("sy PNS, boleh ikut senam pagi yg diadain timses caleg di alun2?").verdict != Verdict::boleh);
  // A state ceremony led by an incumbent who runs again is the office's: attend it, show no support.
  CHECK(answer("sy PPPK, ikut upacara hari jadi kota yg dipimpin wali kota petahana yg nyalon lagi, aman?").verdict ==
        Verdict::hati_hati);
}

TEST_CASE("a lone 'sma' is chat for 'sama' — a school is named with more words", "[understanding]") {
  auto chat = explain("sy PNS makan siang sma temen, boleh?").reading;
  CHECK_FALSE(chat.has(Modifier::place_school));
  auto school = explain("timses boleh kampanye di SMA negeri?").reading;
  CHECK(school.has(Modifier::place_school));
  CHECK(answer("timses boleh kampanye di SMA gak?").verdict == Verdict::dilarang);
}

TEST_CASE("a quote that opens with whom to choose is an appeal by whoever says it", "[understanding]") {
  auto reading = explain("sy PNS, ditanya tetangga pilih siapa, sy jawab 'nomor 3 aja pak'. salah gak?").reading;
  const ActMention* appeal = find_act(reading, Act::invite_to_vote);
  REQUIRE(appeal != nullptr);
  CHECK(appeal->person == 0);
  CHECK(appeal->target == Target::candidate);
  CHECK(answer("sy PNS, ditanya tetangga pilih siapa, sy jawab 'nomor 3 aja pak'. salah gak?").verdict ==
        Verdict::dilarang);
  // A date is no choice: "'jangan lupa ke TPS tgl 14'" names no one.
  auto date = explain("sy bilang ke warga 'jangan lupa ke TPS tgl 14 ya'").reading;
  CHECK(std::none_of(date.acts.begin(), date.acts.end(), [](const ActMention& act) {
    return act.act == Act::invite_to_vote && act.target == Target::candidate;
  }));
}

TEST_CASE("non-ASN workers and both kinds of ASN denied are not bound as ASN", "[understanding]") {
  CHECK(explain("sy tenaga alih daya di dinas, bukan ASN. boleh ikut kampanye?").reading.subject_person().role ==
        Role::citizen);
  auto lecturer = explain("dosen, bukan PNS bukan PPPK, boleh jadi timses capres?").reading;
  CHECK(lecturer.subject_person().role == Role::citizen);
  CHECK(answer("dosen, bukan PNS bukan PPPK, boleh jadi timses capres?").verdict == Verdict::boleh);
  // Denying PNS alone leaves a PPPK possible: the job stays ASN.
  CHECK(answer("dosen, bukan PNS, boleh jadi timses capres?").verdict == Verdict::dilarang);
}

TEST_CASE("laughter of any length is a reaction, 'bisa ngapain aja' asks for help", "[understanding]") {
  CHECK(answer("wkwkwkwkwk").speech_act == SpeechAct::acknowledgement);
  CHECK(answer("awokwokwok").speech_act == SpeechAct::acknowledgement);
  CHECK(answer("kak, bot ini bisa ngapain aja?").speech_act == SpeechAct::help);
  CHECK(answer("hi, what can you do?").speech_act == SpeechAct::help);
}

TEST_CASE("what a quote says is not the writer's question — a story told with a quote is a tip", "[understanding]") {
  // "aman" inside the quote is the camat's word; the writer asks nothing.
  auto story = answer("Kemarin pak camat ngumpulin kades, katanya 'arahkan warga ke paslon 1, nanti bantuan aman'.");
  CHECK(story.speech_act == SpeechAct::tip);
  CHECK(answer("Pak camat bilang 'arahkan warga ke paslon 1 ya'. Kades boleh nurut?").speech_act ==
        SpeechAct::question);
  // "Lapor min, …" with a sanction word and no question opens a report.
  CHECK(answer("Lapor min, baliho caleg di depan puskesmas udah 2 minggu gak dicopot").speech_act ==
        SpeechAct::report_request);
  // What a report must hold asks for the procedure, even after "mau lapor".
  CHECK(answer("kalau mau lapor ke panwascam, isinya harus apa aja?").speech_act == SpeechAct::question);
  CHECK(answer("aye liat pak lurah kampanye, kudu lapor kemane ye?").verdict == Verdict::info);
}

TEST_CASE("a relative named with '-nya' is someone else's, and does the act of their relative clause",
          "[understanding]") {
  auto reading = explain("kabid sy nyuruh staf follow IG istrinya yg nyaleg").reading;
  auto runs = std::find_if(reading.people.begin(), reading.people.end(),
                           [](const Person& person) { return person.runs_for_office; });
  REQUIRE(runs != reading.people.end());
  CHECK(runs->kind == Person::Kind::relation);
  CHECK(runs->someone_elses);
  CHECK_FALSE(reading.has(Modifier::spouse_is_candidate));
  // The writer's own spouse who runs is still the writer's.
  CHECK(explain("istri sy nyaleg, sy PNS boleh dampingi dia kampanye?").reading.has(Modifier::spouse_is_candidate));
}

TEST_CASE("what a shared post is about is nobody's act, and money politics named as a subject is no candidate",
          "[understanding]") {
  auto reading = explain("sy PNS boleh share postingan Bawaslu tentang bahaya politik uang?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::give_money; }));
  CHECK(answer("sy PNS boleh share postingan Bawaslu tentang bahaya politik uang?").verdict == Verdict::boleh);
  // The post of a candidate stays a candidate's, whatever it is about.
  CHECK(answer("sy PNS boleh share postingan caleg tentang bahaya politik uang?").verdict == Verdict::dilarang);
}

TEST_CASE("openings, apologies and wishes are chat — a request to pick a candidate is declined", "[understanding]") {
  CHECK(answer("Assalamualaikum bu, mau tanya sedikit").speech_act == SpeechAct::greeting);
  CHECK(answer("mau nanya min").speech_act == SpeechAct::help);
  CHECK(answer("wkwk maaf salah kirim").speech_act == SpeechAct::small_talk);
  CHECK(answer("makasih ya min, semoga pemilu damai").speech_act != SpeechAct::question);
  CHECK(answer("menurut kamu cagub yg paling bagus siapa?").speech_act == SpeechAct::out_of_scope);
  CHECK(answer("bisa pake bahasa sunda?").speech_act == SpeechAct::help);
}

TEST_CASE("a quoted vote of one's own 'I' tells a choice — a spouse who runs is a spouse from either side",
          "[understanding]") {
  auto told = explain("sy PNS cuma bilang ke suami 'aku pilih nomor 1', gak ngajak dia. boleh?").reading;
  CHECK(find_act(told, Act::discuss_privately) != nullptr);
  CHECK(std::none_of(told.acts.begin(), told.acts.end(), [](const ActMention& act) {
    return act.act == Act::invite_to_vote && !act.negated;
  }));
  auto accompany = explain("suami sy PNS, sy sendiri caleg. boleh dia temani sy kampanye?").reading;
  CHECK(accompany.has(Modifier::spouse_is_candidate));
}

TEST_CASE("what the writer asks an active soldier or police officer to do is judged for them", "[understanding]") {
  CHECK(answer("Adik saya anggota polri. Sy pedagang. Kalau sy ajak adik bantu tempel stiker caleg gimana?")
            .verdict == Verdict::dilarang);
}

TEST_CASE("one asked about who does nothing is answered through the others' acts", "[understanding]") {
  auto reading = explain("Istri sy polisi aktif, sy pedagang. Kalo sy jd relawan caleg boleh kan? istri kena masalah gak?")
                     .reading;
  CHECK(reading.subject == 0);
  CHECK(answer("Istri sy polisi aktif, sy pedagang. Kalo sy jd relawan caleg boleh kan? istri kena masalah gak?")
            .verdict == Verdict::boleh);
  // "aturan netralitas ASN": the role a rule is about does nothing.
  CHECK(explain("sy pensiunan guru, diminta jd ketua timses cabup. masih kena aturan netralitas ASN?")
            .reading.subject_person()
            .role == Role::retired);
}

TEST_CASE("deleting what one posted is withdrawing it — a private campus lecturer is no ASN", "[understanding]") {
  CHECK(answer("sy PNS, dulu pernah posting foto kampanye caleg. skrg mau sy hapus semua, boleh kan?").verdict ==
        Verdict::boleh);
  CHECK(answer("sepupu sy dosen di kampus swasta, boleh jadi jurkam capres?").verdict == Verdict::boleh);
}

TEST_CASE("hosting the election body's work is neutral — 'no candidate or team' negates both", "[understanding]") {
  CHECK(answer("sy kades, boleh memfasilitasi Bawaslu sosialisasi pengawasan partisipatif di balai desa?").verdict ==
        Verdict::boleh);
  CHECK(answer("sy kades, boleh hadir syukuran warga? gak ada caleg atau tim kampanye yg diundang").verdict ==
        Verdict::boleh);
  // Sundanese: "atanapi" is "atau", "ngahadiran" attends.
  CHECK(answer("abdi kuwu, kenging teu ngahadiran syukuran warga? teu aya calon atanapi tim kampanye").verdict ==
        Verdict::boleh);
}

TEST_CASE("'dapet' (got) is no question word — a story of a handout is a tip", "[understanding]") {
  CHECK(answer("kmrn liat pak RW bagi2 amplop caleg di pos ronda, sy dapet 50rb").speech_act == SpeechAct::tip);
  CHECK(answer("dapatkah PNS ikut kampanye?").speech_act == SpeechAct::question);
}

TEST_CASE("a clause of only a relative and a role says what the relative is", "[understanding]") {
  auto reading = explain("sy guru PNS, istri caleg. boleh sy temani dia kampanye?").reading;
  CHECK(reading.has(Modifier::spouse_is_candidate));
  // "istri caleg bagi sembako" goes on: the candidate's wife, not the writer's.
  CHECK_FALSE(explain("istri caleg bagi sembako ke warga, sy PNS boleh ikut bantu?").reading.has(
      Modifier::spouse_is_candidate));
}

TEST_CASE("an act told without an actor is the one the question's named person is asked to join", "[understanding]") {
  auto reading = explain("Bawaslu bikin nobar debat cagub di balai kota. Lurah boleh ikut nonton?").reading;
  CHECK(reading.subject_person().role == Role::asn);
  REQUIRE_FALSE(reading.asked_acts.empty());
  CHECK(reading.acts[reading.asked_acts.front()].person == reading.subject);
  // A writer who names themself keeps their own act: the question asks about joining it.
  auto own = explain("Sy ikut nobar debat cagub di balai kota. Lurah boleh ikut juga?").reading;
  REQUIRE_FALSE(own.asked_acts.empty());
  CHECK(own.acts[own.asked_acts.front()].person == 0);
}

TEST_CASE("attending a campaign without attributes is passive attendance", "[understanding]") {
  // PP 94/2021, Penjelasan of Pasal 5 huruf n angka 1: attending without attributes to hear the programme.
  CHECK(answer("sy PNS, blh dateng ke kampanye cawalkot asal gak pakai atribut apa2?").verdict == Verdict::hati_hati);
  CHECK(answer("sy PNS, blh dateng ke kampanye cawalkot pakai kaos partai?").verdict == Verdict::dilarang);
}

TEST_CASE("the kind of a printed thing followed by its owner is the owner's", "[understanding]") {
  auto neutral = explain("sy guru PNS, blh share poster BNN soal narkoba di story WA?").reading;
  for (const auto& act : neutral.acts) CHECK(act.target != Target::candidate);
  CHECK(answer("sy guru PNS, blh share poster BNN soal narkoba di story WA?").verdict == Verdict::boleh);
  CHECK(answer("sy guru PNS, blh share poster cabup di story WA?").verdict == Verdict::dilarang);
}

TEST_CASE("a story of acts whose writer never names themself is a tip", "[understanding]") {
  auto tip = explain("tadi pagi truk dinas PU dipakai ngangkut baliho paslon ke balai desa").reading;
  CHECK(tip.speech_act == SpeechAct::tip);
  // The writer who tells their own act tells a status, not a tip.
  auto own = explain("tadi pagi sy pakai truk dinas PU ngangkut baliho paslon ke balai desa").reading;
  CHECK(own.speech_act != SpeechAct::tip);
}

TEST_CASE("a relative after a word that opens a clause is the one who acts", "[understanding]") {
  for (const char* message : {"kalau suami saya jadi relawan capres, boleh?", "apakah adik saya boleh ikut timses cabup?",
                              "sebenarnya istri saya boleh gak jadi timses caleg?"}) {
    INFO(message);
    auto reading = explain(message).reading;
    CHECK(reading.subject != 0);
    CHECK(reading.subject_person().kind == Person::Kind::relation);
  }
}

TEST_CASE("'sy anaknya' says whose relative the writer is, and their own work describes them", "[understanding]") {
  auto reading = explain("ibu sy camat, sy cuma anaknya, kerja di toko. sy boleh jadi relawan cagub?").reading;
  CHECK(reading.subject == 0);
  CHECK(reading.subject_person().role == Role::citizen);
  CHECK(answer("ibu sy camat, sy cuma anaknya, kerja di toko. sy boleh jadi relawan cagub?").verdict == Verdict::boleh);
}

TEST_CASE("a talk about one's choice with the writer on either side is the writer's", "[understanding]") {
  auto reading = explain("sepupu nanya ke saya lewat japri nanti milih siapa, saya jawab. saya PPPK, salah gak?").reading;
  REQUIRE_FALSE(reading.asked_acts.empty());
  CHECK(reading.subject == 0);
  // The writer named only as an owner ("desa kami") takes no part in what others say.
  auto other = explain("pak kades di desa kami bilang ke warga soal pilihan caleg. itu melanggar?").reading;
  CHECK(other.subject != 0);
}

TEST_CASE("a sanction asked in its own sentence beside 'boleh?' is answered by the verdict", "[understanding]") {
  // The verdict's answer states the sanction too; a level asked about an act stays a question of fact.
  CHECK(answer("kades boleh jadi jurkam caleg? kalo ketahuan sanksinya apa?").verdict == Verdict::dilarang);
  CHECK(answer("PNS ikut joget di panggung kampanye itu pelanggaran berat atau ringan?").verdict == Verdict::info);
  // Whether a PPPK's contract can be ended asks whether the act is punished: the verdict answers, with the
  // PPPK's own sanction.
  auto contract = answer("PPPK yg ketahuan jadi timses, kontraknya bisa diputus?");
  CHECK(contract.verdict == Verdict::dilarang);
  CHECK(contract.text.find("PP 49/2018 Pasal 53") != std::string::npos);
  // The sanction itself asked ("apa", "berapa") stays a question of fact.
  CHECK(answer("PPPK yg ketahuan jadi timses sanksinya apa aja?").verdict == Verdict::info);
}

TEST_CASE("what the writer saw, in a story that asks nothing, someone unnamed did", "[understanding]") {
  auto tip = explain("kemarin sore sy liat truk dinas pemkab dipake angkut kaos caleg ke balai desa").reading;
  CHECK(tip.speech_act == SpeechAct::tip);
  // Asked about, what the writer watched is their own act.
  auto own = explain("sy liat debat cagub di tv, boleh?").reading;
  CHECK(own.subject == 0);
}

TEST_CASE("acknowledgements, regional greetings and questions about the bot itself", "[understanding]") {
  CHECK(explain("oke mantap, makasih").reading.speech_act == SpeechAct::thanks);
  CHECK(explain("sugeng enjang").reading.speech_act == SpeechAct::greeting);
  CHECK(explain("siapa yg bikin bot ini? bisa dipercaya gak?").reading.speech_act == SpeechAct::help);
}

TEST_CASE("a gapped act cue never swallows another act named in its gap", "[understanding]") {
  // "daftar .. calon" (running) spans "relawan" (joining a team): the words name the team.
  auto volunteer = explain("sy mahasiswa, mau daftar relawan cagub, boleh?").reading;
  CHECK(find_act(volunteer, Act::join_team) != nullptr);
  CHECK(find_act(volunteer, Act::run_for_office) == nullptr);
  // A gap that skips no other act still reads ("daftar jadi calon").
  auto candidate = explain("sy PNS, mau daftar jadi calon DPD, gmn?").reading;
  CHECK(find_act(candidate, Act::run_for_office) != nullptr);
  // Words before the gap belong to the cue ("di add" is "added to a group", not the village fund "ADD").
  auto added = explain("sy PPPK di add tetangga ke grup wa relawan capres, gmn?").reading;
  CHECK(find_act(added, Act::added_to_group) != nullptr);
}

TEST_CASE("asking whether one may report is a question, asking whether it is safe starts the report", "[understanding]") {
  auto permission = explain("sy guru PPPK, mau lapor kepsek yg pasang baliho caleg, PPPK boleh ngelapor gak?").reading;
  CHECK(permission.speech_act == SpeechAct::question);
  CHECK(answer("sy guru PPPK, mau lapor kepsek yg pasang baliho caleg, PPPK boleh ngelapor gak?").verdict ==
        Verdict::boleh);
  auto safety = explain("mau lapor camat yg kampanye tp takut ketahuan, aman gak lapor disini?").reading;
  CHECK(safety.speech_act == SpeechAct::report_request);
}

TEST_CASE("an appeal that names its candidate by a hint is an appeal for a candidate", "[understanding]") {
  CHECK(answer("sy camat, blh kirim ke grup staf 'besok pilih yg sudah terbukti ya'?").verdict == Verdict::dilarang);
  auto hinted = explain("sy PNS, tetangga nanya, sy jawab 'pilih yg terbukti kerjanya aja'. salah gk?").reading;
  const ActMention* appeal = find_act(hinted, Act::invite_to_vote);
  REQUIRE(appeal != nullptr);
  CHECK(appeal->target == Target::candidate);
}

TEST_CASE("asking whether a withdrawal is required asks about what it would withdraw", "[understanding]") {
  // "Boleh" would answer "may I unfollow?", not "must I?": following a candidate stays forbidden until then.
  CHECK(answer("sy PPPK, udah lama follow akun tiktok caleg DPRD. wajib unfollow gak?").verdict == Verdict::dilarang);
  CHECK(answer("sy PPPK, boleh unfollow akun tiktok caleg DPRD?").verdict == Verdict::boleh);
}

TEST_CASE("a procedure asked before a trailing remark is answered with the procedure", "[understanding]") {
  CHECK(answer("kalau lapor ke panwascam harus isi apa aja? takut salah").verdict == Verdict::info);
  CHECK(answer("laporan pelanggaran pemilu bisa diwakilkan ke saudara gak?").verdict == Verdict::info);
}

TEST_CASE("a neighbourhood head ('sy rt', 'RT boleh …?') is read as one, not assumed an ASN", "[understanding]") {
  // "RT" alone is also the place ("pengajian RT"); as the writer or the one asked about it is the RT head, whom
  // the fact sheet's rules do not name: careful, never banned as an ASN would be.
  CHECK(explain("sy rt boleh memihak salah satu caleg?").reading.people[0].role == Role::rt_rw);
  CHECK(answer("RT kan bukan ASN ya? RT boleh ikut kampanye caleg?").verdict == Verdict::hati_hati);
}

TEST_CASE("a neighbourhood office outranks a role that frees its holder, not one the rules bind", "[understanding]") {
  CHECK(explain("sy ketua RT, juga guru honorer di SD. boleh ikut timses caleg?").reading.people[0].role == Role::rt_rw);
  CHECK(answer("sy ketua RT, juga guru honorer di SD. boleh ikut timses caleg?").verdict == Verdict::hati_hati);
  CHECK(explain("sy PNS di dinas PU, juga ketua RT. boleh ikut timses caleg?").reading.people[0].role == Role::asn);
}
