// The legal regression suite: every fact the corrected fact sheet (shared/regulations.md, corrections of
// 2026-11-30) marks with ⚠, asked the way users ask and checked in what the user is told — the verdict, the
// reply text with its "Dasar:" and "Sanksi:" lines, and the cited articles. When a fact changes in the sheet,
// change the expectation here first: the test then fails until the corpus follows.
#include <catch2/catch.hpp>

#include "legal/legal_support.h"

using netra::legal_testing::ask;
using netra::legal_testing::Reply;

namespace {

// The level a sanction line gives for PNS discipline, as PP 94/2021 sets it: heavy is Pasal 14 huruf i.
void check_heavy_discipline(const Reply& reply) {
  INFO(reply.answer.text);
  CHECK(reply.mentions("disiplin berat"));
  CHECK(reply.mentions("Pasal 14 huruf i"));
  CHECK_FALSE(reply.mentions("disiplin sedang"));
}

}  // namespace

// PP 94/2021 Pasal 5 huruf n: angka 1 has no level (passive attendance is a grey area), angka 2 is medium under
// Pasal 13 huruf g, angka 3-7 are heavy under Pasal 14 huruf i (the old sheet had 1-4 medium).
TEST_CASE("PP 94/2021 5 n: passive attendance without attributes has no disciplinary level", "[legal][pp-94-2021]") {
  auto reply = ask("sy pns, klo cuma dtg ke kampanye dengerin visi misi tanpa atribut boleh gk?");
  INFO(reply.answer.text);
  CHECK(reply.answer.verdict == netra::knowledge::Verdict::hati_hati);
  CHECK(reply.mentions("tidak diberi tingkat hukuman"));
  CHECK(reply.cites("pp-94-2021", "5"));
}

TEST_CASE("PP 94/2021 5 n angka 2: campaigning with party or PNS attributes is medium, Pasal 13 huruf g",
          "[legal][pp-94-2021]") {
  for (const char* question : {"pns ikut kampanye pake seragam dinas kena apa?",
                               "asn ngantor pake kaos partai pas masa kampanye, kena hukuman gk?"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK(reply.sanction_line().find("disiplin sedang") != std::string::npos);
    CHECK(reply.sanction_line().find("pasal 13 huruf g") != std::string::npos);
    CHECK(reply.mentions("25%"));
  }
}

TEST_CASE("PP 94/2021 5 n angka 3: mobilising other PNS is heavy", "[legal][pp-94-2021]") {
  check_heavy_discipline(ask("kadis nyuruh staf2nya dtg ke kampanye paslon, itu kena hukuman apa?"));
}

TEST_CASE("PP 94/2021 5 n angka 4: campaigning with state facilities is heavy, also after MK 65",
          "[legal][pp-94-2021]") {
  check_heavy_discipline(ask("pns pake mobil dinas buat kampanye hukumannya apa?"));
  auto after_mk = ask("kan udh ada putusan mk, pns boleh dong kampanye pake mobil dinas?");
  INFO(after_mk.answer.text);
  CHECK(after_mk.answer.verdict == netra::knowledge::Verdict::dilarang);
  CHECK(after_mk.mentions("Pasal 14 huruf i"));
}

TEST_CASE("PP 94/2021 5 n angka 5: decisions favouring a candidate are heavy", "[legal][pp-94-2021]") {
  check_heavy_discipline(ask("camat persulit izin kampanye paslon lawan, hukumannya apa"));
}

TEST_CASE("PP 94/2021 5 n angka 6: partisan invitations and gifts are heavy", "[legal][pp-94-2021]") {
  check_heavy_discipline(ask("pns ngajak tetangga milih caleg, hukumannya apa?"));
}

TEST_CASE("PP 94/2021 5 n angka 7: a support letter with a KTP copy is heavy", "[legal][pp-94-2021]") {
  check_heavy_discipline(ask("pns ngasih fotokopi ktp buat dukungan calon independen, sanksinya apa?"));
}

TEST_CASE("the levels of PNS discipline: medium only for attributes, heavy for the rest of 5 n",
          "[legal][pp-94-2021]") {
  auto reply = ask("hukuman disiplin pns itu apa aja tingkatannya?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 13 huruf g"));
  CHECK(reply.mentions("Pasal 14 huruf i"));
  CHECK(reply.mentions("pemberhentian dengan hormat tidak atas permintaan sendiri"));
}

