// Javanese, Sundanese, Betawi/Malay and English messages read through the chat-language map
// (knowledge/data/slang.txt): each must name the same asker, act and target — and get the same verdict — as the
// Indonesian message it means. The messages are written for these tests, not taken from an eval set.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/test_support.h"

using namespace netra::bot;
using netra::testing::shared_answerer;
using netra::testing::shared_knowledge;

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto& word : shared_knowledge().analyzer().normalize(text)) out.push_back(word.text);
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string verdict_of(const std::string& text) {
  return std::string(netra::knowledge::to_string(shared_answerer().answer(text).verdict));
}

// True when the question is about `act` directed at `target`, done by the message's subject and not negated.
bool asks(const Reading& reading, Act act, Target target) {
  return std::any_of(reading.asked_acts.begin(), reading.asked_acts.end(), [&](size_t index) {
    const auto& mention = reading.acts[index];
    return mention.act == act && mention.target == target && !mention.negated && mention.person == reading.subject;
  });
}

bool names_act(const Reading& reading, Act act) {
  return std::any_of(reading.acts.begin(), reading.acts.end(), [&](const auto& mention) { return mention.act == act; });
}

Role asker_role(const Reading& reading) {
  return reading.people.front().role;
}

}  // namespace

TEST_CASE("Javanese ngoko and krama questions about one's own act read like the Indonesian ones", "[regional]") {
  auto like = shared_answerer().read("kulo PNS, pareng nopo mboten nge-like postingan caleg?");
  CHECK(like.subject == 0);
  CHECK(asker_role(like) == Role::asn);
  CHECK(asks(like, Act::like, Target::candidate));
  CHECK(verdict_of("kulo PNS, pareng nopo mboten nge-like postingan caleg?") == "dilarang");

  auto share = shared_answerer().read("kula ASN, angsal menapa boten nge-share postingan calon bupati?");
  CHECK(asks(share, Act::share, Target::candidate));
  CHECK(share.election == Election::pilkada);

  auto rally = shared_answerer().read("aku guru PNS, oleh ora melu kampanye caleg pas dino minggu?");
  CHECK(asker_role(rally) == Role::asn);
  CHECK(asks(rally, Act::attend_campaign, Target::candidate));
  CHECK(verdict_of("aku guru PNS, oleh ora melu kampanye caleg pas dino minggu?") == "dilarang");

  // The same asker, voting: allowed.
  CHECK(verdict_of("kulo ASN, angsal nyoblos mboten?") == "boleh");
}

TEST_CASE("Javanese messages about someone else's act make that person the subject", "[regional]") {
  auto kades = shared_answerer().read("kades kulo tumut deklarasi calon bupati, menapa angsal?");
  REQUIRE(kades.subject != 0);
  CHECK(kades.subject_person().role == Role::kades);
  CHECK(asks(kades, Act::attend_declaration, Target::candidate));
  CHECK(verdict_of("kades kulo tumut deklarasi calon bupati, menapa angsal?") == "dilarang");

  auto relative = shared_answerer().read("sedulurku perangkat desa dikon timses nyebarke brosur caleg, oleh ra?");
  REQUIRE(relative.subject != 0);
  CHECK(relative.subject_person().kind == Person::Kind::relation);
  CHECK(relative.subject_person().role == Role::perangkat);
  CHECK(verdict_of("sedulurku perangkat desa dikon timses nyebarke brosur caleg, oleh ra?") == "dilarang");

  // "dudu ASN": the writer says who they are not; a PNS's spouse who is not ASN may join a campaign team.
  auto spouse = shared_answerer().read("bojoku PNS, aku dudu ASN, oleh dadi timses ra?");
  CHECK(spouse.subject == 0);
  CHECK(asker_role(spouse) != Role::asn);
  CHECK(asks(spouse, Act::join_team, Target::candidate));
}

TEST_CASE("Javanese 'ana' after nek/yen is 'there is', not the writer", "[regional]") {
  auto reading = shared_answerer().read("nek ana kades sing kampanye, aku kudu lapor neng ngendi?");
  CHECK(asker_role(reading) != Role::kades);
  CHECK(std::any_of(reading.people.begin(), reading.people.end(),
                    [](const Person& person) { return person.role == Role::kades; }));
  CHECK(reading.focus == QuestionFocus::procedure);
  CHECK(asks(reading, Act::report, Target::candidate));
}

