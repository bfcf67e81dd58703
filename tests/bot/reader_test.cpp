#include <catch2/catch.hpp>

#include "bot/receipt_code.h"
#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::shared_answerer;

namespace {

Intent intent_of(const std::string& text) { return shared_answerer().answer(text).intent; }

}  // namespace

TEST_CASE("receipt codes are found in any case and spacing and normalised", "[intent]") {
  CHECK(find_receipt_code("cek NTR-7K3Q-9XWD") == std::optional<std::string>("NTR-7K3Q-9XWD"));
  CHECK(find_receipt_code("status ntr 7k3q 9xwd ya") == std::optional<std::string>("NTR-7K3Q-9XWD"));
  CHECK(find_receipt_code("NTR7K3Q9XWD") == std::optional<std::string>("NTR-7K3Q-9XWD"));
  CHECK_FALSE(find_receipt_code("NTR-7K3Q-9XW").has_value());
  CHECK_FALSE(find_receipt_code("XNTR-7K3Q-9XWD1").has_value());
  CHECK_FALSE(find_receipt_code("kontrak").has_value());
}

TEST_CASE("a message naming a receipt code is a status check", "[intent]") {
  CHECK(intent_of("cek NTR-7K3Q-9XWD") == Intent::status);
  CHECK(shared_answerer().answer("status NTR-7K3Q-9XWD").receipt_code == "NTR-7K3Q-9XWD");
}

TEST_CASE("a message that opens with a report cue and tells a story is a report", "[intent]") {
  CHECK(intent_of("/lapor") == Intent::report);
  CHECK(intent_of("lapor") == Intent::report);
  CHECK(intent_of("mau lapor, camat kemarin pakai mobil dinas buat kampanye") == Intent::report);
}

TEST_CASE("asking how to report is a question, not a report", "[intent]") {
  CHECK(intent_of("gimana cara lapor pelanggaran netralitas?") == Intent::question);
}

TEST_CASE("greetings and help requests are recognised only when that is all the message says", "[intent]") {
  CHECK(intent_of("assalamualaikum") == Intent::greeting);
  CHECK(intent_of("halo min") == Intent::greeting);
  CHECK(intent_of("bot ini bisa apa aja?") == Intent::help);
  CHECK(intent_of("/start") == Intent::help);
  // A greeting and chat fillers around the help cue do not make it a question.
  CHECK(intent_of("halo min, ini bot apa sih? bisa bantu apa saja ya") == Intent::help);
  CHECK(intent_of("assalamualaikum, kades boleh ikut kampanye?") == Intent::question);
}

TEST_CASE("questions outside elections and neutrality are out of scope", "[intent]") {
  CHECK(intent_of("resep rendang yg enak gmn") == Intent::out_of_scope);
  CHECK(intent_of("jadwal kereta ke surabaya besok") == Intent::out_of_scope);
}
