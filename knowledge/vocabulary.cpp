#include "knowledge/vocabulary.h"

#include <algorithm>

namespace netra::knowledge {
namespace {

// Each label is written once, in the enum's to_string switch (no default: a new value without a label fails
// -Wswitch); parse walks the values from the first to `last` and compares labels.
template <typename Enum>
std::optional<Enum> parse_by_label(std::string_view label, Enum last) {
  for (int value = 0; value <= static_cast<int>(last); ++value) {
    if (to_string(static_cast<Enum>(value)) == label) return static_cast<Enum>(value);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::none: return "none";
    case Verdict::info: return "info";
    case Verdict::boleh: return "boleh";
    case Verdict::hati_hati: return "hati-hati";
    case Verdict::dilarang: return "dilarang";
  }
  return "none";
}
std::optional<Verdict> parse_verdict(std::string_view label) { return parse_by_label(label, Verdict::dilarang); }
int severity(Verdict verdict) { return static_cast<int>(verdict); }

std::string_view to_string(Role role) {
  switch (role) {
    case Role::unknown: return "unknown";
    case Role::asn: return "asn";
    case Role::pppk: return "pppk";
    case Role::kades: return "kades";
    case Role::perangkat: return "perangkat";
    case Role::bpd: return "bpd";
    case Role::election_staff: return "election_staff";
    case Role::tni_polri: return "tni_polri";
    case Role::bumn_staff: return "bumn_staff";
    case Role::candidate: return "candidate";
    case Role::honorer: return "honorer";
    case Role::retired: return "retired";
    case Role::citizen: return "citizen";
    case Role::rt_rw: return "rt_rw";
    case Role::minor: return "minor";
  }
  return "unknown";
}
std::optional<Role> parse_role(std::string_view label) { return parse_by_label(label, Role::minor); }

const std::vector<Role>& bound_roles() {
  static const std::vector<Role> roles = {Role::asn,       Role::pppk,           Role::kades,      Role::perangkat,
                                          Role::bpd,       Role::election_staff, Role::tni_polri, Role::bumn_staff};
  return roles;
}

bool is_bound(Role role) {
  const auto& roles = bound_roles();
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string_view audience_of(Role role) {
  switch (role) {
    case Role::asn: return "asn";
    case Role::pppk: return "pppk";
    case Role::kades: return "kades";
    // BPD members are listed with the village officials in the corpus's audiences.
    case Role::perangkat:
    case Role::bpd: return "perangkat";
    case Role::unknown: return "";
    case Role::election_staff:
    case Role::tni_polri:
    case Role::bumn_staff:
    case Role::candidate:
    case Role::honorer:
    case Role::retired:
    case Role::minor:
    case Role::rt_rw:
    case Role::citizen: return "citizen";
  }
  return "";
}

std::string_view to_string(Relation relation) {
  switch (relation) {
    case Relation::spouse: return "spouse";
    case Relation::parent: return "parent";
    case Relation::child: return "child";
    case Relation::sibling: return "sibling";
    case Relation::relative: return "relative";
    case Relation::friend_: return "friend";
    case Relation::colleague: return "colleague";
    case Relation::superior: return "superior";
    case Relation::neighbour: return "neighbour";
    case Relation::someone: return "someone";
  }
  return "relative";
}
std::optional<Relation> parse_relation(std::string_view label) { return parse_by_label(label, Relation::someone); }

std::string_view to_string(Act act) {
  switch (act) {
    case Act::like: return "like";
    case Act::comment: return "comment";
    case Act::share: return "share";
    case Act::post: return "post";
    case Act::follow: return "follow";
    case Act::join_group: return "join_group";
    case Act::admin_group: return "admin_group";
    case Act::make_content: return "make_content";
    case Act::attend_passive: return "attend_passive";
    case Act::attend_campaign: return "attend_campaign";
    case Act::attend_declaration: return "attend_declaration";
    case Act::speak: return "speak";
    case Act::organise: return "organise";
    case Act::join_team: return "join_team";
    case Act::pose_gesture: return "pose_gesture";
    case Act::photo_with_candidate: return "photo_with_candidate";
    case Act::wear_attributes: return "wear_attributes";
    case Act::install_props: return "install_props";
    case Act::give_money: return "give_money";
    case Act::receive_money: return "receive_money";
    case Act::donate: return "donate";
    case Act::use_facilities: return "use_facilities";
    case Act::lend_facilities: return "lend_facilities";
    case Act::use_budget: return "use_budget";
    case Act::mobilise_staff: return "mobilise_staff";
    case Act::favour_decision: return "favour_decision";
    case Act::sign_support: return "sign_support";
    case Act::take_sides: return "take_sides";
    case Act::run_for_office: return "run_for_office";
    case Act::join_party: return "join_party";
    case Act::party_official: return "party_official";
    case Act::vote: return "vote";
    case Act::serve_election_staff: return "serve_election_staff";
    case Act::serve_election_supervisor: return "serve_election_supervisor";
    case Act::invite_to_vote: return "invite_to_vote";
    case Act::encourage_turnout: return "encourage_turnout";
    case Act::report: return "report";
    case Act::watch_or_read: return "watch_or_read";
    case Act::discuss_privately: return "discuss_privately";
    case Act::host_candidate: return "host_candidate";
    case Act::accompany_candidate: return "accompany_candidate";
    case Act::discriminate_service: return "discriminate_service";
    case Act::added_to_group: return "added_to_group";
    case Act::mute_group: return "mute_group";
    case Act::replace_officials: return "replace_officials";
    case Act::identity_misused: return "identity_misused";
    case Act::withdraw: return "withdraw";
  }
  return "like";
}
std::optional<Act> parse_act(std::string_view label) { return parse_by_label(label, Act::withdraw); }

std::string_view to_string(Target target) {
  switch (target) {
    case Target::none: return "none";
    case Target::candidate: return "candidate";
    case Target::government: return "government";
    case Target::election_body: return "election_body";
    case Target::incumbent_official: return "incumbent_official";
  }
  return "none";
}
std::optional<Target> parse_target(std::string_view label) {
  return parse_by_label(label, Target::incumbent_official);
}
bool is_neutral(Target target) { return target == Target::government || target == Target::election_body; }

std::string_view to_string(Modifier modifier) {
  switch (modifier) {
    case Modifier::negation: return "negation";
    case Modifier::only: return "only";
    case Modifier::on_leave: return "on_leave";
    case Modifier::unpaid_leave: return "unpaid_leave";
    case Modifier::off_hours: return "off_hours";
    case Modifier::private_setting: return "private";
    case Modifier::before_campaign: return "before_campaign";
    case Modifier::after_election: return "after_election";
    case Modifier::quiet_period: return "quiet_period";
    case Modifier::voting_day: return "voting_day";
    case Modifier::unpublished: return "unpublished";
    case Modifier::with_permission: return "with_permission";
    case Modifier::past_event: return "past_event";
    case Modifier::asks_for_action: return "asks_for_action";
    case Modifier::retired_marker: return "retired_marker";
    case Modifier::former_marker: return "former_marker";
    case Modifier::place_worship: return "place_worship";
    case Modifier::place_school: return "place_school";
    case Modifier::place_campus: return "place_campus";
    case Modifier::place_government: return "place_government";
    case Modifier::own_home: return "own_home";
    case Modifier::all_candidates: return "all_candidates";
    case Modifier::personal_post: return "personal_post";
    case Modifier::general_group: return "general_group";
    case Modifier::live_stream: return "live_stream";
    case Modifier::on_duty: return "on_duty";
    case Modifier::waits_outside: return "waits_outside";
    case Modifier::keeps_office: return "keeps_office";
    case Modifier::household_bound: return "household_bound";
    case Modifier::spouse_is_candidate: return "spouse_is_candidate";
  }
  return "negation";
}
std::optional<Modifier> parse_modifier(std::string_view label) {
  return parse_by_label(label, Modifier::spouse_is_candidate);
}

std::string_view to_string(SpeechAct act) {
  switch (act) {
    case SpeechAct::question: return "question";
    case SpeechAct::tip: return "tip";
    case SpeechAct::report_request: return "report_request";
    case SpeechAct::status: return "status";
    case SpeechAct::thanks: return "thanks";
    case SpeechAct::acknowledgement: return "acknowledgement";
    case SpeechAct::greeting: return "greeting";
    case SpeechAct::help: return "help";
    case SpeechAct::small_talk: return "small_talk";
    case SpeechAct::out_of_scope: return "out_of_scope";
  }
  return "question";
}
std::optional<SpeechAct> parse_speech_act(std::string_view label) {
  return parse_by_label(label, SpeechAct::out_of_scope);
}

std::string_view to_string(Election election) {
  switch (election) {
    case Election::unnamed: return "unnamed";
    case Election::pemilu: return "pemilu";
    case Election::pilkada: return "pilkada";
    case Election::pilkades: return "pilkades";
  }
  return "unnamed";
}

std::string_view to_string(QuestionFocus focus) {
  switch (focus) {
    case QuestionFocus::verdict: return "verdict";
    case QuestionFocus::sanction: return "sanction";
    case QuestionFocus::procedure: return "procedure";
    case QuestionFocus::deadline: return "deadline";
    case QuestionFocus::definition: return "definition";
  }
  return "verdict";
}
std::optional<QuestionFocus> parse_question_focus(std::string_view label) {
  return parse_by_label(label, QuestionFocus::definition);
}

}  // namespace netra::knowledge
