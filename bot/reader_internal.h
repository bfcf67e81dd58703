// Private to the reader's translation units (reader.cpp, reader_people.cpp, reader_speech.cpp): how person cues
// are numbered for the phrase matcher, and small word classes the reader's grammar needs.
#pragma once

#include <string>
#include <vector>

#include "bot/phrase_matcher.h"
#include "knowledge/lexicon.h"

namespace netra::bot {

// Person cues as matcher labels: a relation is its enum value; the other kinds sit above every relation.
inline constexpr int kSelfLabel = 1000;
inline constexpr int kThirdPersonLabel = 1001;
inline constexpr int kVocativeLabel = 1002;

inline std::vector<knowledge::Cue<int>> encode_person_cues(const std::vector<knowledge::Cue<knowledge::PersonCue>>& cues) {
  std::vector<knowledge::Cue<int>> out;
  for (const auto& cue : cues) {
    int label = static_cast<int>(cue.label.relation);
    if (cue.label.kind == knowledge::PersonCue::Kind::self) label = kSelfLabel;
    if (cue.label.kind == knowledge::PersonCue::Kind::third_person) label = kThirdPersonLabel;
    if (cue.label.kind == knowledge::PersonCue::Kind::vocative) label = kVocativeLabel;
    out.push_back({label, cue.phrase});
  }
  return out;
}

// Words after which a noun is an object, not the one who acts ("ke caleg", "bareng kades", "postingan caleg").
inline bool is_object_marker(const std::string& word) {
  static const char* kWords[] = {"ke",     "kepada",  "dengan",  "sama",    "bersama", "untuk",  "buat",
                                 "dari",   "oleh",    "pada",    "di",      "bagi",    "terhadap", "tentang",
                                 "unggahan", "akun",  "foto",    "grup",    "tim",     "acara",  "kampanye",
                                 "status", "story",   "video",   "konten",  "program", "visi",   "atribut",
                                 "kaos",   "baliho",  "spanduk", "stiker",  "dukung",  "pilih",  "coblos",
                                 "jadi",   "seperti", "sebagai", "with",    "for",     "to",     "about",
                                 "his",    "her",     "like",    "komentar", "share",  "unggah", "follow",
                                 "ikuti",  "deklarasi", "rumah", "kunjungan", "silaturahmi", "pertemuan",
                                 "rapat",  "calon",   "pasangan"};
  for (const char* marker : kWords) {
    if (word == marker) return true;
  }
  return false;
}

// Words that may stand between a person and the role that describes them ("sy seorang guru", "bidan yg PPPK",
// "suami sy kan kades").
inline bool is_description_filler(const std::string& word) {
  static const char* kWords[] = {"yang",  "seorang", "sebagai", "adalah", "itu",  "ini",  "kan",   "juga",
                                 "jadi",  "masih",   "sudah",   "baru",   "sih",  "nih",  "dong",  "memang",
                                 "saya",  "kami",    "kita",    "merupakan", "am", "a",   "an",    "is",
                                 "sekarang", "lagi", "tuh",     "mah",    "teh",  "nya",  "skrg",  "dulu",
                                 "tahun", "lalu",    "kemarin", "desa",   "sd",   "negeri", "di",  "dinas",
                                 "kantor", "kecamatan", "kabupaten", "puskesmas", "sekolah"};
  for (const char* filler : kWords) {
    if (word == filler) return true;
  }
  return false;
}

}  // namespace netra::bot
