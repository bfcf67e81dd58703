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
  auto reading = explain("kemarin kasubag nyuruh staf dateng ke deklarasi cabup pake seragam. yg nyuruh itu kena ga?").reading;
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
