// The anonymous report flow, one step at a time: what happened → who (role, then optional name or position) →
// where → when → evidence (optional) → summary and confirmation → receipt. Each answer is validated and asked
// again with the reason when it does not fit. The draft lives in the session, so it survives a restart.
#pragma once

#include <string>
#include <vector>

#include "bot/composer.h"
#include "bot/evidence.h"
#include "bot/message.h"
#include "bot/reader.h"
#include "bot/report_answers.h"
#include "bot/report_category.h"
#include "bot/report_session.h"
#include "bot/report_store.h"
#include "bot/sender_state.h"

namespace netra::bot {

struct ConversationLimits;

struct FlowOutcome {
  std::vector<Reply> replies;
  bool finished = false;  // the session should be cleared (filed or refused)
};

class ReportFlow {
 public:
  // `media` fetches the photos and documents when the report is filed; null keeps only their refs.
  ReportFlow(const Reader& reader, const Composer& composer, ReportStore& reports, SenderState& store,
             const ConversationLimits& limits, const MediaFetcher* media = nullptr);

  // Starts a report. When the opening message already tells what happened ("mau lapor, kades X bagi amplop…"),
  // that account is kept and the flow moves on to the next step; when it also names the reported person's role
  // (asn, pppk, kades, perangkat), the role step is skipped too.
  FlowOutcome start(ReportSession& session, const InboundMessage& opening, const std::string& account,
                    const std::string& reported_role = "");
  // Handles one message inside the flow.
  FlowOutcome handle(ReportSession& session, const InboundMessage& message);

 private:
  FlowOutcome ask(const ReportSession& session, const std::string& prefix = "") const;
  FlowOutcome accept_what(ReportSession& session, const std::string& text);
  FlowOutcome accept_role(ReportSession& session, const InboundMessage& message);
  FlowOutcome accept_where(ReportSession& session, const std::string& text);
  FlowOutcome accept_evidence(ReportSession& session, const InboundMessage& message);
  FlowOutcome confirm(ReportSession& session, const InboundMessage& message);
  Reply receipt_reply(const std::string& code, const std::vector<EvidenceFile>& evidence = {}) const;
  std::string summary(const ReportDraft& draft) const;
  // "Tercatat. Kategori sementara: …": the reply once the story is recorded.
  std::string recorded(const ReportDraft& draft) const;

  const Reader& reader_;
  const Composer& composer_;
  ReportStore& reports_;
  SenderState& store_;
  const ConversationLimits& limits_;
  const MediaFetcher* media_;
  CategoryGuesser categories_;
};

}  // namespace netra::bot
