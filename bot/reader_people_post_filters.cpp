// Post cues that name no post of their own: a post that is only what is liked or commented on, the place a post
// named before it goes, and a live stream that is only what is watched (run before actors are assigned,
// PeopleReader::run).
#include <algorithm>

#include "bot/reader_internal.h"
#include "bot/reader_people.h"

namespace netra::bot {
namespace {

// Words from watching to a live stream still watched ("nonton debat capres live"): the object between them.
constexpr size_t kWatchedPostReach = 5;
// Words from a share or a post to the campaign material it shares ("share bagi brosur": the chat map adds a word).
constexpr size_t kSharedThingReach = 2;

}  // namespace

void PeopleReader::drop_posts_reacted_to() {
  // "like story IG caleg", "liat story caleg": a post liked, commented on or watched is the object, not a post.
  auto reaction = [](const PhraseMatch& match) {
    auto act = static_cast<Act>(match.label);
    return act == Act::like || act == Act::comment || act == Act::watch_or_read;
  };
  std::vector<PhraseMatch> kept;
  for (const auto& match : acts_) {
    bool inside_reaction = static_cast<Act>(match.label) == Act::post &&
                           std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
                             return reaction(other) && other.first_token < match.first_token &&
                                    match.last_token <= other.last_token;
                           });
    // "pasang twibbon Bawaslu di profil FB", "share video debat dari akun KPU ke story WA": where a post or a share
    // goes, named after it in its clause, is that same post or share.
    bool names_place = false;
    for (size_t t = match.first_token; t <= match.last_token; ++t) {
      names_place = names_place || word_is(knowledge::WordClass::post_place, tokens_[t].word);
    }
    // Only a place marked as one ("ke story", "di profil"): "share jadwal KPU trus bikin story dukung paslon 2" posts.
    size_t first = match.first_token;
    bool marked = word_is(knowledge::WordClass::venue_marker, tokens_[first].word) ||
                  (first > 0 && word_is(knowledge::WordClass::venue_marker, tokens_[first - 1].word));
    bool place_of_post = static_cast<Act>(match.label) == Act::post && names_place && marked &&
                         std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
                           auto earlier = static_cast<Act>(other.label);
                           return (earlier == Act::post || earlier == Act::share) &&
                                  other.last_token < match.first_token &&
                                  tokens_[other.first_token].clause == tokens_[match.first_token].clause;
                         });
    // "nonton debat capres live di youtube": a live stream named a few words after watching is what is watched.
    bool watched = static_cast<Act>(match.label) == Act::post &&
                   word_is(knowledge::WordClass::stream_word, tokens_[match.first_token].word) &&
                   std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
                     return static_cast<Act>(other.label) == Act::watch_or_read &&
                            other.last_token < match.first_token &&
                            match.first_token - other.last_token <= kWatchedPostReach &&
                            tokens_[other.first_token].clause == tokens_[match.first_token].clause;
                   });
    if (!inside_reaction && !place_of_post && !watched) kept.push_back(match);
  }
  acts_ = std::move(kept);
}

void PeopleReader::drop_things_shared() {
  std::vector<PhraseMatch> kept;
  for (const auto& match : acts_) {
    bool shared = static_cast<Act>(match.label) == Act::install_props &&
                  std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& other) {
                    auto act = static_cast<Act>(other.label);
                    return (act == Act::share || act == Act::post) && other.first_token < match.first_token &&
                           match.first_token <= other.last_token + kSharedThingReach &&
                           tokens_[other.first_token].clause == tokens_[match.first_token].clause;
                  });
    if (!shared) kept.push_back(match);
  }
  acts_ = std::move(kept);
}

}  // namespace netra::bot
