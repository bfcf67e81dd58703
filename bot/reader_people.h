// Private to the reader's translation units: the pass that reads who does what to what in one message, split along
// its seams: reader_people.cpp (circumstances, acts), _negations (negation scope), _mentions and _former_roles (the
// people named and their roles), _actors and _targets (who does each act, at what), _media (what a post is about),
// _act_filters, _post_filters, _teams, _quotes, and _subject (whose act the question is about); reader_reach.h holds
// its word distances.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/reader.h"
#include "bot/reader_internal.h"
#include "bot/reader_reach.h"

namespace netra::bot {

// How strongly a role describes someone when a message gives several ("guru honorer", "pensiunan PNS",
// "bidan desa yg PPPK"): the more specific status wins over the general one.
int role_rank(Role role);

void describe(Person& person, Role role);
// When or where an act happens ("di luar jam kerja", "pas cuti", "di masjid"), as opposed to scope words and
// facts about the message ("tidak diunggah", "mau laporin").
bool is_time_or_place(Modifier modifier);
bool is_place(Modifier modifier);  // a venue: a place of worship, a school, a campus, a government building

// Acts a candidate does not do for their own campaign: when the nearest person is the writer's relative who runs,
// "boleh bantu kampanye?" is the writer's act.
bool is_support_act(Act act);
bool overlaps(const PhraseMatch& a, const PhraseMatch& b);

// Everything the pass over one message keeps track of. Built and run once per message by
// Reader::read_people_and_acts; it fills the reading's people, acts, subject and asked acts.
class PeopleReader {
 public:
  PeopleReader(Reading& reading, const std::vector<PhraseMatch>& roles, const std::vector<PhraseMatch>& people,
               const std::vector<PhraseMatch>& acts, const std::vector<PhraseMatch>& targets,
               const std::vector<PhraseMatch>& modifiers, const std::vector<PhraseMatch>& negations,
               const std::vector<PhraseMatch>& message_cues, const knowledge::Lexicon& lexicon)
      : reading_(reading),
        lexicon_(lexicon),
        tokens_(reading.tokens),
        roles_(roles),
        people_(people),
        acts_(acts),
        targets_(targets),
        modifiers_(modifiers),
        negation_cues_(negations),
        message_cues_(message_cues) {}

  void run();

 private:
  struct Mention {
    size_t token = 0;   // first token
    size_t last = 0;    // last token
    size_t person = 0;  // index into reading_.people
    bool actor = true;  // false: named as an object or a possessor, not as someone who acts
    bool pronoun = false;  // "dia", "beliau": refers back to someone already named
    bool denied_pns = false;   // "bukan PNS" was said of them
    bool denied_pppk = false;  // "bukan PPPK" was said of them
    // Named after "ada"/"muncul" ("acara kantor nongol caleg, boleh ikut kampanye?"): acts in that clause only;
    // the next clause's act is not theirs.
    bool own_clause_only = false;
  };

  // --- negation scope
  void find_negations();

  // "boleh gk", "aman ga?": a negation after a question or verdict word, or ending a clause, asks; negates nothing.
  bool is_question_tag(const PhraseMatch& negation) const;
  // "gak boleh komentar di postingan capres?": a negation right before a verdict word negates the permission
  // asked about, not the act after it.
  bool negates_permission(const PhraseMatch& negation) const;
  // The first token of the negation that negates `token` (for "bkn ASN": the token of "bkn"), or `token`.
  size_t negation_start(size_t token) const;
  // True when a negation stands within three words before `token` in its clause, with no act in between.
  bool negated(size_t token) const;

  // --- circumstances
  void collect_modifiers();
  // Whether a modifier phrase means what it says here: all_candidates not narrowed to one party, personal_post
  // without words of support.
  bool modifier_holds(Modifier modifier, const PhraseMatch& match) const;

  bool word_is(knowledge::WordClass word_class, const std::string& word) const;

  void drop_acts_inside_circumstances();  // "di luar jam kerja", "ngizinin sy": no act; permission is noted
  // "itu termasuk ikut kampanye ga?": an act named right after a classifier is the category asked, not a deed.
  void drop_acts_named_as_categories();

