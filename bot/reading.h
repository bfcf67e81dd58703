// A message read once into one typed value: what kind of message it is, who it names, what each of them does
// to what, under which circumstances, and which sentence asks the question. Every layer after the reader —
// the verdict rules, retrieval, the answer's wording, the conversation — works from this value and never
// re-reads the raw text.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "knowledge/vocabulary.h"

namespace netra::bot {

using knowledge::Act;
using knowledge::Election;
using knowledge::Modifier;
using knowledge::QuestionFocus;
using knowledge::Relation;
using knowledge::Role;
using knowledge::SpeechAct;
using knowledge::Target;
using knowledge::Verdict;

// One word of the message after cleaning and the chat-language map: "sy" → "saya", "caleg" → "calon legislatif
// caleg" (three tokens sharing one byte range).
struct Token {
  std::string word;  // normalised word (stopwords kept)
  std::string stem;  // its stem
  std::string term;  // its retrieval term (Analyzer::term_of; empty for a stopword)
  size_t start = 0;  // byte range in Reading::text
  size_t end = 0;
  size_t sentence = 0;
  size_t clause = 0;  // clause number, unique across the message
  size_t quote = 0;   // 1 + the index in Reading::quotes of the quote the word stands in; 0 outside quotes
};

// Someone the message talks about. people[0] is always the writer (the asker).
struct Person {
  enum class Kind { asker, relation, generic } kind = Kind::asker;
  std::optional<Relation> relation;  // for Kind::relation
  Role role = Role::unknown;
  bool runs_for_office = false;  // "suami sy nyaleg": acts directed at this person are directed at a candidate
  bool mentioned = false;        // for the asker: the writer named themself ("sy PNS", "boleh gk sy …")
  bool someone_elses = false;    // for a relation: named with "-nya" ("istrinya"), a relative of someone else
  // Named by role after "ada"/"muncul" ("pengajian yg ada caleg ceramah", "kl ada ASN gk netral"): someone there
  // is, or may be, rather than someone the writer names.
  bool named_after_existential = false;
  // Named by role with a defining "yang" clause right after ("kades yg ikut kampanye", "perangkat desa yg jd
  // timses"): anyone of that role who does it, a rule asked rather than a case told.
  bool named_as_class = false;

  // Named by nothing ("ada yg …", "seseorang"): acts for themself, asked about only where no one else acts.
  bool is_someone() const { return kind == Kind::relation && relation == Relation::someone; }
};

// One act the message names, with whoever does it and what it is directed at.
struct ActMention {
  Act act = Act::like;
  size_t person = 0;  // index into Reading::people
  Target target = Target::none;
  bool negated = false;  // "gk pake atribut", "tdk pernah posting"
  // Told to describe a scene, not as a deed asked about: "pelatihan UMKM, narasumbernya caleg" says who speaks
  // there; the writer's own deeds elsewhere in the message come first.
  bool describes_scene = false;
  size_t first_token = 0;
  size_t last_token = 0;
  size_t sentence = 0;

  // Directed at a candidate or at an incumbent official: the act takes a side in the election, or may.
  bool toward_candidacy() const { return target == Target::candidate || target == Target::incumbent_official; }
};

struct Reading {
  std::string text;  // the message with invisible characters removed and spaces made plain
  std::vector<Token> tokens;
  // What someone is quoted as saying ('…' or "…"): the byte range [first, end) inside each quote, in order. An
  // apostrophe inside a word ("de'e") opens nothing; a quote left open runs to the end of the message.
  std::vector<std::pair<size_t, size_t>> quotes;
  size_t sentence_count = 0;
  size_t focus_sentence = 0;  // the sentence that asks (the last one with a question), or the last sentence

  SpeechAct speech_act = SpeechAct::question;
  std::string receipt_code;  // NTR-XXXX-XXXX when the message names one, normalised
  bool asks = false;         // a question mark or a question word anywhere
  bool asks_whether_allowed = false;  // a verdict word ("boleh", "melanggar", "aman") and no request for a fact
  bool recommendation_request = false;  // asks Netra whom to vote for: out of scope, with a neutral reply
  // Asked whether to report, or whether it can be reported, after a story of someone's deed ("… itu bisa
  // dilaporin?"): the deed is the question, and a violation gets the offer to report it.
  bool asks_about_reporting = false;
  bool cancels = false;      // the whole message cancels ("batal", "gak jadi")
  bool asks_for_menu = false;  // the whole message asks for the menu ("menu", "kembali ke menu")
  QuestionFocus focus = QuestionFocus::verdict;
  // The sanction asked is whether the act is punished at all, answered by whether it is allowed: asked yes or no
  // ("dipidana gk?", "bisa dipecat?"), or asked of a case the writer tells of themself or a relative ("adik ipar
  // sy … pake rompi relawan. itu pelanggaran apa dan hukumannya?"), not of a role in general or an "if".
  bool sanction_asks_whether_punished = false;
  Election election = Election::unnamed;

  std::vector<Person> people;  // [0] is the asker
  std::vector<ActMention> acts;
  std::set<Modifier> modifiers;  // circumstances of the message (scope words excluded)

  size_t subject = 0;               // index into people: whose act the question is about
  std::vector<size_t> asked_acts;   // indexes into acts: the subject's acts the question is about
  bool role_given = false;          // the caller gave the asker's role (--role, the API, an earlier answer)
  bool role_assumed = false;        // nobody's role is known: the rules were read as for an ASN

  // Analysed terms (stemmed, stopwords dropped) for retrieval, in message order.
  std::vector<std::string> terms;
  // The account of a violation for the report flow ("mau lapor, kades X …" → "kades X …"), when the message
  // tells one; the whole message for a tip told as a story.
  std::string account;

  const Person& subject_person() const { return people[subject]; }
  // The subject's role as the rules read it: an unknown role is read as ASN (Netra's first audience).
  Role subject_role() const;
  // The contract's audience for the answer: the subject's role (asn, pppk, kades, perangkat, citizen), empty when
  // nobody's role is known.
  std::string audience() const;
  bool has(Modifier modifier) const { return modifiers.count(modifier) > 0; }
};

}  // namespace netra::bot
