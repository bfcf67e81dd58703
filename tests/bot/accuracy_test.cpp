// Accuracy floors on labelled messages: the development set (a copy of shared/eval/dev.jsonl) and our own
// labelled messages (tests/data/labelled.jsonl). They measure the method; no code knows any of these messages.
#include <catch2/catch.hpp>

#include <initializer_list>

#include "bot/evaluation.h"
#include "support/test_support.h"

using namespace netra::bot;

namespace {

EvalReport evaluate_file(const std::string& name) {
  std::vector<std::string> errors;
  auto items = read_eval_file(netra::testing::test_data_dir() + "/" + name, errors);
  REQUIRE(errors.empty());
  REQUIRE(items.size() >= 20);
  return evaluate(netra::testing::shared_answerer(), items);
}

// The least a blind set may score once its fixes landed: cite@1, cite@3, verdict and intent accuracy (0–1) and
// the most answers that may say "boleh" where it is not expected.
struct Floor {
  const char* file;
  double cite_at_1, cite_at_3, verdict, intent;
  size_t false_boleh;
};

void check_floor(const Floor& floor) {
  INFO(floor.file);
  auto report = evaluate_file(floor.file);
  CHECK(report.cite_at_1 >= floor.cite_at_1);
  CHECK(report.cite_at_3 >= floor.cite_at_3);
  CHECK(report.verdict_accuracy >= floor.verdict);
  CHECK(report.intent_accuracy >= floor.intent);
  CHECK(report.false_boleh <= floor.false_boleh);
}

void check_floors(std::initializer_list<Floor> floors) {
  for (const Floor& floor : floors) check_floor(floor);
}

}  // namespace

TEST_CASE("the development set meets the accuracy floors", "[accuracy]") {
  auto report = evaluate_file("dev.jsonl");
  // A little below the measured figures (docs/measurements.md): a change that loses more is a regression.
  CHECK(report.cite_at_1 >= 0.90);
  CHECK(report.cite_at_3 >= 0.95);
  CHECK(report.verdict_accuracy >= 0.92);
  CHECK(report.intent_accuracy >= 0.95);
  CHECK(report.false_boleh == 0);
}

TEST_CASE("our own labelled messages meet the accuracy floors", "[accuracy]") {
  auto report = evaluate_file("labelled.jsonl");
  CHECK(report.cite_at_1 >= 0.90);
  CHECK(report.cite_at_3 >= 0.95);
  CHECK(report.verdict_accuracy >= 0.92);
  CHECK(report.intent_accuracy >= 0.95);
}

// ../shared/eval/dev2.jsonl (60 messages of the kinds the understanding issue lists). Floors from the issue's
// "done when": cite@3 ≥ 0.93, verdict ≥ 0.90, intent ≥ 0.95, and never "boleh" where the answer is not.
TEST_CASE("the second development set meets the issue's floors with no false boleh", "[accuracy]") {
  auto report = evaluate_file("dev2.jsonl");
  CHECK(report.cite_at_3 >= 0.93);
  CHECK(report.verdict_accuracy >= 0.90);
  CHECK(report.intent_accuracy >= 0.95);
  CHECK(report.false_boleh == 0);
}

// Written blind to the corpus (b001–b045, c001–c040); each guided a later round of fixes, so they are now
// regression guards too.
TEST_CASE("the once-blind sets meet the accuracy floors", "[accuracy]") {
  for (const char* file : {"blind.jsonl", "blind2.jsonl"}) {
    INFO(file);
    auto report = evaluate_file(file);
    CHECK(report.cite_at_1 >= 0.90);
    CHECK(report.cite_at_3 >= 0.95);
    CHECK(report.verdict_accuracy >= 0.92);
    CHECK(report.intent_accuracy >= 0.95);
    CHECK(report.false_boleh == 0);
  }
}

// Written by a helper shown neither the corpus nor any earlier set (130 messages with the kinds: whose act,
// which act and object, who is bound, kinds of message, long, regional and English messages). Its first-contact
// score (2026-11-30: cite@1 0.798, cite@3 0.917, verdict 0.862, intent 0.931, one false boleh) is the honest
// figure for unseen messages; these floors keep it from falling. Improve the method, never one of its messages.
TEST_CASE("the third blind set stays at or above its first-contact score", "[accuracy]") {
  auto report = evaluate_file("blind3.jsonl");
  CHECK(report.cite_at_1 >= 0.79);
  CHECK(report.cite_at_3 >= 0.91);
  CHECK(report.verdict_accuracy >= 0.86);
  CHECK(report.intent_accuracy >= 0.93);
  CHECK(report.false_boleh <= 1);
}