  // A vote named right after an invitation in the same clause is what the invitation asks for, not an act of its
  // own: in "ajak semua guru nyoblos" the writer does not vote. Not after a passive ("sy diajak nyoblos"): there
  // the writer is the one who votes.
  void drop_acts_named_by_another();
  // The clauses between open with a relativizer ("yang terus …", "yg lalu …"), and nobody is named in between.
  bool relative_clause_between(size_t after, size_t before) const;
  // A person or a role named strictly between two tokens.
  bool person_between(size_t after, size_t before) const;
  // An act cue starts strictly between two tokens.
  bool act_cue_between(size_t after, size_t before) const;
  // "gedung dipinjamkan buat acara kampanye": "buat" right after another act is "for", so an act cue that starts
  // with a purpose word there ("buat acara" = organise) is not an act of its own; nor is a content noun there.
  void drop_purpose_acts();

  // "grup tim sukses", "akun relawan paslon": a team named right after a group, an account or a printed thing
  // owns it; nobody joins the team there; nor where it opens a clause and does what follows ("timses bagi amplop").
  void drop_teams_no_one_joins();
  void drop_gapped_acts_spanning_others();
  // "like story IG caleg": a post named inside a like or a comment is what is reacted to, not posted.
  void drop_posts_reacted_to();
  // "share brosur caleg": campaign material named right after a share or a post is what is shared, not put up.
  void drop_things_shared();
  // --- acts
  void read_acts();
  // Accepting told bare after a gift of money (knowledge WordClass::accepting_verb) is receiving it.
  void read_gifts_accepted();

  // An opening quotation mark stands before `token` or one of the kQuoteReach words before it in its clause.
  bool quoted(size_t token) const;
  // `token` is the first word inside a quote (Reading::quotes).
  bool quote_opens_at(size_t token) const;
  void read_quoted_choices();
  // `token` is the writer's or a quote's own "I" ("saya", "aku", "gue").
  bool says_i(size_t token) const;
  // A number or a choice_marker word within kChoiceReach words after `token` in its clause: whom a vote is for.
  // With `until_negation`, only before a negation ("milih nomor 2 tanpa nyebut nama calon").
  bool names_choice_after(size_t token, bool until_negation = false) const;
  // The word before or after `token` is a date word ("tanggal 14", "27 november").
  bool beside_date_word(size_t token) const;
  // "datang ke kampanye, cuma dengerin visi misi, gk pake atribut": passive attendance says how the writer was
  // there, so the plain attendance in the same sentence is that passive attendance, not active campaigning.
  void settle_passive_attendance();
  // "share postingan Bawaslu soal ajakan lapor politik uang": what a shared or posted thing is about is nobody's act
  // (reader_people_media.cpp): words after a topic word, quoted words, and a quoted call for no one.
  void drop_content_of_media();
  void mark_content_after_topics(std::vector<bool>& content) const;
  void mark_quoted_content(std::vector<bool>& content) const;
  bool quoted_call_for_no_one(const ActMention& call, size_t quote) const;

  // A topic word ("soal", "tentang") ends within kTopicContentReach words before `token`, in its clause.
  bool names_topic(size_t token) const;

  // "menolak perintah pasang baliho", "keluar dari grup yg suka share konten caleg": an act after a withdrawal in
  // its clause is what is refused or undone, as if negated.
  // "harus netral gk nyoblos": a negation that ends the gap of a gapped cue ("harus .. memilih") negates the
  // word after it, and so the act.
  bool negated_in_gap(const PhraseMatch& match) const;
  bool undone(const PhraseMatch& match) const;
  // A withdrawal right after a word of necessity ("harus unfollow?"): no act of its own, and it undoes nothing.
  bool asks_if_required(const PhraseMatch& withdrawal) const;

  // --- people
  bool overlaps_act(const PhraseMatch& match) const;
  bool act_follows_in_clause(const PhraseMatch& match) const;
  bool clause_start(size_t token) const { return token == 0 || tokens_[token - 1].clause != tokens_[token].clause; }

  // The token before `token` in its clause, skipping honorifics ("disuruh pak camat", "ke bu kades"), or none.
  std::optional<size_t> word_before(size_t token) const;

  bool after_object_marker(size_t token) const;

  // "diajak temen", "disuruh kades", "dipiwarang caleg": the person after a passive verb asks or orders; the act
  // that follows is the writer's.
  bool after_passive_verb(size_t token) const;

