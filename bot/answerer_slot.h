// The Answerer in use, replaceable while messages are being answered: `netra serve` loads a new knowledge index
// on SIGHUP and swaps it in here. A caller takes current() once per message and answers with that answerer, so a
// replacement never changes the knowledge under a message being handled. Whoever makes the answerer decides what
// its shared_ptr keeps alive (serve's loader: the index too), and that is freed when the last message using it is
// done.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "bot/answerer.h"

namespace netra::bot {

class AnswererSlot {
 public:
  // `first` must not be null.
  explicit AnswererSlot(std::shared_ptr<const Answerer> first);
  AnswererSlot(const AnswererSlot&) = delete;
  AnswererSlot& operator=(const AnswererSlot&) = delete;

  // The answerer to use for one message (or one request). Never null. Lock-free for readers in practice.
  std::shared_ptr<const Answerer> current() const { return current_.load(); }

  // 1 for the first answerer, one more per replace(). Read it *before* current() to key anything derived from
  // the answer (a response cache): whatever current() then returns is at least that generation, so a key never
  // stands for an older answerer's output. Pairs with replace(), which publishes the answerer first.
  uint64_t generation() const { return generation_.load(); }

  // Publishes `next` (not null) for every later current(); in-flight holders keep theirs.
  void replace(std::shared_ptr<const Answerer> next);

 private:
  std::atomic<std::shared_ptr<const Answerer>> current_;
  std::atomic<uint64_t> generation_{1};
};

// A non-owning handle to an answerer that outlives every use (one-shot tools, tests).
std::shared_ptr<const Answerer> borrow_answerer(const Answerer& answerer);

}  // namespace netra::bot