TEST_CASE("Javanese 'oleh' is permission before a verb or a yes/no tail, receiving before money, 'by' otherwise",
          "[regional]") {
  CHECK(contains(words_of("aku oleh melu kampanye"), "boleh"));
  CHECK(contains(words_of("oleh rak?"), "boleh"));
  auto got = words_of("aku oleh amplop");
  CHECK(contains(got, "terima"));
  CHECK_FALSE(contains(got, "boleh"));
  auto by = words_of("dilarang oleh undang-undang");
  CHECK(contains(by, "oleh"));
  CHECK_FALSE(contains(by, "boleh"));
  auto reading = shared_answerer().read("wingi aku oleh amplop seko pak kades, kudu piye?");
  CHECK(asks(reading, Act::receive_money, Target::candidate));
  CHECK(reading.has(Modifier::past_event));
}

TEST_CASE("Sundanese questions read the asker, the act and the target", "[regional]") {
  auto like = shared_answerer().read("abdi PNS, kenging teu abdi ngalike postingan caleg?");
  CHECK(asker_role(like) == Role::asn);
  CHECK(asks(like, Act::like, Target::candidate));
  CHECK(verdict_of("abdi PNS, kenging teu abdi ngalike postingan caleg?") == "dilarang");

  auto rally = shared_answerer().read("abdi guru PNS, meunang henteu ngiring kampanye caleg?");
  CHECK(asks(rally, Act::attend_campaign, Target::candidate));

  // Only watching from afar: a grey area, never "boleh".
  auto watching = shared_answerer().read("abdi ASN, upami ngan ningali kampanye ti kajauhan kenging teu?");
  CHECK(asks(watching, Act::attend_passive, Target::candidate));
  CHECK(verdict_of("abdi ASN, upami ngan ningali kampanye ti kajauhan kenging teu?") == "hati-hati");

  auto props = shared_answerer().read("abdi kapala desa, kenging teu masang baliho calon di bale desa?");
  CHECK(asker_role(props) == Role::kades);
  CHECK(asks(props, Act::install_props, Target::candidate));
}

TEST_CASE("a Sundanese report of a kades handing out money is read as money politics, never as voting", "[regional]") {
  const std::string message = "kades masihan artos ka warga supados milih paslon, kumaha?";
  auto reading = shared_answerer().read(message);
  CHECK(reading.subject_person().role == Role::kades);
  CHECK(asks(reading, Act::give_money, Target::candidate));
  CHECK(verdict_of(message) == "dilarang");

  auto report = shared_answerer().read("abdi hoyong ngalaporkeun kades nu kampanye, kumaha carana?");
  CHECK(report.focus == QuestionFocus::procedure);
  CHECK(asks(report, Act::report, Target::candidate));
}

TEST_CASE("'abdi' is the writer, but 'abdi negara' stays the civil servant's title", "[regional]") {
  CHECK(words_of("abdi PNS").front() == "saya");
  CHECK(words_of("abdi negara") == std::vector<std::string>{"abdi", "negara"});
}

TEST_CASE("Betawi and Minang writers are the askers of their questions", "[regional]") {
  for (const char* message : {"aye PNS, boleh kagak ikut kampanye?", "ambo PNS, buliah indak ikuik kampanye?"}) {
    INFO(message);
    auto reading = shared_answerer().read(message);
    CHECK(reading.subject == 0);
    CHECK(asker_role(reading) == Role::asn);
    CHECK(asks(reading, Act::attend_campaign, Target::candidate));
    CHECK(verdict_of(message) == "dilarang");
  }
}

TEST_CASE("English: a candidate's post is the thing liked or shared, not an act of posting", "[regional]") {
  const std::string like = "I am a civil servant, can I like a candidate's post on Instagram?";
  auto reading = shared_answerer().read(like);
  CHECK(asker_role(reading) == Role::asn);
  CHECK(asks(reading, Act::like, Target::candidate));
  CHECK_FALSE(names_act(reading, Act::post));
  CHECK(verdict_of(like) == "dilarang");

  auto share = shared_answerer().read("sy PNS, boleh gak like n share post caleg?");
  CHECK(asks(share, Act::like, Target::candidate));
  CHECK(asks(share, Act::share, Target::candidate));
  CHECK_FALSE(names_act(share, Act::post));

  // The minimal pair: the KPU's post is neutral.
  const std::string kpu = "I'm a civil servant, can I like the KPU's post about the debate schedule?";
  CHECK(asks(shared_answerer().read(kpu), Act::like, Target::election_body));
  CHECK(verdict_of(kpu) == "boleh");
}