  // What stands before `token` in its clause once fillers, time words and actor introducers are passed: nothing
  // (the clause starts there), "there is" ("ada", "muncul"), or another word.
  enum class ClauseLead { clause_start, existential, other_word };
  ClauseLead clause_lead(size_t token) const;
  // A candidate named in the middle of a clause owns something ("brosur caleg", "acara paslon"); one who acts
  // opens the clause ("caleg bagi sembako", "timses caleg ngadain pengajian"), or follows "there is" ("pengajian
  // yg ada caleg ceramah").
  bool opens_clause(size_t token) const { return clause_lead(token) != ClauseLead::other_word; }
  // Only time words before `token` in its clause, or "there is": the one named there does what follows ("kemarin
  // timses caleg bagi amplop", "ada timses mau sewa mobil desa"), unlike after "sy", "mau" or "jadi".
  bool leads_clause_as_doer(size_t token) const;

  // The last mention (actor or not) ending just before `token`, ignoring description fillers, within `reach`
  // words and with no act in between: the person a role at `token` describes ("sy guru", "suami sy kades").
  std::optional<size_t> described_by(size_t token, size_t reach, bool any_words = false) const;

  size_t add_person(Person person);
  // The person a relation word names: the same relation named again is the same person.
  size_t relation_person(Relation relation, bool someone_elses = false, bool definite = false);

  size_t generic_person(Role role);
  // The last third party named before `token` (for "dia", "beliau").
  std::optional<size_t> last_third_party(size_t token) const;

  void read_mentions();

  // "sanksi buat PPPK yg share konten …": a role followed by a relative clause that names an act does that act,
  // even after a word that otherwise makes it an object.
  bool does_relative_clause_act(const PhraseMatch& role) const;

  bool ends_act(const PhraseMatch& role) const;

  void read_person(const PhraseMatch& match);
  void read_relation(const PhraseMatch& match);
  // Someone other than the writer named within five words before `token` in its clause: the group "ada yang"
  // picks one of.
  std::optional<size_t> group_named_before(size_t token) const;
  void read_role(const PhraseMatch& match);
  // The mention a role (matched at `match`, read as `role`, after the former marker `left` if any) describes.
  std::optional<size_t> described_by_role(const PhraseMatch& match, Role role, const PhraseMatch* left) const;
  void read_denied_role(const PhraseMatch& match, Role role);
  Role former_role(size_t token, Role role) const;
  // The retired or former marker before the role at `token` (or before the role phrase it heads), if any.
  const PhraseMatch* former_marker_before(size_t token) const;
  bool names_relatives_possessor(const PhraseMatch& role) const;

  // --- who does each act
  std::optional<size_t> last_actor(size_t token, bool same_clause, bool same_sentence) const;

  std::optional<size_t> next_actor_in_sentence(size_t token) const;

  // When an asking verb stands between the last person named in the clause and `token`, who is asked: the person
  // named after the verb, or the writer.
  std::optional<size_t> asked_actor(size_t token) const;
  // The asking verb before `token` in its clause ("minta", "nyuruh"), or a verb of saying with "supaya"/"agar"
  // after it ("bilang ke warga supaya …"): the verb's token.
  std::optional<size_t> asking_word_before(size_t token) const;