// Blind sets 12–17 (140 messages each, 2026-12-01), each written by a helper shown only the fact sheet and the
// contract. Their first-contact scores are in the README; each then guided method fixes, so these floors keep
// the scores reached afterwards (less a small margin) from falling. Improve the method, never one of its messages.
TEST_CASE("blind sets 12 to 17 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind12.jsonl", 0.79, 0.92, 0.90, 0.97, 0},
                Floor{"blind13.jsonl", 0.72, 0.86, 0.85, 0.97, 1},
                Floor{"blind14.jsonl", 0.68, 0.86, 0.85, 0.97, 1},
                Floor{"blind15.jsonl", 0.75, 0.86, 0.88, 0.96, 0},
                Floor{"blind16.jsonl", 0.75, 0.87, 0.86, 0.97, 0},
                Floor{"blind17.jsonl", 0.74, 0.90, 0.86, 0.96, 0}});
}

// Blind sets 18–21 (140 messages each, written during the session of 2026-12-01 06:10 by helpers shown only the
// fact sheet, the contract and docs/blind-set-brief.md): 18 and 19 scored on main 778ec13 before any change,
// 20 and 21 on main after the fixes 18 and 19 guided (README, "First contact"). Floors as for 12–17.
TEST_CASE("blind sets 18 to 21 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind18.jsonl", 0.80, 0.93, 0.88, 0.96, 1},
                Floor{"blind19.jsonl", 0.72, 0.84, 0.84, 0.96, 1},
                Floor{"blind20.jsonl", 0.77, 0.87, 0.87, 0.96, 1},
                Floor{"blind21.jsonl", 0.70, 0.88, 0.85, 0.96, 1}});
}

// First contact on main 8b3a196, before any change they guided: blind22 0.688 / 0.866 / 0.800 / 0.993 with two
// unexpected "Boleh", blind23 0.714 / 0.866 / 0.857 / 0.993 with two (README, "First contact").
TEST_CASE("blind sets 22 and 23 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind22.jsonl", 0.68, 0.84, 0.80, 0.97, 1},
                Floor{"blind23.jsonl", 0.70, 0.83, 0.84, 0.97, 1}});
}

// First contact on main dce041e, before any change they guided: blind24 0.729 / 0.890 / 0.836 / 0.971 with one
// unexpected "Boleh", blind25 0.778 / 0.935 / 0.850 / 1.000 with two (README, "First contact").
TEST_CASE("blind sets 24 and 25 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind24.jsonl", 0.72, 0.89, 0.90, 0.96, 1},
                Floor{"blind25.jsonl", 0.78, 0.91, 0.86, 0.97, 1}});
}

// First contact: blind26 0.710 / 0.890 / 0.814 / 0.986 with four unexpected "Boleh" and blind27 0.718 / 0.913 /
// 0.821 / 0.943 with two, on main a274ad8 before any change they guided; blind28 0.743 / 0.911 / 0.864 / 0.979 with
// one and blind29 0.644 / 0.875 / 0.829 / 0.979 with two, on 32ac190 after part of the fixes 26 and 27 guided
// (README, "First contact"). blind27's thanks are labelled ["greeting","help"] as in the other sets.
TEST_CASE("blind sets 26 to 29 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind26.jsonl", 0.73, 0.91, 0.87, 0.97, 1},
                Floor{"blind27.jsonl", 0.71, 0.92, 0.86, 0.95, 2},
                Floor{"blind28.jsonl", 0.72, 0.89, 0.87, 0.96, 1},
                Floor{"blind29.jsonl", 0.63, 0.86, 0.84, 0.96, 2}});
}

// First contact on main 8d4824f, at the end of the round blind26–29 guided: blind30 0.714 / 0.815 / 0.786 / 0.993
// with five unexpected "Boleh", blind31 0.710 / 0.935 / 0.814 / 0.993 with four (README, "First contact").
TEST_CASE("blind sets 30 and 31 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind30.jsonl", 0.69, 0.79, 0.77, 0.97, 4},
                Floor{"blind31.jsonl", 0.70, 0.91, 0.81, 0.97, 2}});
}

// Blind sets 34–39 (2026-12-02, ids am…, an…, ao…, ap…, aq…, ar…; blind32–33 were lost with their machine before
// they joined the repository). First contacts (README, "First contact"): blind34 0.792 / 0.927 / 0.871 / 0.979 and
// blind35 0.757 / 0.888 / 0.800 / 0.979 on main bae495c; blind36 0.710 / 0.935 / 0.871 / 0.986 and blind37 0.841 /
// 0.935 / 0.836 / 0.986 (two unexpected "Boleh") after the blind34/35 fixes (4c9ec3c); blind38 0.738 / 0.869 /
// 0.814 / 0.993 and blind39 0.757 / 0.897 / 0.886 / 1.000 (two) at the end of the round (b32a584), never tuned on.
TEST_CASE("blind sets 34 to 39 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind34.jsonl", 0.81, 0.93, 0.90, 0.96, 0},
                Floor{"blind35.jsonl", 0.76, 0.88, 0.83, 0.97, 0},
                Floor{"blind36.jsonl", 0.71, 0.92, 0.88, 0.96, 0},
                Floor{"blind37.jsonl", 0.84, 0.93, 0.85, 0.96, 1},
                Floor{"blind38.jsonl", 0.71, 0.84, 0.79, 0.97, 0},
                Floor{"blind39.jsonl", 0.73, 0.87, 0.86, 0.98, 2}});
}

