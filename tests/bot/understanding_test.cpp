// The reading of a message (speech act, people, acts, objects, modifiers) and the verdict it leads to, on
// messages of the kinds the understanding issue lists: whose act it is, which act, which object, who is bound, what
// kind of message, long and mixed-language messages, invisible characters. Messages here are written for these
// tests, not taken from any eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bot/answerer.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::knowledge::Act;
using netra::knowledge::Role;
using netra::knowledge::SpeechAct;
using netra::knowledge::Target;
using netra::knowledge::Verdict;
using netra::testing::answer;
using netra::testing::explain;

namespace {

bool asks_about(const Reading& reading, Act act, Target target) {
  return std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(), [&](size_t i) {
    return reading.acts[i].act == act && reading.acts[i].target == target;
  });
}

}  // namespace

TEST_CASE("whose act: the writer's own act is the question, a relative's is context", "[understanding]") {
  auto reading = explain("suami sy jd timses caleg, sy sendiri PNS, blh gk ikut rapat timsesnya?").reading;
  CHECK(reading.subject == 0);
  CHECK(reading.subject_person().role == Role::asn);
  CHECK(answer("suami sy jd timses caleg, sy sendiri PNS, blh gk ikut rapat timsesnya?").verdict == Verdict::dilarang);
  // The relative's own campaigning, asked about as theirs, is another question.
  auto relative = explain("bapak sy pensiunan guru, dia blh jd timses caleg?").reading;
  CHECK(relative.subject != 0);
  CHECK(relative.subject_person().role == Role::retired);
}

TEST_CASE("which act: making content for a candidate is not watching, telling whom to vote for is not serving",
          "[understanding]") {
  CHECK(answer("sy PNS, blh bikin video tiktok muji2 program capres?").verdict == Verdict::dilarang);
  CHECK(answer("sy PNS, blh nonton debat capres di tv?").verdict == Verdict::boleh);
  CHECK(answer("sy ASN jadi anggota PPS, blh kasih tau warga harus pilih paslon 1?").verdict == Verdict::dilarang);
}

TEST_CASE("which object: a neutral body's post is not a candidate's", "[understanding]") {
  auto neutral = explain("sy pns, blh like postingan puskesmas ttg vaksin?");
  CHECK(asks_about(neutral.reading, Act::like, Target::government));
  CHECK(answer("sy pns, blh like postingan puskesmas ttg vaksin?").verdict == Verdict::boleh);
  CHECK(answer("sy pns, blh share info dr bawaslu soal jadwal pencoblosan?").verdict == Verdict::boleh);
  CHECK(answer("sy pns, blh like postingan caleg partai biru?").verdict == Verdict::dilarang);
  // "bukan postingan calon" negates the candidate.
  CHECK(answer("sy pns, like postingan pemkab ttg jalan baru, bukan postingan calon, blh?").verdict ==
        Verdict::boleh);
}

TEST_CASE("who is bound: retired, honorer and non-ASN relatives are not ASN — a PPPK is", "[understanding]") {
  CHECK(answer("sy udh pensiun dr PNS, blh jd relawan capres?").verdict == Verdict::boleh);
  CHECK(answer("sy PPPK, kan kontrak, jadi blh ikut kampanye caleg kan?").verdict == Verdict::dilarang);
  // An honorer who says they are not ASN is bound by no ASN rule: read as a citizen (see the honorer case below).
  auto honorer = explain("sy guru honorer bkn ASN, blh ikut kampanye caleg hari minggu?").reading;
  CHECK(honorer.subject_person().role == Role::citizen);
  CHECK(answer("sy guru honorer bkn ASN, blh ikut kampanye caleg hari minggu?").verdict != Verdict::dilarang);
}

TEST_CASE("without a rule for what is asked, the answer is never boleh", "[understanding]") {
  // Nothing in the rules covers an act the reader cannot name; retrieval's nearest "boleh" is lowered.
  for (const char* text : {"sy PNS, blh jd admin grup relawan paslon?", "sy ASN, blh ngeprint brosur caleg di rumah?"}) {
    INFO(text);
    CHECK(answer(text).verdict != Verdict::boleh);
  }
}

