// What a post, share or like is about: words after a topic word ("soal", "tentang") or quoted after an act on
// media are the content of what is posted, not acts of their own; a call to turn out quoted there is the post's.
#include <algorithm>

#include "bot/reader_people.h"

namespace netra::bot {

namespace {

bool media_act(Act act) {
  return act == Act::share || act == Act::post || act == Act::like || act == Act::comment || act == Act::make_content ||
         act == Act::follow;
}

}  // namespace

// "share postingan Bawaslu soal ajakan lapor politik uang": words right after a topic word ("soal", "tentang"),
// or quoted, after an act on media say what the post is about; they are nobody's act.
void PeopleReader::drop_content_of_media() {
  std::vector<bool> content(reading_.acts.size(), false);
  mark_content_after_topics(content);
  mark_quoted_content(content);
  std::vector<ActMention> kept;
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    if (!content[i]) kept.push_back(reading_.acts[i]);
  }
  reading_.acts = std::move(kept);
}

void PeopleReader::mark_content_after_topics(std::vector<bool>& content) const {
  for (const auto& topic : message_cues_) {
    if (static_cast<knowledge::MessageCue>(topic.label) != knowledge::MessageCue::topic) continue;
    size_t clause = tokens_[topic.first_token].clause;
    bool after_media = std::any_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& act) {
      return media_act(act.act) && act.last_token < topic.first_token && tokens_[act.first_token].clause == clause;
    });
    if (!after_media) continue;
    for (size_t i = 0; i < reading_.acts.size(); ++i) {
      const ActMention& act = reading_.acts[i];
      if (tokens_[act.first_token].clause != clause || media_act(act.act)) continue;
      bool in_content = act.first_token > topic.last_token && act.first_token - topic.last_token <= kTopicContentReach;
      // "share (bagi) unggahan … tentang politik uang": a gapped phrase reaching across the topic word joins the
      // act with what the post is about ("bagi .. uang").
      bool across_topic = act.first_token < topic.first_token && act.last_token > topic.last_token;
      if (in_content || across_topic) content[i] = true;
    }
  }
}

// "repost infografis 'tolak politik uang'": a quote after an act on media is the title of what is shared. An
// appeal quoted there stays: it makes the shared thing partisan. "posting 'ayo datang ke TPS'": a call to turn
// out for no one quoted after a post or share is what the post does, so the call stands in for the post.
void PeopleReader::mark_quoted_content(std::vector<bool>& content) const {
  for (size_t i = 0; i < reading_.acts.size(); ++i) {
    const ActMention& act = reading_.acts[i];
    size_t quote = tokens_[act.last_token].quote;  // a gapped cue may reach into the quote ("bagi .. uang")
    if (quote == 0 || media_act(act.act) || act.act == Act::invite_to_vote || act.act == Act::vote) continue;
    bool call_for_no_one = act.act == Act::encourage_turnout && quoted_call_for_no_one(act, quote);
    for (size_t m = 0; m < reading_.acts.size(); ++m) {
      const ActMention& media = reading_.acts[m];
      if (!media_act(media.act) || media.sentence != act.sentence || media.last_token >= act.last_token ||
          tokens_[media.last_token].quote == quote) {
        continue;
      }
      bool spreads = media.act == Act::post || media.act == Act::share || media.act == Act::make_content;
      content[call_for_no_one && spreads ? m : i] = true;
    }
  }
}

// Only a call for no one: a candidate's post, a quote that also appeals or votes, or one whose word of choosing
// points at someone ("'jangan lupa ke TPS, pilih yg muda'") stays partisan.
bool PeopleReader::quoted_call_for_no_one(const ActMention& call, size_t quote) const {
  if (candidate_in_sentence(call.sentence)) return false;
  for (size_t t = 0; t < tokens_.size(); ++t) {
    if (tokens_[t].quote == quote && word_is(knowledge::WordClass::choosing_verb, tokens_[t].word) &&
        names_choice_after(t, true)) {
      return false;
    }
  }
  return std::none_of(reading_.acts.begin(), reading_.acts.end(), [&](const ActMention& other) {
    return tokens_[other.first_token].quote == quote && (other.act == Act::invite_to_vote || other.act == Act::vote);
  });
}

}  // namespace netra::bot
