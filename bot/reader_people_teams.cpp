// A team named where no one joins it: one that owns a thing ("grup tim sukses"), the doer a passive deed names
// ("ditempelin stiker sama timses", "boleh disewa tim kampanye?"), or one that opens its clause and does what
// follows ("timses caleg bagi amplop"). Runs before actors are assigned (PeopleReader::run).
#include <algorithm>

#include "bot/reader_internal.h"
#include "bot/reader_people.h"

namespace netra::bot {

void PeopleReader::drop_teams_no_one_joins() {
  std::vector<PhraseMatch> kept;
  std::optional<size_t> doer_end;  // the last word of a team dropped as a doer: the chat map may name it twice
  for (const auto& match : acts_) {
    bool team = static_cast<Act>(match.label) == Act::join_team && match.first_token > 0;
    bool names_owner = team && word_is(knowledge::WordClass::owned_thing, tokens_[match.first_token - 1].word);
    // "ditempelin stiker caleg sama timses": the team named as the doer of a passive deed is joined by no one.
    bool names_agent = team && word_is(knowledge::WordClass::agent_marker, tokens_[match.first_token - 1].word) &&
                       std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& deed) {
                         return deed.last_token < match.first_token &&
                                tokens_[deed.first_token].clause == tokens_[match.first_token].clause &&
                                is_passive_form(tokens_[deed.first_token]);
                       });
    // "konser yg diadain timses capres": a team right after a passive that opens a relative clause did the deed,
    // with no marker between. Not after a passive said of the writer ("sy direkrut timses", "dimasukin timses"):
    // that puts the writer in the team.
    size_t first = match.first_token;
    bool doer_of_passive = team && first >= 2 && is_passive_form(tokens_[first - 1]) &&
                           word_is(knowledge::WordClass::relativizer, tokens_[first - 2].word);
    // "gedung pemkab boleh disewa tim kampanye?": right after a passive deed (not one of being asked or put
    // somewhere, "direkrut timses"), the team did it.
    bool after_passive_deed = team && is_passive_form(tokens_[first - 1]) &&
                              !word_is(knowledge::WordClass::passive_verb, tokens_[first - 1].word) &&
                              std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& deed) {
                                return deed.last_token + 1 == first && static_cast<Act>(deed.label) != Act::join_team;
                              });
    doer_of_passive = doer_of_passive || after_passive_deed;
    // "Tim sukses caleg ngasih sembako ke warga", "timses caleg mau pinjem mobil desa": a team that opens its clause
    // before another act there is who does it.
    bool opening = static_cast<Act>(match.label) == Act::join_team &&
                   (leads_clause_as_doer(first) || (doer_end && *doer_end + 1 == first));
    bool doer_opening_clause = opening && std::any_of(acts_.begin(), acts_.end(), [&](const PhraseMatch& deed) {
                                 return deed.first_token > match.last_token &&
                                        tokens_[deed.first_token].clause == tokens_[first].clause &&
                                        static_cast<Act>(deed.label) != Act::join_team;
                               });
    if (doer_opening_clause) doer_end = match.last_token;
    if (!names_owner && !names_agent && !doer_of_passive && !doer_opening_clause) kept.push_back(match);
  }
  acts_ = std::move(kept);
}

}  // namespace netra::bot