TEST_CASE("thanks, acknowledgements, laughter, emoji and small talk get a short reply, never a verdict",
          "[understanding]") {
  for (const char* text : {"makasih bnyk pak infonya, sangat membantu 🙏", "ok siap pak", "wkwkwk", "👍👍",
                           "🙏", "mantap min", "lg sibuk apa min?", "terima kasih ya bot"}) {
    INFO(text);
    auto reply = answer(text);
    CHECK(reply.verdict == Verdict::none);
    CHECK(reply.citations.empty());
    CHECK(reply.speech_act != SpeechAct::question);
  }
  // Thanks and acknowledgements close a turn and offer the menu: the help intent, not a greeting.
  CHECK(answer("makasih infonya min 🙏🙏").intent == Intent::help);
  CHECK(answer("ok siap pak").intent == Intent::help);
  CHECK(answer("halo min").intent == Intent::greeting);
}

TEST_CASE("the menu's words and every way of asking to report start the report flow", "[understanding]") {
  for (const char* text : {"Lapor pelanggaran", "lapor", "mau lapor min", "sy ingin melaporkan pelanggaran",
                           "pengen ngadu", "/lapor"}) {
    INFO(text);
    CHECK(answer(text).intent == Intent::report);
  }
  // Asking how reporting works is a question.
  CHECK(answer("lapor pelanggaran ke bawaslu caranya gimana?").intent == Intent::question);
}

TEST_CASE("a story about someone else's violation is a tip: a rule and the offer to report it", "[understanding]") {
  auto reply = answer("kemarin pak camat ngumpulin semua kepala sekolah, nyuruh dukung paslon 2");
  CHECK(reply.speech_act == SpeechAct::tip);
  CHECK(reply.offer_report);
  // A tip is not a question: it carries no verdict of its own, but says the rule it breaks and cites it.
  CHECK(reply.intent == Intent::report);
  CHECK_FALSE(reply.citations.empty());
  CHECK(reply.reported_role == "asn");
}

TEST_CASE("the question sentence of a long message is read with the rest as context", "[understanding]") {
  std::string story =
      "selamat malam pak, mohon maaf mengganggu. sy ini guru SD negeri di kabupaten, sdh PNS sejak 2015. "
      "kebetulan adik ipar sy tahun ini maju jadi caleg DPRD dari salah satu partai. kemarin keluarga besar "
      "kumpul di rumah mertua dan banyak yg ngobrol soal pencalonannya, sy cuma diam saja. nah minggu depan "
      "dia mau bikin acara deklarasi di lapangan desa dan sy diminta jadi pembawa acaranya. "
      "pertanyaan sy, blh gk sy jadi MC di acara itu?";
  auto explanation = explain(story);
  CHECK(explanation.reading.subject == 0);
  CHECK(explanation.reading.subject_person().role == Role::asn);
  CHECK(asks_about(explanation.reading, Act::speak, Target::candidate));
  CHECK(answer(story).verdict == Verdict::dilarang);
}

TEST_CASE("invisible and format characters never change an answer", "[understanding]") {
  const std::string plain = "sy pns, blh like postingan caleg?";
  auto expected = answer(plain);
  // Zero-width space, soft hyphen, zero-width joiner, word joiner and a byte-order mark inside words.
  for (const std::string& text :
       {std::string("sy pns, blh li\u200Bke postingan caleg?"), std::string("sy pns, blh like pos\u00ADtingan caleg?"),
        std::string("sy p\u200Dns, blh like postingan ca\u2060leg?"), std::string("\uFEFFsy pns, blh like postingan caleg?")}) {
    INFO(text);
    auto reply = answer(text);
    CHECK(reply.verdict == expected.verdict);
    CHECK(reply.entry_id == expected.entry_id);
  }
}

TEST_CASE("stretched letters, reduplication and full-width letters read as the word", "[understanding]") {
  CHECK(answer("sy pns, bolehhhh gaaa like postingan caleggg?").verdict == Verdict::dilarang);
  CHECK(answer("kades blh ikut kampanye2an gk?").verdict == Verdict::dilarang);
  CHECK(answer("ｓｙ ｐｎｓ, blh like postingan caleg?").verdict == Verdict::dilarang);
}