// SKB 2022 Lampiran II: social-media support, props, photos and active support are both ethics breaches (moral
// sanction, PP 42/2004 Pasal 15) and heavy disciplinary breaches (the old sheet had a moral sanction only).
TEST_CASE("SKB 2022: liking, sharing or commenting for a candidate brings a moral sanction and heavy discipline",
          "[legal][skb-2022]") {
  for (const char* question : {"sy pns, like postingan caleg di ig kena sanksi apa?",
                               "asn share video kampanye capres ke fb, sanksinya apa?",
                               "PNS yg ketauan like & komen postingan capres itu sanksinya apa? langsung dipecat?"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    auto sanction = reply.sanction_line();
    CHECK(sanction.find("sanksi moral") != std::string::npos);
    CHECK(sanction.find("pp 42/2004 pasal 15") != std::string::npos);
    CHECK(sanction.find("disiplin berat") != std::string::npos);
    CHECK(sanction.find("pasal 14 huruf i") != std::string::npos);
    CHECK(reply.cites("skb-2022", "lampiran-ii"));
  }
}

TEST_CASE("SKB 2022: photos with a support gesture and campaign banners are on both tracks", "[legal][skb-2022]") {
  for (const char* question : {"foto bareng caleg sambil salam 2 jari, sy pns, bahaya gk?",
                               "pasang baliho caleg di pager rumah sy boleh gk? sy pns"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK(reply.answer.verdict == netra::knowledge::Verdict::dilarang);
    CHECK(reply.sanction_line().find("sanksi moral") != std::string::npos);
    CHECK(reply.sanction_line().find("disiplin berat") != std::string::npos);
  }
}

TEST_CASE("SKB 2022: attending a spouse's campaign is an ethics breach unless on unpaid leave", "[legal][skb-2022]") {
  auto reply = ask("istri sy caleg, sy asn, boleh gk dampingi dia pas kampanye?");
  INFO(reply.answer.text);
  CHECK(reply.answer.verdict == netra::knowledge::Verdict::hati_hati);
  CHECK(reply.mentions("cuti di luar tanggungan negara"));
  CHECK(reply.sanction_line().find("sanksi moral") != std::string::npos);
}

// Party membership: dismissal *without* honour for PNS and PPPK; PPPK under PP 49/2018 53 (3) c and 63.
// PP 49/2018 has 102 articles: no Pasal 105.
TEST_CASE("a PNS or PPPK who joins a party is dismissed without honour", "[legal][uu-20-2023][pp-49-2018]") {
  auto pns = ask("pns jd anggota partai sanksinya apa?");
  INFO(pns.answer.text);
  CHECK(pns.mentions("tidak dengan hormat"));
  CHECK(pns.mentions("Pasal 52"));
  CHECK_FALSE(pns.mentions("diberhentikan tidak atas permintaan sendiri"));

  auto pppk = ask("pppk jd anggota partai akibatnya apa?");
  INFO(pppk.answer.text);
  CHECK(pppk.mentions("tidak dengan hormat"));
  CHECK(pppk.mentions("PP 49/2018 Pasal 53"));
  CHECK_FALSE(pppk.mentions("Pasal 105"));
}

TEST_CASE("heavy discipline ends a PPPK contract with honour, not at own request", "[legal][pp-49-2018]") {
  auto reply = ask("p3k ketahuan kampanye bisa diputus kontraknya?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("dengan hormat tidak atas permintaan sendiri"));
  CHECK(reply.mentions("Pasal 53 ayat 2"));
  CHECK(reply.cites("pp-49-2018", "53"));
  CHECK_FALSE(reply.mentions("Pasal 105"));
}