  void infer_workplace_roles();
  // An appeal told with no actor, then "yg ngomong sekda": the person named after "yang" and a verb of saying
  // made it.
  void name_speakers_told_after();
  // For an appeal or a decision inside a quote, the person who acts last before the quote opens, in its
  // sentence: the speaker.
  std::optional<size_t> quoting_person(const ActMention& act) const;
  // A person or a body is named after the act in its clause ("diupload dia", "diupload di akun pemkab").
  bool someone_named_after(const ActMention& act) const;
  // The facility an act names can be carried off ("mobil dinas", "ambulans desa", "sound system kantor desa").
  bool names_movable_property(const ActMention& act) const;
  // What a lending lends can be carried off (named after the verb, by an earlier lending, or just before it).
  bool lends_movable_property(const ActMention& lending) const;
  // The question's last clause names no act and points back ("itu gpp kan?"): the subject's acts told in the
  // sentences before the question's are asked too.
  void add_acts_told_before_a_pointing_question();
  bool question_clause_points_back() const;
  // Serving as election staff, asked of election staff beside another deed, is who they are, not what is asked.
  void drop_service_that_is_the_role();
  // The one a question names by a deed told before ("yg nyuruh itu salah?"), in the question's `clause`.
  std::optional<size_t> person_named_by_deed(size_t clause) const;
  // Whom the acts of `sentence` are about: the writer when they act in it, else the first act's actor.
  std::optional<size_t> actor_of_sentence(size_t sentence) const;
  // An official acting for a candidate beside a citizen `subject` chosen by a question that names no one.
  std::optional<size_t> official_acting_beside(size_t subject) const;
  // Coming told bare ("dateng gpp?", WordClass::coming_verb, no place after it); a citizen's outside the question
  // is the scene ("warga pada dtg. dia kena ga"), not a deed.
  bool is_bare_coming(const ActMention& act) const;
  void drop_bare_comings_of_others();
  // Asked of bare coming only, the subject's acts told in the sentences before are the gathering's.
  void add_acts_of_the_gathering_come_to();
  // The last clause of the question's sentence, when it names no act of its own.
  std::optional<size_t> actless_question_clause() const;
  // A mention of `person` is followed by "di" and a government body ("staf sy di kelurahan").
  bool works_in_government_office(size_t person) const;
  void assign_actors();
  // "narasumbernya ketua DPD partai yg jg caleg", "yang ngisi ceramah ternyata caleg": a speaking post named with
  // "-nya" or after "yang", then the one who holds it: the speaking is that person's, not the writer's.
  struct PostHolder {
    size_t person = 0;  // index into reading_.people
    size_t token = 0;   // where they are named
  };
  std::optional<PostHolder> speaker_named_after(const ActMention& act);
  // "my college friend is running", "her brother runs": a possessive determiner within kOwnerReach words before
  // the relative at `token`, in its clause and not itself after an object marker; the relative opens the clause.
  bool owned_after_possessive_determiner(size_t token) const;
  // Who does an act told of the writer that the writer only saw or would suffer (else `person` itself).
  size_t doer_beside_writer(const ActMention& act, size_t person);
  bool agent_named_after_passive(const ActMention& act) const;  // "ditempelin … sama timses": not "sama saya"
  // "Sy kades. timses mau pinjem mobil siaga desa buat kampanye, boleh?": a use of facilities that someone free of
  // the neutrality rules only wishes (a pending_marker before it), told by a writer bound by them who does nothing
  // toward a candidate themself, asks whether the writer may grant it: the writer lends, and a vehicle or equipment
  // lent is the writer's own use of it.
  void grant_requested_use();
  // "ada anggota yg share …": an existential, at most one word, then a relativizer right before the act, and no
  // one named between.
  bool someone_who_before(const ActMention& act) const;
  // A relativizer within kRelativeReach before the act, right after a candidate or incumbent target cue that names
  // no person ("bupati petahana yg lg nyalon"): the act describes the target.
  bool describes_target_before(const ActMention& act) const;

  // --- what each act is directed at
  // Denied by a negation just before it, or by one anywhere before it in its clause when a free-choice word
  // follows it ("tidak ada hubungannya sama calon manapun").
  bool target_negated(const PhraseMatch& target) const;
  // An incumbent is named among the targets; someone the message names runs for office.
  bool incumbent_named() const;
  bool someone_runs() const;
  // The writer is named in `sentence` as one who acts or as an object ("nanya ke saya"), not as a possessor.
  bool writer_in_sentence(size_t sentence) const;
  // The writer, the last actor before `token` in its clause, sees or hears the act there ("sy liat …"), and the
  // message asks nothing (a story, not a question).
  bool witnessed(size_t token) const;
  // The last mention is the writer acting, in `token`'s clause, with only fillers between ("sy cuma anaknya").
  bool writer_just_before(size_t token) const;

  // A target cue that only names the kind of a printed thing ("stiker alat peraga": campaign props end in a
  // printed-thing word): it names no owner and no candidate.
  bool kind_of_thing(const PhraseMatch& match) const;
  // A target cue starts right after `thing`, in its clause: the thing's owner ("poster dinkes").
  bool owner_follows(const PhraseMatch& thing) const;

  // The target of one act: in its clause, the owner of a post ("unggahan dinkes") first, then a candidate, then
  // a neutral body; failing that, a candidate the message names anywhere (a person who runs included).
  Target target_of(const ActMention& act) const;
  // Failing that: a candidate the message names anywhere, else a neutral body it names, else none.
  Target target_in_message(const ActMention& act) const;

  // "kampanye di masjid", "rapat timses pake ruang kelas SD": a campaign act in the clause of a place named just
  // after a venue marker uses that place, as the facility rules read it. A place that only describes someone
  // ("sy guru SD") is no venue.
  void infer_venue_use();