TEST_CASE("a negation before a verdict word negates the permission, not the act", "[understanding]") {
  CHECK(answer("sy pns, gak boleh komentar di postingan capres ya?").verdict == Verdict::dilarang);
  // Negating the act itself still counts: not wearing any attribute is not wearing one.
  auto reading = explain("sy pns, dtg ke TPS gk pake atribut apa2, blh?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(), [](const ActMention& act) {
    return act.act == Act::wear_attributes && !act.negated;
  }));
}

TEST_CASE("a current office the rules bind outranks being retired or honorer", "[understanding]") {
  auto reading = explain("sy pensiunan guru PNS, skrg jd kades, blh ikut kampanye caleg?").reading;
  CHECK(reading.subject_person().role == Role::kades);
  CHECK(answer("sy pensiunan guru PNS, skrg jd kades, blh ikut kampanye caleg?").verdict == Verdict::dilarang);
  // Retired alone stays free.
  CHECK(answer("sy pensiunan guru PNS, blh ikut kampanye caleg?").verdict == Verdict::boleh);
}

TEST_CASE("an amount of money written as chat writes it is money", "[understanding]") {
  for (const char* text : {"sy warga, kasih 100rb ke tetangga biar milih paslon 1, blh?",
                           "sy warga, kasih rp20rb ke tetangga biar milih paslon 1, blh?",
                           "sy warga, bagi2 20k ke ibu2 pengajian biar coblos caleg no 3, blh?"}) {
    INFO(text);
    auto reading = explain(text).reading;
    CHECK(std::any_of(reading.acts.begin(), reading.acts.end(),
                      [](const ActMention& act) { return act.act == Act::give_money && !act.negated; }));
    CHECK(answer(text).verdict == Verdict::dilarang);
  }
}

TEST_CASE("a pupil's parent is an adult, not a minor", "[understanding]") {
  auto reading = explain("wali murid blh ikut kampanye caleg?").reading;
  CHECK(reading.subject_person().role == Role::citizen);
}

TEST_CASE("a title before an office does not hide that the office holder orders, and the writer acts",
          "[understanding]") {
  auto reading = explain("sy disuruh pak camat pasang spanduk paslon di depan rumah, gmn?").reading;
  auto install = std::find_if(reading.acts.begin(), reading.acts.end(),
                              [](const ActMention& act) { return act.act == Act::install_props; });
  REQUIRE(install != reading.acts.end());
  CHECK(install->person == 0);
}

