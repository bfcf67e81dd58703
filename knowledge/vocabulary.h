// The typed vocabulary of a message's reading and of the rules that decide a verdict: who (roles, relations),
// what (acts), to what (targets), how (modifiers), what kind of message (speech acts) and which election.
// The words that signal each value live in data files (knowledge/data/*.txt); the values themselves are enums,
// so a misspelt label in a data file fails `netra index` and a forgotten case fails to compile.
//
// Every enum has one `parse_*` (label → value, nullopt for an unknown label) and one `to_string` (value →
// label); the labels are the ones the data files and `netra ask --explain` use.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace netra::knowledge {

// The answer's verdict, as the contract's answer JSON names it (dilarang, boleh, hati-hati, info, none).
enum class Verdict { none, info, boleh, hati_hati, dilarang };
std::optional<Verdict> parse_verdict(std::string_view label);
std::string_view to_string(Verdict verdict);
// dilarang > hati-hati > boleh > info > none: the more severe of two verdicts is the safer answer.
int severity(Verdict verdict);

// Who a person is, as far as the neutrality rules care. asn covers PNS and CPNS (and a lurah, who is a PNS);
// pppk is ASN too but has its own consequences (PP 49/2018). honorer, retired and citizen are bound by none of
// the ASN or village rules; candidate covers candidates and their campaign teams (campaign actors); minor is a
// child or anyone else without the right to vote.
enum class Role {
  unknown,
  asn,
  pppk,
  kades,
  perangkat,
  bpd,
  election_staff,
  tni_polri,
  // Directors, commissioners and staff of state- or region-owned enterprises (BUMN/BUMD): not ASN, but UU 7/2017
  // 280 (2)-(3) and 522 keep them off campaign teams.
  bumn_staff,
  candidate,
  honorer,
  retired,
  citizen,
  // Heads of a rukun tetangga or rukun warga: a lembaga kemasyarakatan desa, not perangkat desa, and named by no
  // campaign ban (UU 7/2017 280 (2)-(3), UU 6/2014 51); whether a local rule binds them is left open, so their
  // campaign acts are "hati-hati", never a plain "boleh" (regulations.md does not settle it).
  rt_rw,
  // A child or anyone without the right to vote: campaigns may not involve them (UU 7/2017 280 (2) k).
  minor,
};
std::optional<Role> parse_role(std::string_view label);
std::string_view to_string(Role role);
// The contract's audience for a role (asn, pppk, kades, perangkat, citizen), empty for unknown.
std::string_view audience_of(Role role);
// The roles the neutrality rules bind (UU 20/2023 9 (2), UU 6/2014 29 and 51, UU 7/2017 280 (3) and 282): ASN and
// PPPK, kades, perangkat, BPD, election staff, TNI/Polri, BUMN staff. The `bound` group of rules.txt.
const std::vector<Role>& bound_roles();
bool is_bound(Role role);

// A third party named by the writer, relative to the writer.
// `someone`: a person the message names by no relation or role ("ada yg share flyer caleg", "seseorang").
enum class Relation { spouse, parent, child, sibling, relative, friend_, colleague, superior, neighbour, someone };
std::optional<Relation> parse_relation(std::string_view label);
std::string_view to_string(Relation relation);

// What someone does. The vocabulary the rules are written in (knowledge/data/acts.txt gives the words).
enum class Act {
  like,
  comment,
  share,
  post,
  follow,
  join_group,
  admin_group,
  make_content,
  attend_passive,
  attend_campaign,
  attend_declaration,
  speak,
  organise,
  join_team,
  pose_gesture,
  photo_with_candidate,
  wear_attributes,
  install_props,
  give_money,
  receive_money,
  donate,
  use_facilities,
  lend_facilities,
  use_budget,
  mobilise_staff,
  favour_decision,
  sign_support,
  take_sides,  // partisanship named as such ("ga netral", "memihak"), without the deed that shows it
  run_for_office,
  join_party,
  party_official,
  vote,
  serve_election_staff,        // KPU's ad hoc staff: PPK, PPS, KPPS, pantarlih
  serve_election_supervisor,   // Bawaslu's ad hoc supervisors: Panwaslu kecamatan/kelurahan/desa, pengawas TPS
  invite_to_vote,
  encourage_turnout,
  report,
  watch_or_read,
  discuss_privately,
  host_candidate,
  accompany_candidate,
  discriminate_service,
  added_to_group,  // put into a group by someone else ("dimasukin ke grup timses"): not joining, but staying is
  mute_group,      // muting or archiving a group: the membership stays
  // An incumbent regional head replacing officials ("bupati mutasi kepala dinas"): banned from six months before
  // the determination of candidates without the Minister's written approval (UU 10/2016 Pasal 71 ayat 2).
  replace_officials,
  // One's name, photo, ID number or account used by someone else without consent ("foto sy dipasang di baliho
  // caleg, sy ga pernah setuju"): no act of one's own, but a thing to disown and report.
  identity_misused,
  withdraw,  // stepping back from support: unfollow, leave a group, delete a post or tag, decline an order
};
std::optional<Act> parse_act(std::string_view label);
std::string_view to_string(Act act);