TEST_CASE("English questions name the asker's role, the act and the circumstances", "[regional]") {
  auto banner =
      shared_answerer().read("I'm a village official, is it ok to put up a candidate's banner in front of my house?");
  CHECK(banner.subject == 0);
  CHECK(asker_role(banner) == Role::perangkat);
  CHECK(asks(banner, Act::install_props, Target::candidate));

  auto donate = shared_answerer().read("as a civil servant can I donate to a candidate's campaign?");
  CHECK(asker_role(donate) == Role::asn);
  CHECK(asks(donate, Act::donate, Target::candidate));

  auto photo = shared_answerer().read(
      "I'm a civil servant, may I post a photo with a candidate on my personal account after work?");
  CHECK(asks(photo, Act::photo_with_candidate, Target::candidate));
  CHECK(photo.has(Modifier::off_hours));
  CHECK(photo.has(Modifier::private_setting));
  CHECK(verdict_of("I'm a civil servant, may I post a photo with a candidate on my personal account after work?") ==
        "dilarang");

  CHECK(verdict_of("can I vote at the polling station as a civil servant?") == "boleh");
  CHECK(verdict_of("is it ok for a civil servant to wear a campaign t-shirt?") == "dilarang");
}

TEST_CASE("English possessives put the person named after 'my'/'our' as the actor, not the writer", "[regional]") {
  auto village = shared_answerer().read(
      "our village head told villagers to vote for candidate number 2, where can I report this?");
  CHECK(asker_role(village) != Role::kades);
  CHECK(std::any_of(village.acts.begin(), village.acts.end(), [&](const ActMention& mention) {
    return mention.act == Act::invite_to_vote && village.people[mention.person].role == Role::kades;
  }));
  CHECK(village.focus == QuestionFocus::procedure);

  auto boss =
      shared_answerer().read("my boss ordered all staff to attend a candidate's declaration, what should I do?");
  REQUIRE(boss.subject != 0);
  CHECK(boss.subject_person().relation == Relation::superior);
  CHECK(asks(boss, Act::mobilise_staff, Target::candidate));

  auto spouse = shared_answerer().read("my husband is a candidate, can I help his campaign? I am a civil servant");
  CHECK(asker_role(spouse) == Role::asn);
  CHECK(std::any_of(spouse.people.begin(), spouse.people.end(), [](const Person& person) {
    return person.relation == Relation::spouse && person.runs_for_office;
  }));
}

TEST_CASE("unfollowing reads as stepping back, never as a follow", "[regional]") {
  auto reading = shared_answerer().read("sy PNS, boleh gak unfollow akun partai?");
  CHECK(names_act(reading, Act::withdraw));
  CHECK(std::all_of(reading.acts.begin(), reading.acts.end(),
                    [](const ActMention& mention) { return mention.act != Act::follow || mention.negated; }));
}

TEST_CASE("regional words that are also Indonesian words keep their Indonesian meaning", "[regional]") {
  // Sundanese "ulah" (jangan) is Indonesian "antics"; "embung" a village reservoir; "teka" only inside
  // "teka-teki"; "lurah" alone may head a kelurahan, so it is not turned into a kades.
  CHECK(contains(words_of("ulah oknum kades"), "ulah"));
  CHECK(contains(words_of("dana desa buat embung"), "embung"));
  CHECK(contains(words_of("main teka-teki"), "teka-teki"));
  CHECK(contains(words_of("pak lurah"), "lurah"));
  CHECK(contains(words_of("lurah desa"), "kepala"));
  // Indonesian chat words the map must not touch.
  for (const char* word : {"sama", "aja", "dia", "bapak", "saja"}) {
    INFO(word);
    CHECK(words_of(word) == std::vector<std::string>{word});
  }
}

TEST_CASE("Minang election words are read", "[regional]") {
  CHECK(verdict_of("ambo perangkat nagari, buliah sato kampanye caleg?") == "dilarang");
  CHECK(verdict_of("awak PNS, buliah hadia rapek kampanye caleg?") == "dilarang");
  auto words = words_of("ambo PNS, buliah mambagikan kalender caleg ka urang kampuang?");
  CHECK(contains(words, "membagikan"));
  CHECK(contains(words, "warga"));
  CHECK(verdict_of("ambo PNS, buliah mambagikan kalender caleg ka urang kampuang?") == "dilarang");
}

TEST_CASE("Javanese 'ana' before a candidate is 'there is', and Sundanese offers are read", "[regional]") {
  // "ana caleg teka": a candidate came; the writer only sat and listened, not a candidate themself.
  auto reading =
      shared_answerer().read("aku PPPK, ana caleg teka neng yasinan, aku mung lungguh ngrungokke wae. oleh ra?");
  CHECK_FALSE(reading.people[0].runs_for_office);
  CHECK(verdict_of("aku PPPK, ana caleg teka neng yasinan, aku mung lungguh ngrungokke wae. oleh ra?") == "hati-hati");
  CHECK(verdict_of("Abdi perangkat desa, diajak janten tim suksesna calon bupati. Upami nampi kumaha?") == "dilarang");
}

