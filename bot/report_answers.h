// Reading a reporter's answers to the steps of the report flow (bot/report_flow.h): whether an account is usable,
// which role was chosen, the place split into desa, kecamatan and kabupaten, the links given as evidence. No
// replies are written here; the flow words them.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "bot/reader.h"
#include "bot/report_records.h"

namespace netra::bot {

// Reply keys (knowledge/data/replies.txt) of the problems with an answer that more than one step tells apart.
inline constexpr const char* kReportProblemEmpty = "report.problem.empty";
inline constexpr const char* kReportProblemTooLong = "report.problem.too_long";

// Why an answer to a free-text step is not usable, as a key of knowledge/data/replies.txt (`report.problem.*`, the
// too-long one takes {max}), or empty when it is usable. max_length counts characters (knowledge::utf8_length).
std::string problem_with_account(const std::string& text, size_t max_length);

// True when the answer, trimmed, lowercased and without a final '.' or '!', is one of `words`.
bool answer_is_one_of(const std::string& text, std::initializer_list<const char*> words);

// The role a reporter chose (a button id `role:…`, a number 1–5, "lainnya" and its synonyms, or a role the reader
// finds in the text): asn, pppk, kades, perangkat or lainnya; empty when the answer names none.
std::string report_role_answer(const std::string& text, const Reader& reader);
// True for the roles a report records: asn, pppk, kades, perangkat, lainnya.
bool is_report_role(const std::string& role);

// Splits "Desa A, Kec. B, Kab. C" or labelled parts into the draft's desa, kecamatan and kabupaten. Returns false
// (and leaves the draft alone) when fewer than two places, or no kabupaten, can be told apart.
bool parse_place(const std::string& text, ReportDraft& draft /* OUT */);

// The http:// and https:// links in a text, each up to the next white space.
std::vector<std::string> links_in(const std::string& text);

}  // namespace netra::bot