// What an act is directed at. candidate covers a candidate, a party, a campaign or a campaign team; government
// and election_body are neutral institutions (a regency's health office, KPU, Bawaslu); incumbent_official is an
// official channel of a government whose head is running again (the post is the government's, the face the
// candidate's).
enum class Target { none, candidate, government, election_body, incumbent_official };
std::optional<Target> parse_target(std::string_view label);
std::string_view to_string(Target target);
// True for the targets that take no side in the election.
bool is_neutral(Target target);

// Circumstances that change or explain a verdict. negation and only are scope words (they bind the act or
// target that follows); the rest are facts about the act's circumstances.
enum class Modifier {
  negation,
  only,
  on_leave,
  unpaid_leave,
  off_hours,
  private_setting,
  before_campaign,
  after_election,
  quiet_period,
  voting_day,
  unpublished,
  with_permission,
  past_event,
  asks_for_action,
  retired_marker,
  former_marker,
  // Where the act happens, for the rules on places (UU 7/2017 280 (1) h after MK 65/PUU-XXI/2023).
  place_worship,
  place_school,
  place_campus,
  place_government,
  // The writer's own house ("pagar rumah kami", "rumah sy dipake rapat timses"): what happens there is seen as the
  // household's, so it matters only beside household_bound.
  own_home,
  // Running for office while keeping the post ("tanpa mundur", "tetap PNS sampai lolos", "resign kalau jadi").
  keeps_office,
  // A candidate's post or event about their private life, not the campaign ("postingan ultah caleg", "foto
  // liburan", "kondangan anak caleg").
  personal_post,
  // A live stream ("live IG", "siaran langsung"): watching one is closer to support than watching a debate.
  live_stream,
  // An official event ("acara resmi pemda", "acara dinas", a "peresmian"): attending one an incumbent candidate
  // leads is work, judged by what is done there. Being told or assigned to go is no such cue.
  on_duty,
  // Taking someone to a campaign and staying outside ("nunggu di mobil", "ga ikut masuk"): no part in it.
  waits_outside,
  // A group its members share for something other than politics ("grup alumni", "grup RT", "grup arisan"):
  // campaign posts others put there do not make it a candidate's group (SKB 2022 lampiran II bans joining those).
  general_group,
  // Every candidate invited or let in alike ("semua paslon diundang", "semua caleg boleh pakai gantian").
  all_candidates,
  // Derived from the whole reading, never from one phrase: the subject is not bound but shares the household with
  // someone who is (the writer, or the writer's spouse, parent or child, holds a role knowledge::is_bound names).
  household_bound,
  // Derived from the whole reading, never from one phrase: the candidate is the subject's spouse.
  spouse_is_candidate,
};
std::optional<Modifier> parse_modifier(std::string_view label);
std::string_view to_string(Modifier modifier);

// What kind of message it is. question asks something; tip tells of a violation someone else committed;
// report_request asks to file a report ("lapor", the menu's button); status asks about a filed report.
enum class SpeechAct {
  question,
  tip,
  report_request,
  status,
  thanks,
  acknowledgement,
  greeting,
  help,
  small_talk,
  out_of_scope,
};
std::optional<SpeechAct> parse_speech_act(std::string_view label);
std::string_view to_string(SpeechAct act);

// Which election a message is about, when it names only one of them.
// pilkades: a village head election, governed by UU 6/2014 and regional rules, not by the Pemilu and Pilkada laws.
enum class Election { unnamed, pemilu, pilkada, pilkades };
std::string_view to_string(Election election);

// What a question wants to know: whether something is allowed, or a fact (a sanction, a procedure or place to
// report, a time limit, a definition or legal basis).
enum class QuestionFocus { verdict, sanction, procedure, deadline, definition };
std::optional<QuestionFocus> parse_question_focus(std::string_view label);
std::string_view to_string(QuestionFocus focus);

}  // namespace netra::knowledge
