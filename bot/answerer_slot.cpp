#include "bot/answerer_slot.h"

#include <stdexcept>

namespace netra::bot {

AnswererSlot::AnswererSlot(std::shared_ptr<const Answerer> first) : current_(std::move(first)) {
  if (!current_.load()) throw std::invalid_argument("AnswererSlot needs an answerer");
}

void AnswererSlot::replace(std::shared_ptr<const Answerer> next) {
  if (!next) throw std::invalid_argument("AnswererSlot::replace needs an answerer");
  current_.store(std::move(next));
  generation_.fetch_add(1);
}

std::shared_ptr<const Answerer> borrow_answerer(const Answerer& answerer) {
  return std::shared_ptr<const Answerer>(std::shared_ptr<const Answerer>(), &answerer);
}

}  // namespace netra::bot