TEST_CASE("a circumstance phrase is not an act it contains", "[understanding]") {
  // "di luar jam kerja" is a time; "jam kerja" alone (campaigning in office time) is an act cue.
  auto reading = explain("sy asn, blh ngobrol politik sama tetangga di luar jam kerja?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::use_facilities; }));
  CHECK(answer("sy asn, blh ngobrol politik sama tetangga di luar jam kerja?").verdict != Verdict::dilarang);
}

TEST_CASE("stepping back from support is its own act, allowed", "[understanding]") {
  for (const char* text : {"sy pns mau unfollow semua akun caleg, gpp kan?",
                           "sy asn mau keluar dari grup wa timses caleg, aman?",
                           "boleh gk perangkat desa menolak perintah kades pasang baliho paslon?"}) {
    INFO(text);
    auto reading = explain(text).reading;
    CHECK(std::any_of(reading.acts.begin(), reading.acts.end(),
                      [](const ActMention& act) { return act.act == Act::withdraw; }));
    CHECK(answer(text).verdict == Verdict::boleh);
  }
}

TEST_CASE("a word the chat-language map writes is never squeezed as stretched chat", "[understanding]") {
  auto reading = explain("sy pppk blh like postingan caleg?").reading;
  CHECK(std::any_of(reading.tokens.begin(), reading.tokens.end(),
                    [](const Token& token) { return token.word == "pppk"; }));
  CHECK(reading.subject_person().role == Role::pppk);
}

TEST_CASE("a wish to report starts the report flow even inside a question — where to report is said beside it",
          "[understanding]") {
  CHECK(answer("camat kami nyuruh staf pasang baliho paslon. sy mau lapor tp takut ketahuan, bisa anonim?").intent ==
        Intent::report);
  CHECK(answer("I want to report a civil servant who shares a candidate's posters every day").intent == Intent::report);
  auto where = answer("sy mau lapor kades yg bagi sembako caleg, lapornya ke mana ya?");
  CHECK(where.intent == Intent::report);
  CHECK_FALSE(where.citations.empty());
  CHECK(where.text.find("Bawaslu") != std::string::npos);
}

TEST_CASE("a message made only of help words asks for help — a mistyped receipt code still asks for status",
          "[understanding]") {
  CHECK(answer("bantuan").intent == Intent::help);
  CHECK(answer("ini bot ya?").intent == Intent::help);
  CHECK(answer("halo").intent == Intent::greeting);
  CHECK(answer("cek laporan NTR4KQ9").intent == Intent::status);
}

TEST_CASE("a negation reaches across acts joined by 'atau'", "[understanding]") {
  auto reading = explain("sy pns, di grup alumni gk pernah komen atau share apa2 soal caleg, aman?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::share && !act.negated; }));
}

TEST_CASE("'dia' or 'beliau' with nobody named before is someone else, not the writer", "[understanding]") {
  auto reading = explain("sy PNS, kmrn ketemu pejabat provinsi, ternyata beliau nyaleg DPR").reading;
  auto runs = std::find_if(reading.acts.begin(), reading.acts.end(),
                           [](const ActMention& act) { return act.act == Act::run_for_office; });
  REQUIRE(runs != reading.acts.end());
  CHECK(runs->person != 0);
}

TEST_CASE("a public-service campaign of the government is not an election campaign", "[understanding]") {
  CHECK(answer("sy PNS, blh share infografis kampanye cuci tangan dari puskesmas di FB?").verdict == Verdict::boleh);
  CHECK(answer("sy PNS, blh share poster kampanye caleg di FB?").verdict == Verdict::dilarang);
}

TEST_CASE("passive attendance describes the attendance it comes with", "[understanding]") {
  auto reading = explain("sy PNS, blh datang ke kampanye cabup cuma dengerin visi misi, gk pake atribut?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::attend_campaign; }));
  CHECK(answer("sy PNS, blh datang ke kampanye cabup cuma dengerin visi misi, gk pake atribut?").verdict ==
        Verdict::hati_hati);
}

TEST_CASE("an honorer who says they are not ASN is a citizen for the rules", "[understanding]") {
  auto reading = explain("sy honorer di dinas, bukan PNS bukan PPPK, blh jadi relawan caleg?").reading;
  CHECK(reading.subject_person().role == Role::citizen);
}

TEST_CASE("a question that asks for a fact with no rule for it is answered by a factual entry", "[understanding]") {
  auto reply = answer("hukuman disiplin sedang bagi PNS itu bentuknya apa aja?");
  CHECK(reply.verdict == Verdict::info);
}

TEST_CASE("an act the invitation asks for is the invitee's, not the writer's", "[understanding]") {
  auto reading = explain("kepsek ngajak semua guru nyoblos bareng dan bilang jangan lupa nomor 2, itu boleh?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::vote; }));
  CHECK(answer("kepsek ngajak semua guru nyoblos bareng dan bilang jangan lupa nomor 2, itu boleh?").verdict ==
        Verdict::dilarang);
  // Voting on one's own is still allowed.
  CHECK(answer("sy PNS, blh nyoblos bareng keluarga ke TPS?").verdict == Verdict::boleh);
}

TEST_CASE("'buat' after a person is making, and posting after watching is still posting", "[understanding]") {
  CHECK(answer("sy PNS, abis nonton debat capres langsung upload potongannya + caption dukung 02 di IG, boleh?")
            .verdict != Verdict::boleh);
  auto reading = explain("abis nonton debat saya bikin video tiktok dukung paslon 1, boleh?").reading;
  CHECK(asks_about(reading, Act::make_content, Target::candidate));
}

TEST_CASE("a body named right after a printed thing owns it", "[understanding]") {
  CHECK(answer("sy PNS, blh tempel stiker KPU ayo ke TPS di motor?").verdict == Verdict::boleh);
  CHECK(answer("sy PNS, blh tempel stiker caleg di motor?").verdict == Verdict::dilarang);
  // A candidate on the body's print is still a candidate's.
  CHECK(answer("Kades blh pasang baliho KPU yg ada foto paslon 2?").verdict == Verdict::dilarang);
}

TEST_CASE("RT and RW heads are not perangkat desa, and never get a plain 'boleh' for campaigning", "[understanding]") {
  auto reading = explain("sy ketua RT, blh jadi timses caleg?").reading;
  CHECK(reading.subject_person().role == Role::rt_rw);
  CHECK(answer("sy ketua RT, blh jadi timses caleg?").verdict == Verdict::hati_hati);
  // "KPU kecamatan" names no camat.
  auto kpu = explain("KPU kecamatan ngadain nobar debat, kades blh ikut nonton?").reading;
  CHECK(std::none_of(kpu.people.begin(), kpu.people.end(), [](const Person& p) { return p.role == Role::asn; }));
}

TEST_CASE("a job denied as ASN is a citizen's — denied as PNS only, it may be a PPPK's", "[understanding]") {
  CHECK(explain("sy dosen, bukan ASN, blh bikin podcast dukung capres?").reading.subject_person().role ==
        Role::citizen);
  CHECK(answer("sy guru bukan PNS, blh ikut kampanye caleg?").verdict != Verdict::boleh);
  CHECK(explain("bro gw bukan ASN, blh jd relawan capres?").reading.subject_person().role == Role::citizen);
  CHECK(answer("sy bukan PNS, blh jd relawan capres?").verdict != Verdict::boleh);
}

TEST_CASE("a mistyped receipt code or a lost code asks for a report's status", "[understanding]") {
  CHECK(answer("NTR-4HG2K7 udah diproses blm?").speech_act == SpeechAct::status);
  CHECK(answer("sy lupa kode laporan, laporan soal kades kmrn, bisa dicek?").speech_act == SpeechAct::status);
  CHECK(answer("pagi pak bot").speech_act == SpeechAct::greeting);
  CHECK(answer("How do I use this bot?").speech_act == SpeechAct::help);
}

TEST_CASE("blocking a candidate's number or refusing their leaflets is stepping back", "[understanding]") {
  CHECK(answer("sy ASN, blh ngeblokir nomor caleg yg terus kirim broadcast kampanye?").verdict == Verdict::boleh);
  // A refusal undoes only what it names; a new clause is a new act.
  CHECK(answer("Sy PNS, nolak jadi timses tapi pasang baliho caleg di rumah, boleh?").verdict == Verdict::dilarang);
  CHECK(answer("Kades nolak kasih BLT ke warga yg gak dukung paslon 1, boleh?").verdict != Verdict::boleh);
  CHECK(answer("sy PNS, tetangga sy yg nyaleg nitip brosur, sy tolak brosurnya. bener kan?").verdict ==
        Verdict::boleh);
}

TEST_CASE("being invited is not organising, and joining an election body's event is allowed", "[understanding]") {
  auto reading = explain("sy PNS diundang ke syukuran tetangga yg caleg, boleh?").reading;
  CHECK(std::none_of(reading.acts.begin(), reading.acts.end(),
                     [](const ActMention& act) { return act.act == Act::organise; }));
  CHECK(answer("sy PNS, blh hadir di acara sosialisasi yg diadakan KPU?").verdict == Verdict::boleh);
}

TEST_CASE("an emoji beside thanks is a reaction — chat without anything legal in it gets no verdict",
          "[understanding]") {
  CHECK(answer("Makasih pak admin 👍").speech_act == SpeechAct::thanks);
  CHECK(answer("siap pak, terima kasih 🙏🙏").speech_act == SpeechAct::thanks);
  // 👍 with something to like is still the act of liking.
  CHECK(answer("sy PNS, kasih 👍 ke postingan caleg boleh?").verdict == Verdict::dilarang);
  // No election word, no act, no one with a role: chat, or a question Netra does not answer.
  CHECK(answer("wah rame bgt hari ini min 😂").speech_act == SpeechAct::small_talk);
  CHECK(answer("besok jalan tol macet gk ya").speech_act == SpeechAct::out_of_scope);
  CHECK(answer("nanti sore ujan gak min?").speech_act == SpeechAct::out_of_scope);
  // A role or a rule word keeps it a question.
  CHECK(answer("PNS boleh nginep di rumah caleg?").speech_act == SpeechAct::question);
  CHECK(answer("sanksinya apa ya min?").speech_act == SpeechAct::question);
}

TEST_CASE("a pronoun after a relative is that relative again — a denial may follow a longer job description",
          "[understanding]") {
  auto husband = explain("suami saya, dia kades. boleh jadi timses?").reading;
  CHECK(husband.subject_person().role == Role::kades);
  CHECK(answer("istri sy bukan PNS, dia ibu rumah tangga. dia mau jd relawan capres, boleh?").verdict ==
        Verdict::boleh);
  CHECK(explain("sy dosen di kampus swasta (bukan ASN), blh jd tim ahli capres?").reading.subject_person().role ==
        Role::citizen);
  // A denial of PNS alone still leaves the job ASN (a PPPK is not PNS).
  CHECK(answer("sy guru di SD negeri, bukan PNS, blh jd tim ahli capres?").verdict != Verdict::boleh);
}

TEST_CASE("being put into a campaign group is not joining it, muting it is not leaving it", "[understanding]") {
  auto added = explain("sy ASN, kmrn dimasukin temen ke grup wa relawan caleg").reading;
  CHECK(asks_about(added, Act::added_to_group, Target::candidate));
  // "grup … relawan": the team names whose group it is; nobody joins the team.
  CHECK(std::none_of(added.acts.begin(), added.acts.end(),
                     [](const ActMention& act) { return act.act == Act::join_team; }));
  CHECK(answer("sy PNS di-add ke grup timses paslon, sy mute aja, aman kan?").verdict == Verdict::hati_hati);
  CHECK(answer("sy PNS di-add ke grup timses paslon, sy langsung keluar grup, aman kan?").verdict == Verdict::boleh);
  CHECK(answer("sy PNS gabung grup wa pemenangan caleg, aman kan?").verdict == Verdict::dilarang);
}

TEST_CASE("what the subject invites or orders someone with a role to do is judged for that person",
          "[understanding]") {
  // Bringing children to a campaign is forbidden to whoever brings them, bound or not (UU 7/2017 280 (2) k).
  CHECK(answer("sy pedagang, blh gk ngajak murid SD ikut kampanye caleg hari minggu?").verdict ==
        Verdict::dilarang);
  CHECK(answer("sy pedagang, blh gk ngajak temen2 sy ikut kampanye caleg hari minggu?").verdict == Verdict::boleh);
}

TEST_CASE("a story that closes with 'lapor ya' asks to report it, a quoted vote is an appeal, a question mark "
          "marks the question",
          "[understanding]") {
  auto closing = answer("Td rapat RT dipake caleg buat bagi2 kalender, pak lurah diem aja. Lapor ya min.");
  CHECK(closing.speech_act == SpeechAct::report_request);
  // A story that only tells, with no report cue, is a tip; a question about reporting stays a question.
  CHECK(answer("kmrn pak camat ngumpulin kades, disuruh menangkan paslon 1 kalo mau dana desa lancar").speech_act ==
        SpeechAct::tip);
  CHECK(answer("Kades kami bagi amplop. Lapor kemana ya?").speech_act == SpeechAct::question);
  // "'coblos nomor 2 ya'" said to voters is an appeal; "sy nyoblos" is the writer's vote.
  CHECK(answer("Kalau PNS bilang ke tetangga 'pilih nomor 3 aja bu', gimana?").verdict == Verdict::dilarang);
  CHECK(answer("sy PNS, blh nyoblos di TPS dekat rumah?").verdict == Verdict::boleh);
  // The sentence with the question mark is the question; the next one reports what someone said.
  CHECK(answer("sy anggota BPD, blh nyoblos kan? ada yg bilang BPD harus netral jadi gak boleh milih").verdict ==
        Verdict::boleh);
}
