// The legal regression suite, second part: campaign places after MK 65/PUU-XXI/2023, the criminal article for
// each kind of act, resignation per office and role, reporting deadlines per election, and who oversees ASN
// neutrality. Pinned through the public answer, as in legal_facts_test.cpp.
#include <catch2/catch.hpp>

#include "legal/legal_support.h"

using netra::legal_testing::ask;
using netra::legal_testing::Reply;

// UU 7/2017 280 (1) h after MK 65/PUU-XXI/2023 and PKPU 15/2023 as amended by PKPU 20/2023.
TEST_CASE("after MK 65 a campus may host a campaign only with permission, without attributes, on weekends",
          "[legal][mk-65-2023]") {
  auto reply = ask("kampanye di kampus boleh gk skrg?");
  INFO(reply.answer.text);
  CHECK(reply.answer.verdict == netra::knowledge::Verdict::hati_hati);
  CHECK(reply.mentions("izin"));
  CHECK(reply.mentions("tanpa atribut"));
  CHECK(reply.mentions("Sabtu"));
  CHECK(reply.mentions("MK 65/PUU-XXI/2023"));
}

TEST_CASE("after MK 65 a government building may be lent only with permission and without attributes",
          "[legal][mk-65-2023]") {
  auto reply = ask("aula kantor bupati dipinjem buat kampanye caleg, boleh?");
  INFO(reply.answer.text);
  CHECK(reply.answer.verdict == netra::knowledge::Verdict::hati_hati);
  CHECK(reply.mentions("izin"));
  CHECK(reply.mentions("tanpa atribut"));
}

TEST_CASE("places of worship and schools stay banned for campaigns — the crime is Pasal 521, not 280 (4)",
          "[legal][mk-65-2023][uu-7-2017]") {
  for (const char* question : {"kampanye caleg di masjid boleh gk?", "lapangan sekolah dipake kampanye caleg boleh gk?"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK(reply.answer.verdict == netra::knowledge::Verdict::dilarang);
    CHECK(reply.mentions("Pasal 521"));
    CHECK(reply.mentions("2 tahun"));
    CHECK(reply.mentions("Rp24.000.000"));
    CHECK_FALSE(reply.mentions("Pasal 280 ayat 4"));
    CHECK_FALSE(reply.mentions("Pasal 280 ayat (4)"));
  }
}

TEST_CASE("whether a balai desa counts as a government facility is unsettled", "[legal][mk-65-2023]") {
  auto reply = ask("balai desa dipinjem buat kampanye caleg, boleh gk?");
  INFO(reply.answer.text);
  CHECK(reply.answer.verdict == netra::knowledge::Verdict::hati_hati);
  CHECK(reply.mentions("belum ada kepastian"));
}

// Criminal articles and who they bind.
TEST_CASE("an ASN on a campaign team: Pemilu crime under Pasal 494 — in Pilkada the candidate answers (189)",
          "[legal][uu-7-2017][uu-10-2016]") {
  auto reply = ask("asn jd timses bisa dipenjara gk?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 494"));
  CHECK(reply.mentions("kurungan paling lama 1 tahun"));
  CHECK(reply.mentions("Rp12.000.000"));
  CHECK(reply.mentions("Pasal 189"));
}

TEST_CASE("involving a kades in a campaign: the team under 493 (Pemilu), the candidate under 189 (Pilkada)",
          "[legal][uu-7-2017][uu-10-2016]") {
  auto reply = ask("caleg ngajak kades jd timses, calegnya kena pidana gk?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 493"));
  CHECK(reply.mentions("Pasal 189"));
  CHECK(reply.mentions("Pemilu"));
  CHECK(reply.mentions("Pilkada"));
}

TEST_CASE("a kades favouring a candidate: 490 in Pemilu, 188 in Pilkada", "[legal][uu-7-2017][uu-10-2016]") {
  auto reply = ask("kades bagi bansos cuma ke pendukung caleg, ancaman hukumannya apa?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 490"));
  CHECK(reply.mentions("Pasal 188"));
  CHECK(reply.mentions("Rp600.000"));
}

TEST_CASE("Pasal 547 binds only pejabat negara — a camat or kepala dinas has no criminal article in UU 7/2017",
          "[legal][uu-7-2017]") {
  auto reply = ask("menteri bikin kebijakan nguntungin capres pas kampanye, pidananya apa?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 547"));
  CHECK(reply.mentions("3 tahun"));
  CHECK(reply.mentions("pejabat negara"));
  CHECK(reply.mentions("tidak punya pasal pidana"));
}

TEST_CASE("money politics: anyone on voting day (515, 523 (3)) — campaign actors in the quiet period — Pilkada 187A",
          "[legal][uu-7-2017][uu-10-2016]") {
  auto reply = ask("serangan fajar hukumannya apa?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 515"));
  CHECK(reply.mentions("setiap orang"));
  CHECK(reply.mentions("Rp36.000.000"));
  CHECK(reply.mentions("4 tahun"));
  CHECK(reply.mentions("Pasal 187A"));
}

