// The per-sender dialogue: menu, questions (answered by the Answerer), clarifying questions, the offer to report
// a violation told as a story, the anonymous report flow and status checks. State lives in SenderState, keyed by
// sender_key, so a conversation survives a restart. Knows no platform: channels turn their payloads into
// InboundMessage and render the Replies.
#pragma once

#include <array>
#include <mutex>
#include <optional>
#include <string>

#include "bot/answerer.h"
#include "bot/answerer_slot.h"
#include "bot/evidence.h"
#include "bot/message.h"
#include "bot/report_flow.h"
#include "bot/report_store.h"
#include "bot/report_thread_store.h"
#include "bot/reporter_thread.h"
#include "bot/sender_state.h"

namespace netra::bot {

struct ConversationLimits {
  int64_t reports_per_day = 5;          // per sender_key
  int64_t status_checks_per_day = 30;   // per sender_key: guessing codes costs a day
  size_t max_field_length = 1000;       // characters of one answer in the report flow
  size_t max_what_length = 2000;
  size_t max_evidence = 5;
  EvidencePolicy evidence;              // what a fetched photo or document may be (size)
};

class Conversation {
 public:
  // A fixed answerer (tools, tests). `media` fetches evidence from the platforms when a report is filed (null:
  // media refs are kept as refs).
  Conversation(const Answerer& answerer, SenderState& store, ReportStore& reports, ReportThreadStore& threads,
               ConversationLimits limits = {}, const MediaFetcher* media = nullptr);
  // Whatever answerer `answerers` holds when a message arrives (`netra serve`, which reloads on SIGHUP). The
  // report flow reads with the reader and texts of the answerer current at construction until the process
  // restarts.
  Conversation(const AnswererSlot& answerers, SenderState& store, ReportStore& reports, ReportThreadStore& threads,
               ConversationLimits limits = {}, const MediaFetcher* media = nullptr);

  // Handles one message from one sender and returns what to send back. Thread-safe for different senders;
  // messages of one sender are serialised.
  ConversationResult handle(const InboundMessage& message);

 private:
  Conversation(std::unique_ptr<AnswererSlot> fixed, const AnswererSlot* answerers, SenderState& store, ReportStore& reports,
               ReportThreadStore& threads, ConversationLimits limits, const MediaFetcher* media);
  // One message, answered with one answerer throughout (a reload never changes the knowledge mid-message).
  ConversationResult dispatch(const Answerer& answerer, const InboundMessage& message, nlohmann::json& state);
  // The reply of the flow or prompt the sender is in (report, status, who-are-you, tip offer), or nullopt when the
  // message leaves a prompt without answering it and is read as a new message.
  std::optional<ConversationResult> continue_flow(const Answerer& answerer, const InboundMessage& message,
                                                  const Reading& reading, nlohmann::json& state);
  // The reply to a menu choice, a request for the menu or an empty message; nullopt for anything else.
  std::optional<ConversationResult> menu_reply(const InboundMessage& message, const Reading& reading,
                                               nlohmann::json& state);
  // Forgets the flow or prompt in progress (the remembered role stays).
  static void leave_flow(nlohmann::json& state);
  ConversationResult answer_message(const Answerer& answerer, const InboundMessage& message, const Reading& reading,
                                    nlohmann::json& state);
  ConversationResult check_status(const InboundMessage& message, const std::string& code);
  ConversationResult start_report(const InboundMessage& message, nlohmann::json& state, const std::string& account,
                                  const std::string& reported_role);
  // The role the writer gave earlier in this chat (a tapped choice or "sy kades"), if any.
  std::optional<Role> remembered_role(const nlohmann::json& state) const;
  std::vector<Choice> menu_choices() const;
  std::mutex& lock_for(const std::string& sender_key);

  std::unique_ptr<AnswererSlot> fixed_answerer_;  // set by the fixed-answerer constructor only
  const AnswererSlot& answerers_;
  std::shared_ptr<const Answerer> report_flow_answerer_;  // keeps the report flow's reader and texts alive
  const Composer& say_;  // the report flow's texts, for replies outside an answer (status, menu)
  SenderState& store_;
  ReportStore& reports_;
  ConversationLimits limits_;
  ReportFlow report_flow_;
  ReporterThread reporter_thread_;
  // Messages of one sender are handled one at a time (a striped lock: senders share 64 mutexes).
  std::array<std::mutex, 64> sender_locks_;
};

// The main menu's choices (Tanya aturan / Lapor pelanggaran / Cek status laporan), titled from replies.txt.
std::vector<Choice> menu_choices(const Composer& composer);

}  // namespace netra::bot
