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
                                 "jadi",   "seperti", "with",    "for",     "to",     "about",
                                 "his",    "her",     "like",    "komentar", "share",  "unggah", "follow",
                                 "ikuti",  "deklarasi", "rumah", "kunjungan", "silaturahmi", "pertemuan",
                                 "rapat",  "calon",   "pasangan", "lapor",  "laporkan", "melaporkan", "adukan", "mengadukan",
                                 "report"};
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

// Passive verbs of asking and ordering: the person named after one is who asks, not who acts.
inline bool is_passive_verb(const std::string& word) {
  static const char* kWords[] = {"diajak",   "disuruh", "diminta", "diundang", "dipaksa",  "ditawari", "ditawarin",
                                 "dipiwarang", "dititah", "dikon",  "dijak",    "diperintah", "diperintahkan",
                                 "dijadikan", "dijadiin", "dimasukkan", "dimasukin", "diarahkan", "ditekan",
                                 "diancam", "didatangi", "dihubungi", "dichat",  "dijapri", "asked", "invited"};
  for (const char* verb : kWords) {
    if (word == verb) return true;
  }
  return false;
}

// Verbs of asking someone to act ("bos minta forward", "kades nyuruh bagi stiker"): the act after one is done by
// whoever is asked — the person named after the verb, or the writer.
inline bool is_asking_verb(const std::string& word) {
  static const char* kWords[] = {"minta", "meminta", "suruh", "menyuruh", "ajak", "mengajak", "perintah",
                                 "memerintahkan", "paksa", "memaksa", "tawari", "menawari", "undang", "mengundang",
                                 "asked", "ask", "told", "tell", "wants", "want", "nyuruh", "ngajak", "ngundang"};
  for (const char* verb : kWords) {
    if (word == verb) return true;
  }
  return false;
}

// Words after which "saya"/"kami" is the writer acting ("kalau sy", "boleh gk sy"), not a possessor ("desa kami").
inline bool introduces_actor(const std::string& word) {
  static const char* kWords[] = {"kalau", "jika", "apabila", "bila", "seandainya", "misal", "misalnya", "terus",
                                 "lalu", "tapi", "tetapi", "kan", "jadi", "nah", "dan", "atau", "boleh", "bisa",
                                 "apakah", "apa", "bagaimana", "mau", "ingin", "karena", "soalnya", "padahal",
                                 "sedangkan", "bahwa", "if", "can", "may", "should", "is", "am", "do", "so", "and",
                                 "but", "then", "because", "ketika", "saat", "waktu", "sambil", "sekarang", "tadi",
                                 "kemarin", "besok", "nanti", "sudah", "belum", "juga", "pun", "lagi", "masih", "ya",
                                 "sih", "dong", "nih", "admin", "pak", "bu", "kak", "mas", "mbak", "tidak", "bukan",
                                 "harus", "wajib", "perlu", "makanya", "sebenarnya", "memang", "cuma", "hanya",
                                 "aja", "saja", "tolong", "mohon", "permisi", "halo", "assalamualaikum", "pagi",
                                 "siang", "sore", "malam", "kenapa", "mengapa", "dimana", "kapan", "gimana", "kok"};
  for (const char* introducer : kWords) {
    if (word == introducer) return true;
  }
  return false;
}

// Words of time that may open a clause before the one who acts ("td pak camat …", "kemarin kades …").
inline bool is_time_word(const std::string& word) {
  static const char* kWords[] = {"tadi", "td", "kemarin", "semalam", "barusan", "pas", "saat", "waktu", "ketika",
                                 "pagi", "siang", "sore", "malam", "besok", "lusa", "minggu", "ternyata", "eh",
                                 "terus", "lalu", "kemudian", "trus", "pak", "bu", "bapak", "ibu", "si", "mas",
                                 "mbak", "ada", "banyak", "para", "semua", "beberapa"};
  for (const char* time_word : kWords) {
    if (word == time_word) return true;
  }
  return false;
}

}  // namespace netra::bot
