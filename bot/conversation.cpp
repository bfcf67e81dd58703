#include "bot/conversation.h"

#include <functional>

#include "knowledge/text.h"

namespace netra::bot {
namespace {

using knowledge::trim;

// Choice ids the conversation itself sends (Telegram's callback_data and WhatsApp's reply ids come back as the
// message text when tapped).
constexpr const char* kMenuQuestion = "menu:tanya";
constexpr const char* kMenuReport = "menu:lapor";
constexpr const char* kMenuStatus = "menu:status";
constexpr const char* kTipAccept = "tip:ya";
constexpr const char* kTipDecline = "tip:tidak";
constexpr const char* kAskerPrefix = "asker:";

// The role a tapped "who are you" choice stands for.
std::optional<Role> asker_choice(const std::string& text) {
  if (text.rfind(kAskerPrefix, 0) != 0) return std::nullopt;
  std::string role = text.substr(std::string(kAskerPrefix).size());
  if (role == "asn") return Role::asn;
  if (role == "desa") return Role::kades;
  if (role == "warga") return Role::citizen;
  return std::nullopt;
}

}  // namespace

std::vector<Choice> menu_choices(const Composer& composer) {
  return {{kMenuQuestion, composer.say("menu.question")},
          {kMenuReport, composer.say("menu.report")},
          {kMenuStatus, composer.say("menu.status")}};
}

Conversation::Conversation(const Answerer& answerer, SenderState& store, ReportStore& reports, ReportThreadStore& threads,
                           ConversationLimits limits, const MediaFetcher* media)
    : Conversation(std::make_unique<AnswererSlot>(borrow_answerer(answerer)), nullptr, store, reports, threads, limits,
                   media) {}

Conversation::Conversation(const AnswererSlot& answerers, SenderState& store, ReportStore& reports,
                           ReportThreadStore& threads, ConversationLimits limits, const MediaFetcher* media)
    : Conversation(nullptr, &answerers, store, reports, threads, limits, media) {}

Conversation::Conversation(std::unique_ptr<AnswererSlot> fixed, const AnswererSlot* answerers, SenderState& store,
                           ReportStore& reports, ReportThreadStore& threads, ConversationLimits limits,
                           const MediaFetcher* media)
    : fixed_answerer_(std::move(fixed)),
      answerers_(answerers ? *answerers : *fixed_answerer_),
      report_flow_answerer_(answerers_.current()),
      say_(report_flow_answerer_->composer()),
      store_(store),
      reports_(reports),
      limits_(limits),
      report_flow_(report_flow_answerer_->reader(), report_flow_answerer_->composer(), reports, store, limits_, media),
      reporter_thread_(reports, threads, store, limits_, say_) {}

std::vector<Choice> Conversation::menu_choices() const { return bot::menu_choices(say_); }

std::mutex& Conversation::lock_for(const std::string& sender_key) {
  return sender_locks_[std::hash<std::string>{}(sender_key) % sender_locks_.size()];
}

ConversationResult Conversation::handle(const InboundMessage& message) {
  std::lock_guard lock(lock_for(message.sender_key));
  nlohmann::json state = nlohmann::json::object();
  if (auto saved = store_.load_session(message.sender_key)) {
    auto parsed = nlohmann::json::parse(*saved, nullptr, false);
    if (parsed.is_object()) state = std::move(parsed);
  }
  nlohmann::json before = state;
  auto answerer = answerers_.current();
  auto result = dispatch(*answerer, message, state);
  if (state.empty()) {
    if (!before.empty()) store_.clear_session(message.sender_key);
  } else {
    store_.save_session(message.sender_key, state.dump());
  }
  return result;
}

std::optional<Role> Conversation::remembered_role(const nlohmann::json& state) const {
  auto role = knowledge::parse_role(state.value("role", ""));
  if (!role || *role == Role::unknown) return std::nullopt;
  return role;
}

ConversationResult Conversation::check_status(const InboundMessage& message, const std::string& code) {
  return reporter_thread_.check(message, code);
}

ConversationResult Conversation::start_report(const InboundMessage& message, nlohmann::json& state,
                                              const std::string& account, const std::string& reported_role) {
  ReportSession session;
  auto outcome = report_flow_.start(session, message, account, reported_role);
  nlohmann::json next = nlohmann::json::object();
  if (state.contains("role")) next["role"] = state["role"];
  if (!outcome.finished) {
    next["flow"] = "report";
    next["report"] = to_json(session);
  }
  state = std::move(next);
  return {outcome.replies, Intent::report};
}

ConversationResult Conversation::dispatch(const Answerer& answerer, const InboundMessage& message,
                                          nlohmann::json& state) {
  std::string text = std::string(trim(message.text));
  std::string flow = state.value("flow", "");
  Reading reading = answerer.reader().read(text, remembered_role(state));

  if (reading.cancels || text == "report:batal") {
    bool had_flow = !flow.empty();
    leave_flow(state);
    return {{Reply{say_.say(had_flow ? "cancelled" : "nothing_to_cancel"), menu_choices()}},
            had_flow && flow == "report" ? Intent::report : Intent::help};
  }

  // cek/status/jawab CODE are commands: matched before anything reads the text, also in the middle of a report,
  // which stays where it was; any other pending prompt (status, who-are-you, tip offer) is left, as any other
  // message leaves it.
  if (auto thread_reply = reporter_thread_.handle(message)) {
    if (flow != "report") leave_flow(state);
    return *thread_reply;
  }
  if (!flow.empty()) {
    if (auto reply = continue_flow(answerer, message, reading, state)) return *reply;
  }
  if (auto reply = menu_reply(message, reading, state)) return *reply;
  return answer_message(answerer, message, reading, state);
}

void Conversation::leave_flow(nlohmann::json& state) {
  state.erase("flow");
  state.erase("report");
  state.erase("pending");
  state.erase("tip");
}

std::optional<ConversationResult> Conversation::continue_flow(const Answerer& answerer, const InboundMessage& message,
                                                              const Reading& reading, nlohmann::json& state) {
  std::string text = std::string(trim(message.text));
  std::string flow = state.value("flow", "");
  if (flow == "report") {
    auto session = report_session_from_json(state.value("report", nlohmann::json::object()));
    auto outcome = report_flow_.handle(session, message);
    if (outcome.finished) {
      leave_flow(state);
    } else {
      state["report"] = to_json(session);
    }
    return ConversationResult{outcome.replies, Intent::report};
  }
  // Any other pending prompt is left; a message that does not answer it is read as a new message.
  if (flow == "status") {
    leave_flow(state);
    if (!reading.receipt_code.empty()) return check_status(message, reading.receipt_code);
  }
  if (flow == "clarify_role") {
    std::string pending = state.value("pending", "");
    leave_flow(state);
    if (auto role = asker_choice(text)) {
      state["role"] = std::string(knowledge::to_string(*role));
      return answer_message(answerer, message, answerer.reader().read(pending, role), state);
    }
  }
  if (flow == "tip_offer") {
    auto tip = state.value("tip", nlohmann::json::object());
    leave_flow(state);
    bool accepts = text == kTipAccept || reading.speech_act == SpeechAct::acknowledgement ||
                   reading.speech_act == SpeechAct::report_request;
    if (accepts) return start_report(message, state, tip.value("account", ""), tip.value("role", ""));
    if (text == kTipDecline) return ConversationResult{{Reply{say_.say("tip.declined"), menu_choices()}}, Intent::help};
  }
  return std::nullopt;
}

std::optional<ConversationResult> Conversation::menu_reply(const InboundMessage& message, const Reading& reading,
                                                           nlohmann::json& state) {
  std::string text = std::string(trim(message.text));
  if (text == kMenuQuestion) return ConversationResult{{Reply{say_.say("ask_question_prompt"), {}}}, Intent::help};
  if (text == kMenuStatus) {
    state["flow"] = "status";
    return ConversationResult{{Reply{say_.say("status_prompt"), {}}}, Intent::status};
  }
  if (text == kMenuReport) return start_report(message, state, "", "");
  if (reading.asks_for_menu) return ConversationResult{{Reply{say_.say("greeting"), menu_choices()}}, Intent::help};
  if (text.empty()) {
    if (message.media_ref) return ConversationResult{{Reply{say_.say("media_without_text"), menu_choices()}}, Intent::help};
    return ConversationResult{{Reply{say_.say("help"), menu_choices()}}, Intent::help};
  }
  return std::nullopt;
}

ConversationResult Conversation::answer_message(const Answerer& answerer, const InboundMessage& message,
                                                const Reading& reading, nlohmann::json& state) {
  // "sy kades, …": the writer said who they are; later questions in this chat are read for that role.
  if (!reading.role_given && reading.people[0].role != Role::unknown) {
    state["role"] = std::string(knowledge::to_string(reading.people[0].role));
  }
  Answer answer = answerer.answer(reading);
  switch (answer.speech_act) {
    case SpeechAct::report_request: {
      auto started = start_report(message, state, answer.account, "");
      // "… mau lapor, ke mana?": where and by when reports go, before the flow's first question.
      if (!answer.reporting_note.empty()) started.replies.insert(started.replies.begin(), Reply{answer.reporting_note, {}});
      return started;
    }
    case SpeechAct::status:
      if (!answer.receipt_code.empty()) return check_status(message, answer.receipt_code);
      state["flow"] = "status";
      return {{Reply{say_.say("status_prompt"), {}}}, Intent::status};
    case SpeechAct::greeting:
    case SpeechAct::thanks:
    case SpeechAct::acknowledgement:
    case SpeechAct::small_talk:
    case SpeechAct::help:
      return {{Reply{answer.text, menu_choices()}}, answer.intent};
    case SpeechAct::tip:
    case SpeechAct::question:
    case SpeechAct::out_of_scope:
      break;
  }
  if (answer.clarify_role && !reading.role_given) {
    // One clarifying question with buttons; the answer comes once the writer says who they are.
    state["flow"] = "clarify_role";
    state["pending"] = reading.text;
    return {{Reply{say_.say("clarify.role"),
                   {{std::string(kAskerPrefix) + "asn", say_.say("clarify.role.asn")},
                    {std::string(kAskerPrefix) + "desa", say_.say("clarify.role.village")},
                    {std::string(kAskerPrefix) + "warga", say_.say("clarify.role.citizen")}}}},
            Intent::question};
  }
  Reply reply{answer.text, {}};
  if (answer.offer_report) {
    state["flow"] = "tip_offer";
    state["tip"] = {{"account", answer.account}, {"role", answer.reported_role}};
    reply.choices = {{kTipAccept, say_.say("tip.accept")}, {kTipDecline, say_.say("tip.decline")}};
  } else if (answer.verdict == Verdict::none) {
    reply.choices = menu_choices();
  }
  return {{reply}, answer.intent};
}

}  // namespace netra::bot
