#include "bot/report_flow.h"

#include <algorithm>

#include "bot/conversation.h"
#include "bot/crypto.h"
#include "knowledge/text.h"
#include "knowledge/utf8.h"

namespace netra::bot {
namespace {

using knowledge::trim;

// Characters of a name or a time of day: a short field, not a story.
constexpr size_t kMaxShortField = 200;

std::string role_label(const Composer& say, const std::string& role) {
  return say.say("report.role." + (is_report_role(role) ? role : std::string("lainnya")));
}

std::vector<Choice> role_choices(const Composer& say) {
  return {{"role:asn", say.say("report.choice.asn")},
          {"role:pppk", say.say("report.role.pppk")},
          {"role:kades", say.say("report.role.kades")},
          {"role:perangkat", say.say("report.role.perangkat")},
          {"role:lainnya", say.say("report.role.lainnya")}};
}

// Adds media refs to the draft's evidence, in order, up to `max_evidence` items in all (an album gathered by the
// channel arrives as one message with several). Returns how many were added.
size_t keep_evidence(ReportDraft& draft, const std::vector<std::string>& media, size_t max_evidence) {
  size_t added = 0;
  for (const auto& ref : media) {
    if (draft.evidence.size() >= max_evidence) break;
    draft.evidence.push_back(ref);
    ++added;
  }
  return added;
}

}  // namespace

ReportFlow::ReportFlow(const Reader& reader, const Composer& composer, ReportStore& reports, SenderState& store,
                       const ConversationLimits& limits, const MediaFetcher* media)
    : reader_(reader),
      composer_(composer),
      reports_(reports),
      store_(store),
      limits_(limits),
      media_(media),
      categories_(reader.analyzer()) {}

FlowOutcome ReportFlow::ask(const ReportSession& session, const std::string& prefix) const {
  Reply reply;
  ReportStep step = session.step;
  if (step == ReportStep::what) {
    reply.text = composer_.say("report.ask.what");
  } else if (step == ReportStep::who_role) {
    reply.text = composer_.say("report.ask.who_role");
    reply.choices = role_choices(composer_);
  } else if (step == ReportStep::who_name) {
    reply.text = composer_.say("report.ask.who_name");
    reply.choices = {{"report:lewati", composer_.say("report.button.skip")}};
  } else if (step == ReportStep::where) {
    reply.text = composer_.say("report.ask.where");
  } else if (step == ReportStep::when) {
    reply.text = composer_.say("report.ask.when");
  } else if (step == ReportStep::evidence) {
    reply.text = composer_.say("report.ask.evidence", {{"max", std::to_string(limits_.max_evidence)}});
    reply.choices = {{"report:selesai", composer_.say("report.button.done")},
                     {"report:lewati", composer_.say("report.button.no_evidence")}};
  } else {
    reply.text = summary(session.draft) + "\n\n" + composer_.say("report.anonymity_notice") + "\n\n" +
                 composer_.say("report.ask.confirm");
    reply.choices = {{"report:kirim", composer_.say("report.button.send")},
                     {"report:batal", composer_.say("report.button.cancel")}};
  }
  if (!prefix.empty()) reply.text = prefix + "\n" + reply.text;
  return {{reply}, false};
}

std::string ReportFlow::summary(const ReportDraft& d) const {
  std::string place = d.desa;
  for (const auto* part : {&d.kecamatan, &d.kabupaten}) {
    if (!part->empty()) place += (place.empty() ? "" : ", ") + *part;
  }
  std::string evidence = d.evidence.empty()
                             ? composer_.say("report.summary.no_evidence")
                             : composer_.say("report.summary.evidence_count", {{"count", std::to_string(d.evidence.size())}});
  return composer_.say("report.summary",
                       {{"category", composer_.say("category." + d.category)},
                        {"what", d.what},
                        {"subject", role_label(composer_, d.subject_role) + (d.subject_name.empty() ? "" : " — " + d.subject_name)},
                        {"place", place},
                        {"when", d.when},
                        {"evidence", evidence}});
}

std::string ReportFlow::recorded(const ReportDraft& draft) const {
  return composer_.say("report.recorded", {{"category", composer_.say("category." + draft.category)}});
}

FlowOutcome ReportFlow::start(ReportSession& session, const InboundMessage& opening, const std::string& account,
                              const std::string& reported_role) {
  session = ReportSession{};
  session.step = ReportStep::what;
  session.draft.channel = opening.channel;
  session.draft.submission_id = random_hex(16);
  if (store_.daily_counter(opening.sender_key, "reports") >= limits_.reports_per_day) {
    return {{Reply{composer_.say("report.limit.daily"), menu_choices(composer_)}},
            true};
  }
  keep_evidence(session.draft, attached_media(opening), limits_.max_evidence);
  std::string intro = composer_.say("report.intro");
  if (!account.empty() && problem_with_account(account, limits_.max_what_length).empty()) {
    auto outcome = accept_what(session, account);
    // The story named who it was ("camat kami …"): no need to ask the role again.
    if (is_report_role(reported_role) && reported_role != "lainnya") {
      session.draft.subject_role = reported_role;
      session.step = ReportStep::who_name;
      outcome = ask(session, recorded(session.draft));
    }
    outcome.replies.front().text = intro + "\n\n" + outcome.replies.front().text;
    return outcome;
  }
  auto outcome = ask(session);
  outcome.replies.front().text = intro + "\n\n" + outcome.replies.front().text;
  return outcome;
}

FlowOutcome ReportFlow::accept_what(ReportSession& session, const std::string& text) {
  if (auto problem = problem_with_account(text, limits_.max_what_length); !problem.empty()) {
    return ask(session, composer_.say(problem, {{"max", std::to_string(limits_.max_what_length)}}));
  }
  session.draft.what = std::string(trim(text));
  session.draft.category = categories_.guess(session.draft.what);
  // The account often already says who it was ("kades X …"); still ask, offering the buttons.
  session.step = ReportStep::who_role;
  return ask(session, recorded(session.draft));
}

FlowOutcome ReportFlow::accept_role(ReportSession& session, const InboundMessage& message) {
  std::string role = report_role_answer(message.text, reader_);
  if (!is_report_role(role)) {
    return ask(session, composer_.say("report.problem.unknown_choice"));
  }
  session.draft.subject_role = role;
  session.step = ReportStep::who_name;
  return ask(session);
}

FlowOutcome ReportFlow::accept_where(ReportSession& session, const std::string& text) {
  if (problem_with_account(text, limits_.max_field_length) == kReportProblemTooLong) {
    return ask(session, composer_.say(kReportProblemTooLong, {{"max", std::to_string(limits_.max_field_length)}}));
  }
  if (!parse_place(text, session.draft)) return ask(session, composer_.say("report.problem.place"));
  session.step = ReportStep::when;
  return ask(session);
}

FlowOutcome ReportFlow::accept_evidence(ReportSession& session, const InboundMessage& message) {
  std::string text = std::string(trim(message.text));
  bool done = answer_is_one_of(text, {"selesai", "lewati", "tidak ada", "gak ada", "ga ada", "tidak", "skip", "sudah",
                               "report:selesai", "report:lewati"});
  bool added = keep_evidence(session.draft, attached_media(message), limits_.max_evidence) > 0;
  for (const auto& link : links_in(text)) {
    if (session.draft.evidence.size() >= limits_.max_evidence) break;
    if (link.size() <= limits_.max_field_length) {
      session.draft.evidence.push_back(link);
      added = true;
    }
  }
  if (done || session.draft.evidence.size() >= limits_.max_evidence) {
    session.step = ReportStep::confirm;
    return ask(session);
  }
  if (added) {
    return {{Reply{composer_.say("report.evidence_received", {{"count", std::to_string(session.draft.evidence.size())}}),
                   {{"report:selesai", composer_.say("report.button.done")}}}},
            false};
  }
  return ask(session, composer_.say("report.problem.not_evidence"));
}

Reply ReportFlow::receipt_reply(const std::string& code, const std::vector<EvidenceFile>& evidence) const {
  std::string note;
  auto failed = [](const EvidenceFile& file) { return file.problem != EvidenceProblem::none; };
  if (auto first = std::find_if(evidence.begin(), evidence.end(), failed); first != evidence.end()) {
    note = "\n\n" + composer_.say("report.receipt.evidence_failed",
                                   {{"failed", std::to_string(std::count_if(evidence.begin(), evidence.end(), failed))},
                                    {"total", std::to_string(evidence.size())},
                                    {"reason", composer_.say("evidence.problem." + to_string(first->problem))}});
  }
  return Reply{composer_.say("report.receipt", {{"code", code}}) + note + "\n\n" + composer_.say("report.after_filing"),
               menu_choices(composer_)};
}

FlowOutcome ReportFlow::confirm(ReportSession& session, const InboundMessage& message) {
  if (!answer_is_one_of(message.text, {"kirim", "ya", "ok", "oke", "setuju", "report:kirim", "y"})) {
    return ask(session, composer_.say("report.problem.confirm"));
  }
  // Sent again after a failure that followed the filing (the chat could not save its state): the same receipt,
  // neither refused by the daily limit nor counted twice.
  if (auto earlier = reports_.filed_code(session.draft.submission_id)) return {{receipt_reply(*earlier)}, true};
  if (store_.daily_counter(message.sender_key, "reports") >= limits_.reports_per_day) {
    return {{Reply{composer_.say("report.limit.daily_not_sent"), menu_choices(composer_)}},
            true};
  }
  // The platforms' media ids expire (WhatsApp's within weeks): the files are fetched now and stored with the
  // report, in the same commit.
  auto evidence = collect_evidence(session.draft.evidence, media_, limits_.evidence);
  std::string code = reports_.file(session.draft, evidence);
  // Counted only once filed, so an attempt that failed (storage busy) does not use up the day's allowance.
  store_.bump_daily_counter(message.sender_key, "reports");
  return {{receipt_reply(code, evidence)}, true};
}

FlowOutcome ReportFlow::handle(ReportSession& session, const InboundMessage& message) {
  ReportStep step = session.step;
  // Media sent before the evidence step is kept as evidence all the same.
  if (step != ReportStep::evidence && keep_evidence(session.draft, attached_media(message), limits_.max_evidence) > 0) {
    if (trim(message.text).empty()) return ask(session, composer_.say("report.evidence_kept"));
  }
  if (step == ReportStep::what) return accept_what(session, message.text);
  if (step == ReportStep::who_role) return accept_role(session, message);
  if (step == ReportStep::who_name) {
    std::string text = std::string(trim(message.text));
    if (answer_is_one_of(text, {"lewati", "report:lewati", "-", "tidak", "tidak tahu", "gak tau", "skip"})) text.clear();
    if (knowledge::utf8_length(text) > kMaxShortField) return ask(session, composer_.say(kReportProblemTooLong, {{"max", std::to_string(kMaxShortField)}}));
    session.draft.subject_name = text;
    session.step = ReportStep::where;
    return ask(session);
  }
  if (step == ReportStep::where) return accept_where(session, message.text);
  if (step == ReportStep::when) {
    std::string text = std::string(trim(message.text));
    if (text.empty() || knowledge::split_words(text).empty()) return ask(session, composer_.say("report.problem.time_empty"));
    if (knowledge::utf8_length(text) > kMaxShortField) return ask(session, composer_.say(kReportProblemTooLong, {{"max", std::to_string(kMaxShortField)}}));
    session.draft.when = text;
    session.step = ReportStep::evidence;
    return ask(session);
  }
  if (step == ReportStep::evidence) return accept_evidence(session, message);
  return confirm(session, message);
}

}  // namespace netra::bot
