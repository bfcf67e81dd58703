// Who holds a post or makes a call told in a story: a speaking post told with "-nya" or after "yang"
// ("narasumbernya caleg"), a bare duty ("jadi petugas") that is no election post, a reminder to vote for a named
// choice, a call that denies naming the writer's running relative, and the inked finger shown after voting.
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

namespace {

// The role of whoever does `act` in the reading of `message`, or Role::unknown when no such act is read.
Role doer_role(const std::string& message, Act act) {
  Explanation explanation = explain(message);
  const Reading& reading = explanation.reading;
  auto found =
      std::find_if(reading.acts.begin(), reading.acts.end(), [&](const ActMention& a) { return a.act == act; });
  if (found == reading.acts.end()) return Role::unknown;
  return found->person == 0 ? Role::unknown : reading.people[found->person].role;
}

}  // namespace

TEST_CASE("a speaking post named with '-nya' or after 'yang' belongs to the one named after it", "[understanding]") {
  CHECK(doer_role("sy guru PNS, ada bedah buku di aula, pembicaranya ternyata caleg DPR. sy boleh ikut dengerin?",
                  Act::speak) == Role::candidate);
  CHECK(doer_role("pengajian rt minggu ini yg ngisi tausiyah itu caleg, sy PPPK boleh dtg?", Act::speak) ==
        Role::candidate);
  // Attending where a candidate speaks is never plain "boleh" for an ASN.
  CHECK(
      answer("sy guru PNS, ada bedah buku di aula, pembicaranya ternyata caleg DPR. sy boleh ikut dengerin?").verdict !=
      Verdict::boleh);
  // The writer who holds the post keeps the act.
  Explanation own = explain("sy PNS, sy yg jadi pembawa acara di acara caleg itu, boleh?");
  auto speak = std::find_if(own.reading.acts.begin(), own.reading.acts.end(),
                            [](const ActMention& a) { return a.act == Act::speak; });
  REQUIRE(speak != own.reading.acts.end());
  CHECK(speak->person == 0);
  CHECK(answer("sy PNS, sy yg jadi pembawa acara di acara caleg itu, boleh?").verdict == Verdict::dilarang);
}

TEST_CASE("a bare duty is no election post: only a named one is", "[understanding]") {
  auto serves = [](const std::string& message) {
    const Reading reading = explain(message).reading;
    return std::any_of(reading.acts.begin(), reading.acts.end(),
                       [](const ActMention& a) { return a.act == Act::serve_election_staff && !a.negated; });
  };
  CHECK_FALSE(serves("sy perawat PNS, disuruh jadi petugas di cek kesehatan gratis yg diadain caleg, gmn?"));
  CHECK(serves("sy perawat PNS, boleh jadi petugas pemilu di TPS?"));
  CHECK(answer("sy perawat PNS, disuruh jadi petugas di cek kesehatan gratis yg diadain caleg, gmn?").verdict !=
        Verdict::boleh);
}

TEST_CASE("a reminder to vote for a named choice is an appeal, even to one's own family", "[understanding]") {
  Answer reminded = answer("sy PNS, boleh ngingetin anak2 di rumah buat milih caleg nomor 4 pas masa tenang?");
  CHECK(reminded.verdict == Verdict::dilarang);
  // Reminding to turn out, with no choice named, stays allowed.
  CHECK(answer("sy PNS, boleh ngingetin tetangga buat dateng ke TPS tgl 14?").verdict == Verdict::boleh);
}

TEST_CASE("a call to vote that denies naming the writer's running relative is a call to turn out", "[understanding]") {
  const char* call =
      "sy kaur desa. kakak sy nyaleg DPRD. blh gk sy bilang ke warga 'jangan lupa nyoblos tgl 14 ya' tanpa nyebut kakak "
      "sy?";
  const Explanation explanation = explain(call);
  const auto& acts = explanation.reading.acts;
  CHECK(std::none_of(acts.begin(), acts.end(),
                     [](const ActMention& a) { return a.act == Act::invite_to_vote && !a.negated; }));
  CHECK(answer(call).verdict != Verdict::dilarang);
  // Naming the relative's number still names whom.
  CHECK(answer("sy kaur desa. kakak sy nyaleg DPRD. blh gk sy bilang ke warga 'jangan lupa coblos nomor 5 ya'?")
            .verdict == Verdict::dilarang);
}

TEST_CASE("the inked finger after voting is a vote shown, not a finger sign", "[understanding]") {
  const Explanation explanation = explain("sy PNS, habis nyoblos foto jari ungu terus upload ke IG story, aman?");
  const auto& acts = explanation.reading.acts;
  CHECK(std::none_of(acts.begin(), acts.end(), [](const ActMention& a) { return a.act == Act::pose_gesture; }));
  CHECK(answer("sy PNS, habis nyoblos foto jari ungu terus upload ke IG story, aman?").verdict != Verdict::dilarang);
  CHECK(answer("sy PNS foto pose 2 jari pas kampanye paslon 2, aman?").verdict == Verdict::dilarang);
}

TEST_CASE("a post right after 'yang' names whose event it is, and the writer who holds it keeps it", "[understanding]") {
  // "MC caleg PAN": the candidate's MC, held by the writer named after.
  CHECK(answer("sy PNS, yg jadi MC caleg PAN kemarin itu sy. aman?").verdict == Verdict::dilarang);
  // The writer named before the post holds it, whoever is named after.
  CHECK(answer("sy PNS, sy yg jadi jurkam caleg nomor 2, boleh?").verdict == Verdict::dilarang);
  // A party post told after the holder is the writer's own, not the speaker's.
  CHECK(answer("td pengajian narasumbernya caleg. sy PNS jd pengurus partai, aman?").verdict == Verdict::dilarang);
}