  void assign_targets();
  // Invitations to vote for no one and the facilities used for them are calls to turn out (see the function).
  void settle_turnout_calls();
  // Acts whose object is whom they benefit: a decision, a service withheld, a budget spent.
  static bool favours_someone(Act act);
  // A candidate (not denied, not merely the kind of a printed thing) is named in `sentence` or those continuing it.
  bool candidate_in_sentence(size_t sentence) const;
  // The last of the sentences from `sentence` on that continue it: each after it tells no act (not negated, other
  // than receiving) of its own ("… Yg dapet cuma pendukung paslon 2.", "… kan? asal ga nyebut nama").
  size_t last_sentence_continuing(size_t sentence) const;
  // `sentence`, or the sentences continuing it, deny a candidate ("tanpa nyebut nama calon", "tanpa gambar
  // calon", "… kan? asal ga nyebut nama").
  bool candidate_denied_in_sentence(size_t sentence) const;
  // A relative who runs for office named after a negation in `sentence` or a condition continuing it ("tanpa
  // nyebut adik sy").
  bool runner_denied_in_sentence(size_t sentence) const;
  // The sentence names a neutral body as where something comes from ("dari KPU", "dr Bawaslu").
  bool neutral_source_in_sentence(size_t sentence) const;
  // A printed thing (knowledge WordClass::owned_thing) in `sentence` that is no campaign print.
  bool not_campaign_print(const PhraseMatch& thing, size_t sentence) const;
  // A vote for a candidate asked of someone else is the asker's appeal (see reader_people_act_filters.cpp).
  void read_asked_votes_as_appeals();
  // A verb of saying before `token` in its clause ("bilang", "pesan"): its token.
  std::optional<size_t> saying_verb_before(size_t token, bool whole_sentence = false) const;

  // "di-add ke grup timses, sy langsung keluar": a group the same person left afterwards is no longer theirs; the
  // leaving is what the question is about. So is a thing they refuse afterwards ("nitip brosur, sy tolak").
  void settle_groups_left();
  // Acts told of someone whose name, photo or account was used without consent are that user's, not theirs.
  void disown_misused_identity();
  // The person of `act` is named as an actor earlier in its clause ("… yaudh sy share aja").
  bool named_acting_before(const ActMention& act) const;
  // A verb in the passive ("di" + stem) stands in `clause`.
  bool clause_has_passive(size_t clause) const;
  // A withdrawal in the same sentence names a word of `act` ("nitip brosur … tolak brosurnya").
  bool names_same_thing(const ActMention& withdrawal, const ActMention& act) const;

  // --- the subject: whose act the question is about
  void choose_subject();

  void finish_subject();

  // "ngajak murid2 kelas 6 ikut kampanye", "nyuruh perangkat pasang baliho": what the subject invites or orders
  // someone with a role to do is asked too, and judged for that person's role — bringing children to a campaign
  // is forbidden to whoever brings them (UU 7/2017 280 (2) k).
  void add_acts_asked_of_others();
  // The subject is told to act by one who mobilises staff ("atasan nyuruh kami staf dtg …"): the order is asked too.
  void add_orders_given_to_the_subject();

  // The person named as the one who acts in the last clause of the question's sentence, when that clause holds a
  // question word and no act of its own.
  std::optional<size_t> person_of_question_clause() const;
  // The sentence whose acts the question asks about (see choose_subject), if any sentence names an act.
  std::optional<size_t> sentence_of_asked_acts() const;

  size_t subject_without_acts() const;
  // Every act of `person` in `sentence` is running for office: what makes them a candidate, nothing more.
  bool only_runs_for_office(size_t person, size_t sentence) const;
  // The writer is named as one who acts in a sentence after `sentence`, up to the question's.
  bool writer_acts_after(size_t sentence) const;

  // The last sentence with a question mark, else the last with a question word; the last sentence when none asks.
  size_t focus_sentence() const;

  Reading& reading_;
  const knowledge::Lexicon& lexicon_;
  const std::vector<Token>& tokens_;
  const std::vector<PhraseMatch>& roles_;
  const std::vector<PhraseMatch>& people_;
  std::vector<PhraseMatch> acts_;  // a copy: purpose words right after an act are dropped from it
  const std::vector<PhraseMatch>& targets_;
  const std::vector<PhraseMatch>& modifiers_;
  const std::vector<PhraseMatch>& negation_cues_;
  const std::vector<PhraseMatch>& message_cues_;
  std::vector<PhraseMatch> negations_;
  std::vector<Mention> mentions_;
  std::vector<const PhraseMatch*> object_roles_;
  std::optional<size_t> witness_subject_;  // the unnamed one who did what the writer saw or suffered (people index)
};

}  // namespace netra::bot