TEST_CASE("BUMN staff on a campaign team: Pasal 522, up to 2 years", "[legal][uu-7-2017]") {
  auto reply = ask("sy karyawan bumn, boleh gk jd timses caleg?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 522"));
  CHECK(reply.mentions("2 tahun"));
}

TEST_CASE("after MK 136 Pasal 188 also binds TNI/Polri and regional officials", "[legal][mk-136-2024]") {
  auto reply = ask("polisi atau tentara bikin keputusan nguntungin paslon pilkada, bisa dipidana gk?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 188"));
  CHECK(reply.mentions("TNI/Polri"));
  CHECK(reply.mentions("MK 136/PUU-XXII/2024"));
}

// Resignation per office and role: 240 (1) k names ASN but not village officials (PKPU 10/2023 does), 182 k
// names both for DPD, UU 10/2016 7 (2) t names PNS and kades for Pilkada.
TEST_CASE("an ASN resigns irrevocably to run for DPRD (240) and for DPD (182)", "[legal][resignation]") {
  auto dprd = ask("pns mau nyaleg dprd hrs resign gk?");
  INFO(dprd.answer.text);
  CHECK(dprd.mentions("Pasal 240"));
  CHECK(dprd.mentions("tidak dapat ditarik kembali"));
  auto dpd = ask("asn mau nyalon dpd, hrs berhenti dr asn?");
  INFO(dpd.answer.text);
  CHECK(dpd.mentions("Pasal 182"));
}

TEST_CASE("a PNS or a kades running in a Pilkada resigns in writing once determined as a candidate pair",
          "[legal][resignation]") {
  for (const char* question :
       {"pns mau nyalon bupati, hrs mundur kapan?", "kades mau nyalon bupati, hrs mundur dr kades gk?"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK(reply.mentions("UU 10/2016 Pasal 7"));
    CHECK(reply.mentions("ditetapkan sebagai pasangan calon"));
  }
}

TEST_CASE("a kades or perangkat desa running for DPR/DPRD resigns under PKPU 10/2023, not UU 7/2017 240",
          "[legal][resignation]") {
  for (const char* question : {"kades mau nyaleg dprd hrs mundur gk?", "sy sekdes mau nyaleg dprd, perlu resign?"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK(reply.mentions("PKPU 10/2023"));
    CHECK(reply.cites("pkpu-10-2023"));
    CHECK_FALSE(reply.cites("uu-7-2017", "240"));
  }
}

TEST_CASE("a BPD member running for DPD resigns under Pasal 182", "[legal][resignation]") {
  auto reply = ask("anggota bpd mau nyalon dpd, hrs mundur?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("Pasal 182"));
}

// Deadlines: Pemilu reports within 7 working days (UU 7/2017 454 (6)); Pilkada reports within 7 calendar days
// (UU 10/2016 134 (4)).
TEST_CASE("the reporting deadline is 7 working days for Pemilu and 7 calendar days for Pilkada", "[legal][deadline]") {
  for (const char* question :
       {"batas waktu lapor pelanggaran pemilu brp hari?", "batas waktu lapor pelanggaran pilkada brp hari?"}) {
    auto reply = ask(question);
    INFO(question << "\n" << reply.answer.text);
    CHECK(reply.mentions("Pemilu"));
    CHECK(reply.mentions("7 hari kerja"));
    CHECK(reply.mentions("Pilkada"));
    CHECK(reply.mentions("hari kalender"));
    CHECK(reply.cites("uu-10-2016", "134"));
  }
}

TEST_CASE("a Pilkada-only answer gives the Pilkada deadline and never working days", "[legal][deadline]") {
  auto reply = ask("lapor pelanggaran pilkada kemana?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("7 hari"));
  CHECK(reply.mentions("hari kalender"));
  CHECK_FALSE(reply.mentions("7 hari kerja"));
}

TEST_CASE("follow-up: 7 days or 14 working days for Pemilu, 3 days plus 2 for Pilkada", "[legal][deadline]") {
  auto reply = ask("abis lapor ke bawaslu brp lama diproses?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("14 hari kerja"));
  CHECK(reply.mentions("3 hari"));
  CHECK(reply.mentions("Pilkada"));
}

// KASN was dissolved; BKN oversees ASN neutrality since the SE MenPAN-RB of September 2024. The often-quoted
// end date of 24 August 2024 is unconfirmed and must not be stated.
TEST_CASE("BKN oversees ASN neutrality now, and no unconfirmed KASN end date is given", "[legal][uu-20-2023]") {
  auto reply = ask("kasn kan udh bubar, skrg yg ngawasin netralitas asn siapa?");
  INFO(reply.answer.text);
  CHECK(reply.mentions("BKN"));
  CHECK(reply.mentions("September 2024"));
  CHECK_FALSE(reply.mentions("24 Agustus"));
  CHECK_FALSE(reply.mentions("Agustus 2024"));
}