TEST_CASE("English talks, favours and penalties are read", "[regional]") {
  CHECK(verdict_of("I'm a PNS teacher. A candidate asked me to give a speech at his rally. Is that allowed?") ==
        "dilarang");
  CHECK(verdict_of("What is the penalty for a lurah who uses his position to favour a candidate?") == "info");
}

TEST_CASE("Palembang and Betawi words are read: taking money, grandparents and aunts", "[regional]") {
  // Palembang "idak", "dio", "ambek bae": the writer takes the money and does not vote for the giver.
  auto words = words_of("aku ambek bae duitnyo tapi idak milih dio");
  CHECK(contains(words, "ambil"));
  CHECK(contains(words, "tidak"));
  CHECK(contains(words, "dia"));
  CHECK(verdict_of(
            "Wong kito PPPK, kalo ado caleg bagi amplop, aku ambek bae amplopnyo tapi idak milih dio. salah dak?") !=
        "boleh");
  // A retired grandfather ("engkong", Betawi) is no longer bound; the writer's aunt ("encing") is someone else.
  auto reading = shared_answerer().read("Engkong aye pensiunan PNS, die ngajak tetangga milih caleg. boleh kagak?");
  REQUIRE(reading.people.size() > 1);
  CHECK(reading.people[1].kind == Person::Kind::relation);
  CHECK(verdict_of("Engkong aye pensiunan PNS, die ngajak tetangga milih caleg. boleh kagak?") == "boleh");
  CHECK_FALSE(
      shared_answerer().read("aye perangkat desa, encing aye nyalon DPRD. aye boleh bantu?").people[0].runs_for_office);
  // An old man described as "kakek-kakek" is no one new.
  auto old_man = shared_answerer().read("bapak sy kakek2 pensiunan PNS, diajak jadi saksi partai");
  CHECK(std::none_of(old_man.people.begin(), old_man.people.end(),
                     [](const Person& p) { return p.relation == netra::knowledge::Relation::relative; }));
}

TEST_CASE("an English possessive names the writer as an owner: the one owned acts", "[regional]") {
  auto reading =
      shared_answerer().read("My uncle is running for DPRD and wants me to manage his campaign team. I'm a PNS.");
  auto runs = std::find_if(reading.acts.begin(), reading.acts.end(),
                           [](const ActMention& a) { return a.act == netra::knowledge::Act::run_for_office; });
  REQUIRE(runs != reading.acts.end());
  CHECK(runs->person != 0);
  CHECK_FALSE(reading.people[0].runs_for_office);
}

TEST_CASE("Sundanese and Javanese 'it's fine' asks whether it is allowed", "[regional]") {
  auto sundanese = words_of("abdi PNS, ngabagikeun poster ti Bawaslu, teu nanaon?");
  CHECK(contains(sundanese, "boleh"));
  CHECK(contains(words_of("aku PNS nonton debat ning omah ora popo to?"), "boleh"));
  CHECK(verdict_of("abdi guru PNS, bade ngabagikeun poster ti Bawaslu ngeunaan cara ngalaporkeun politik uang, teu nanaon?") ==
        "boleh");
}

TEST_CASE("the chat map's replacements are final: none holds a phrase the map would change again", "[regional]") {
  // The map makes one pass (slang.txt), so "mancaleg = nyaleg" would leave "nyaleg" unread. A replacement may keep
  // a phrase that maps to itself plus more ("mobdin = kendaraan dinas mobil dinas"), or one its own rule protects
  // ("teman sma" stays, though "sma" alone is "sama").
  const auto& slang = shared_knowledge().analyzer().lexicon().slang;
  auto joined = [](const std::vector<std::string>& words, size_t from, size_t count) {
    std::string out;
    for (size_t i = from; i < from + count; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
  };
  for (const auto& [phrase, replacement] : slang) {
    for (size_t count = 1; count <= 3; ++count) {
      for (size_t from = 0; from + count <= replacement.size(); ++from) {
        std::string span = joined(replacement, from, count);
        auto again = slang.find(span);
        if (again == slang.end() || span == phrase) continue;
        const auto& next = again->second;
        // An expansion that keeps the phrase ("tim sukses = tim sukses tim kampanye") adds words, changes none.
        bool keeps_span = std::find(next.begin(), next.end(), span) != next.end() ||
                          (next.size() >= count && joined(next, 0, count) == span) ||
                          (next.size() >= count && joined(next, next.size() - count, count) == span);
        // A longer phrase of the replacement protects its own words ("teman sma", "abdi negara").
        bool protected_by_phrase = count < replacement.size() && slang.count(joined(replacement, 0, replacement.size()));
        INFO(phrase << " = " << joined(replacement, 0, replacement.size()) << " holds '" << span << "'");
        CHECK((keeps_span || protected_by_phrase));
      }
    }
  }
}
