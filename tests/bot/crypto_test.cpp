// bot/crypto.h against published test vectors: the keyed hashes are stored (delivery ids, sender keys) and
// compared with what platforms compute (WhatsApp's X-Hub-Signature-256), so they must be bit-exact HMAC-SHA256.
#include "bot/crypto.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using netra::bot::constant_time_equal;
using netra::bot::hmac_sha256_hex;
using netra::bot::random_hex;
using netra::bot::sha256_hex;

TEST_CASE("hmac_sha256_hex matches RFC 4231 test case 1 (a 20-byte key)", "[crypto]") {
  CHECK(hmac_sha256_hex(std::string(20, '\x0b'), "Hi There") ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST_CASE("hmac_sha256_hex matches RFC 4231 test case 2 (a key shorter than the hash)", "[crypto]") {
  CHECK(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("hmac_sha256_hex matches RFC 4231 test case 6 (a key longer than the block is hashed first)", "[crypto]") {
  CHECK(hmac_sha256_hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("sha256_hex matches the FIPS 180-2 example for \"abc\"", "[crypto]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("constant_time_equal is true only for equal strings of equal length", "[crypto]") {
  CHECK(constant_time_equal("sha256=abc", "sha256=abc"));
  CHECK(constant_time_equal("", ""));
  CHECK_FALSE(constant_time_equal("sha256=abc", "sha256=abd"));
  CHECK_FALSE(constant_time_equal("sha256=abc", "sha256=ab"));
  CHECK_FALSE(constant_time_equal("", "x"));
}

TEST_CASE("random_hex gives lowercase hex of twice the byte count, different each time", "[crypto]") {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    std::string id = random_hex(16);
    CHECK(id.size() == 32);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 20);
  CHECK(random_hex(0).empty());
}