// Blind sets 40–42 (2026-12-02 evening, ids as…, at…, au…). First contacts (README, "First contact"): blind40
// 0.816 / 0.913 / 0.850 / 0.993 (one unexpected "Boleh") and blind41 0.784 / 0.897 / 0.807 / 0.979 (one) on 8b6eaec
// plus the household rule; blind42 0.777 / 0.903 / 0.836 / 0.993 (one) at the end of the round, never tuned on.
TEST_CASE("blind sets 40 to 42 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind40.jsonl", 0.79, 0.90, 0.90, 0.97, 0},
                Floor{"blind41.jsonl", 0.78, 0.88, 0.89, 0.97, 0},
                Floor{"blind42.jsonl", 0.75, 0.88, 0.81, 0.97, 1}});
}

// Blind sets 43–45 (2026-12-03, ids ay…, az…, ba…; the lost sets of the round before kept their numbers). First
// contacts (README, "First contact"): blind44 0.719 / 0.884 / 0.864 / 0.957 (one unexpected "Boleh") and blind45
// 0.756 / 0.874 / 0.829 / 0.971 (three) on 218db76, before the round; blind43 0.857 / 0.916 / 0.864 / 0.979 (one) on
// af9a269, at the end of the round, never tuned on.
TEST_CASE("blind sets 43 to 45 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind43.jsonl", 0.84, 0.90, 0.85, 0.97, 1},
                Floor{"blind44.jsonl", 0.80, 0.92, 0.88, 0.97, 0},
                Floor{"blind45.jsonl", 0.83, 0.91, 0.87, 0.98, 1}});
}

// Blind sets 46–48 (2026-12-03 afternoon, ids bb…, bc…, bd…). First contacts (README, "First contact"): blind47
// 0.828 / 0.909 / 0.907 / 0.986 (two unexpected "Boleh") and blind48 0.826 / 0.890 / 0.871 / 0.957 (two) on 2aa3a8d,
// before the round; blind46 0.825 / 0.907 / 0.886 / 0.993 (one) on ec521e1, at the end of the round, never tuned on.
TEST_CASE("blind sets 46 to 48 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind46.jsonl", 0.81, 0.89, 0.88, 0.98, 1},
                Floor{"blind47.jsonl", 0.83, 0.93, 0.93, 0.97, 0},
                Floor{"blind48.jsonl", 0.83, 0.90, 0.90, 0.95, 1}});
}

// Blind sets 49–51 (2026-12-03 evening, ids be…, bf…, bg…). First contacts (README, "First contact"): blind50
// 0.845 / 0.932 / 0.879 / 0.993 (one unexpected "Boleh") and blind51 0.828 / 0.910 / 0.871 / 0.993 (three) on
// a6b950f, before the round; blind49 0.874 / 0.941 / 0.829 / 0.971 (two) on f2dbfdc, at the end of the round, never
// tuned on.
TEST_CASE("blind sets 49 to 51 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind49.jsonl", 0.86, 0.93, 0.82, 0.96, 2},
                Floor{"blind50.jsonl", 0.84, 0.93, 0.91, 0.99, 0},
                Floor{"blind51.jsonl", 0.83, 0.91, 0.89, 0.98, 0}});
}

// Blind sets 52–54 (2026-12-03 night, ids bh…, bi…, bj…). First contacts (README, "First contact"): blind53
// 0.831 / 0.949 / 0.829 / 0.986 (none unexpected) and blind54 0.783 / 0.948 / 0.821 / 0.993 (none) on 99f7fe2,
// before the round; blind52 0.840 / 0.933 / 0.879 / 0.979 (one) on 53f8f48, at the end of the round, never tuned on.
TEST_CASE("blind sets 52 to 54 stay at the scores their fixes reached", "[accuracy]") {
  check_floors({Floor{"blind52.jsonl", 0.83, 0.92, 0.87, 0.97, 1},
                Floor{"blind53.jsonl", 0.85, 0.94, 0.86, 0.99, 0},
                Floor{"blind54.jsonl", 0.80, 0.96, 0.87, 0.99, 0}});
}
