// How far the people reader (bot/reader_people.h) looks from one word to another, in words of the message after
// the chat-language map. Each limit comes with the phrasing it was set for; a longer reach would join words of
// unrelated clauses.
#pragma once

#include <cstddef>

namespace netra::bot {

constexpr size_t kUndoneReach = 12;  // words from a withdrawal to the act it undoes, within its clause
constexpr size_t kPurposeReach = 2;  // words from an act to a purpose word still "for" it ("dipinjamkan gratis buat")
// How far after an invitation the act it asks for may be named ("ajak semua guru nyoblos").
constexpr size_t kContentReach = 4;
// Words a venue marker may stand before its place ("di ruang kelas SD", "di halaman masjid").
constexpr size_t kVenueReach = 3;
// Words from a denied role back to whom it denies, across a description ("dosen di kampus swasta (bukan ASN)").
constexpr size_t kDenialReach = 6;
// Words from a relativizer to the act of its clause ("yg ikut share", "yang sudah pernah like").
constexpr size_t kRelativeReach = 3;
// Words from "ada" to a relativizer, and from it to the act ("ada anggota yg share", "ada yg sering bagi amplop").
constexpr size_t kSomeoneWhoReach = 2;
// Words a wish may stand before the use it wishes ("timses mau sewa", "tim caleg ingin pinjam").
constexpr size_t kWishReach = 2;
// Words from an opening quotation mark to a vote it quotes ("'ayo pilih nomor 2'").
constexpr size_t kQuoteReach = 2;
// Words from a quoted vote to whom it is for ("'coblos yg nomor 2'").
constexpr size_t kChoiceReach = 3;
// Words from a possessive determiner to the relative it owns ("my college friend").
constexpr size_t kOwnerReach = 2;
constexpr size_t kObjectReach = 3;  // words after a lending verb that name the thing lent ("minjemin sound system")
// Words after a topic word ("soal", "tentang") that say what a post is about ("soal ajakan lapor politik uang").
constexpr size_t kTopicContentReach = 4;
// Words from an invitation or an order to the act it asks of someone named ("ngajak murid2 kelas 6 ikut kampanye").
constexpr size_t kCausedReach = 6;

}  // namespace netra::bot
