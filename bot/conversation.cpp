#include "bot/conversation.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "knowledge/text.h"

namespace netra::bot {
namespace {

using knowledge::trim;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool is_cancel(const std::string& text) {
  std::string folded = lower(std::string(trim(text)));
  return folded == "batal" || folded == "/batal" || folded == "report:batal" || folded == "cancel" ||
         folded == "batalkan";
}

bool is_menu(const std::string& text) {
  std::string folded = lower(std::string(trim(text)));
  return folded == "menu" || folded == "/menu" || folded == "/start" || folded == "menu:utama";
}

std::string status_label(const std::string& status) {
  if (status == "baru") return "Baru — sudah diterima, menunggu ditinjau.";
  if (status == "ditinjau") return "Ditinjau — sedang diperiksa tim peninjau.";
  if (status == "diteruskan") return "Diteruskan — sudah diteruskan ke lembaga yang berwenang.";
  if (status == "selesai") return "Selesai — penanganan laporan ini sudah selesai.";
  if (status == "ditolak") return "Ditolak — laporan tidak dapat ditindaklanjuti.";
  return status;
}

// The account that follows the report cue in an opening message ("mau lapor, kades X …" → "kades X …").
std::string account_after_cue(const std::string& text) {
  std::string folded = lower(text);
  for (const char* cue : {"mau lapor", "ingin lapor", "saya mau melaporkan", "mau melaporkan", "melaporkan",
                          "/lapor", "lapor"}) {
    size_t at = folded.find(cue);
    if (at != std::string::npos && at < 20) {
      std::string rest = text.substr(at + std::string(cue).size());
      // Drop the address word and punctuation that usually follow ("lapor min, …").
      rest = std::string(trim(rest));
      for (const char* filler : {"min", "kak", "pak", "bu", "admin", "ya"}) {
        std::string f = filler;
        if (lower(rest).rfind(f, 0) == 0 && (rest.size() == f.size() || !std::isalpha(static_cast<unsigned char>(rest[f.size()])))) {
          rest = rest.substr(f.size());
          break;
        }
      }
      while (!rest.empty() && (rest.front() == ',' || rest.front() == ':' || rest.front() == '.' ||
                               rest.front() == '-' || rest.front() == ' ')) {
        rest.erase(rest.begin());
      }
      return rest;
    }
  }
  return "";
}

}  // namespace

std::vector<Choice> menu_choices() {
  return {{"menu:tanya", "Tanya aturan"}, {"menu:lapor", "Lapor pelanggaran"}, {"menu:status", "Cek status laporan"}};
}

Conversation::Conversation(const Answerer& answerer, Store& store, ReportDesk& reports, ConversationLimits limits)
    : Conversation(std::make_unique<AnswererSlot>(borrow_answerer(answerer)), nullptr, store, reports, limits) {}

Conversation::Conversation(const AnswererSlot& answerers, Store& store, ReportDesk& reports, ConversationLimits limits)
    : Conversation(nullptr, &answerers, store, reports, limits) {}

Conversation::Conversation(std::unique_ptr<AnswererSlot> fixed, const AnswererSlot* answerers, Store& store,
                           ReportDesk& reports, ConversationLimits limits)
    : fixed_answerer_(std::move(fixed)),
      answerers_(answerers ? *answerers : *fixed_answerer_),
      report_flow_answerer_(answerers_.current()),
      store_(store),
      reports_(reports),
      limits_(limits),
      report_flow_(report_flow_answerer_->knowledge().analyzer(), reports, store, limits_) {}

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
  auto result = dispatch(message, state);
  if (state.empty()) {
    if (!before.empty()) store_.clear_session(message.sender_key);
  } else {
    store_.save_session(message.sender_key, state.dump());
  }
  return result;
}

ConversationResult Conversation::check_status(const InboundMessage& message, const std::string& code) {
  // Guessing codes costs a day's allowance: 40 random bits and a few dozen tries a day make guessing hopeless.
  if (store_.bump_daily_counter(message.sender_key, "status") > limits_.status_checks_per_day) {
    return {{Reply{"Maaf, terlalu banyak pengecekan status hari ini. Coba lagi besok.", {}}}, Intent::status};
  }
  auto report = reports_.find(code);
  if (!report) {
    return {{Reply{"Kode " + code + " tidak ditemukan. Periksa lagi penulisannya (contoh: NTR-7K3Q-9XWD).",
                   menu_choices()}},
            Intent::status};
  }
  std::string text = "Laporan " + code + "\nStatus: " + status_label(report->status);
  if (!report->public_note.empty()) text += "\nCatatan peninjau: " + report->public_note;
  return {{Reply{text, menu_choices()}}, Intent::status};
}

ConversationResult Conversation::dispatch(const InboundMessage& message, nlohmann::json& state) {
  std::string text = std::string(trim(message.text));
  std::string flow = state.value("flow", "");

  if (is_cancel(text)) {
    bool had_flow = !flow.empty();
    state = nlohmann::json::object();
    return {{Reply{had_flow ? "Dibatalkan. Tidak ada yang disimpan." : "Tidak ada proses yang sedang berjalan.",
                   menu_choices()}},
            had_flow && flow == "report" ? Intent::report : Intent::help};
  }

  if (flow == "report") {
    auto session = report_session_from_json(state.value("report", nlohmann::json::object()));
    auto outcome = report_flow_.handle(session, message);
    if (outcome.finished) {
      state = nlohmann::json::object();
    } else {
      state["report"] = to_json(session);
    }
    return {outcome.replies, Intent::report};
  }

  if (flow == "status") {
    state = nlohmann::json::object();
    if (auto code = find_receipt_code(text)) return check_status(message, *code);
    // Anything else leaves the status prompt and is read as a new message below.
  }

  if (text == "menu:tanya") {
    return {{Reply{"Silakan ketik pertanyaan Anda, misalnya: \"Kades boleh hadir di deklarasi paslon?\"", {}}},
            Intent::help};
  }
  if (text == "menu:status") {
    state["flow"] = "status";
    return {{Reply{"Kirim kode tanda terima laporan Anda, misalnya NTR-7K3Q-9XWD.", {}}}, Intent::status};
  }
  if (is_menu(text)) return {{Reply{greeting_text(), menu_choices()}}, Intent::help};

  auto start_report = [&](const std::string& account) {
    ReportSession session;
    auto outcome = report_flow_.start(session, message, account);
    if (!outcome.finished) {
      state["flow"] = "report";
      state["report"] = to_json(session);
    }
    return ConversationResult{outcome.replies, Intent::report};
  };
  if (text == "menu:lapor") return start_report("");

  if (text.empty()) {
    if (message.media_ref) {
      return {{Reply{"Terima kasih. Jika ini bukti pelanggaran, ketik lapor untuk membuat laporan anonim, lalu kirim "
                     "lagi foto/dokumennya saat diminta.",
                     menu_choices()}},
              Intent::help};
    }
    return {{Reply{help_text(), menu_choices()}}, Intent::help};
  }

  Answer answer = answerers_.current()->answer(text);
  switch (answer.intent) {
    case Intent::report:
      return start_report(account_after_cue(text));
    case Intent::status:
      if (!answer.receipt_code.empty()) return check_status(message, answer.receipt_code);
      state["flow"] = "status";
      return {{Reply{"Kirim kode tanda terima laporan Anda, misalnya NTR-7K3Q-9XWD.", {}}}, Intent::status};
    case Intent::greeting:
    case Intent::help:
      return {{Reply{answer.text, menu_choices()}}, answer.intent};
    case Intent::question:
    case Intent::out_of_scope:
      break;
  }
  Reply reply{answer.text, {}};
  if (answer.verdict == "none") reply.choices = menu_choices();
  return {{reply}, answer.intent};
}

}  // namespace netra::bot
