#include "checker/extract/lexicon.h"

#include <algorithm>

#include "checker/text/unicode.h"

namespace citelint::extract {

std::string EntityKey(std::string_view name) {
  const std::string folded = text::FoldCase(name);
  // Typographic apostrophes fold to ASCII so "Courier’s" and "Courier's" agree.
  std::string key;
  key.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == '\xE2' && folded.compare(i, 3, "\u2019") == 0) {
      key += '\'';
      i += 2;
    } else {
      key += folded[i];
    }
  }
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

LexiconIndex::LexiconIndex(const Lexicons& lexicons) : lexicons_(lexicons) {  // a copy
  for (size_t i = 0; i < lexicons.entities.size(); ++i) {
    const EntityDef& e = lexicons.entities[i];
    by_name_.emplace(EntityKey(e.name), static_cast<int>(i));
    for (const auto& a : e.aliases) by_name_.emplace(EntityKey(a), static_cast<int>(i));
    for (const auto& h : e.handles) by_handle_.emplace(text::FoldCase(h), static_cast<int>(i));
    for (const auto& d : e.domains) by_domain_.emplace(text::FoldCase(d), static_cast<int>(i));
  }
  auto file = [&](const std::vector<std::string>& words, WordClass c) {
    for (const auto& w : words) classes_[text::FoldCase(w)] |= c;
  };
  file(lexicons.cue_verbs, kCueVerb);
  file(lexicons.roles, kRole);
  file(lexicons.pronouns, kPronoun);
  for (const auto& p : lexicons.platforms) platforms_.insert(p);
  file(lexicons.speaker_nouns, kSpeakerNoun);
  file(lexicons.not_names, kNotName);
  file(lexicons.auxiliaries, kAuxiliary);
  file(lexicons.unnamed_speakers, kUnnamedSpeaker);
  for (const auto& n : lexicons.report_cues) report_cues_.insert(text::FoldCase(n));
  file(lexicons.determiners, kDeterminer);
  file(lexicons.between_words, kBetweenWord);
  file(lexicons.organization_words, kOrganizationWord);
  for (const auto& n : lexicons.places) places_.insert(text::FoldCase(n));
  file(lexicons.prepositions, kPreposition);
  file(lexicons.noun_cues, kNounCue);
  file(lexicons.verb_markers, kVerbMarker);
  file(lexicons.title_abbreviations, kTitleAbbreviation);
  // Each list's phrases split into folded words once, filed by first word.
  auto split = [&](const std::vector<std::string>& phrases, PhraseList list) {
    for (const auto& p : phrases) {
      Phrase phrase{p, {}};
      size_t i = 0;
      while (i < p.size()) {
        size_t j = p.find(' ', i);
        if (j == std::string::npos) j = p.size();
        if (j > i) phrase.words.push_back(text::FoldCase(p.substr(i, j - i)));
        i = j + 1;
      }
      if (phrase.words.empty()) continue;
      phrase_words_.Add(phrase.words.front());
      PhraseStarts& starts = phrase_starts_[phrase.words.front()];
      starts.at[static_cast<size_t>(list)].push_back(std::move(phrase));
    }
  };
  split(lexicons.before_speaker, PhraseList::kBeforeSpeaker);
  split(lexicons.via, PhraseList::kVia);
  split(lexicons.cue_phrases, PhraseList::kCue);
  split(lexicons.media_cues, PhraseList::kMedia);
  split(lexicons.not_cues, PhraseList::kNotCue);
  file(lexicons.quote_naming, kQuoteNaming);
  file(lexicons.figure_identifiers, kFigureIdentifier);
  file(lexicons.months, kMonth);
  file(lexicons.not_counted, kNotCountedNoun);
}

bool LexiconIndex::IsPlace(std::string_view name) const { return places_.count(text::FoldCase(name)) > 0; }

bool LexiconIndex::IsReportCue(std::string_view cue) const { return report_cues_.count(text::FoldCase(cue)) > 0; }

EntityRef LexiconIndex::FromLexicon(int index) const {
  const EntityDef& e = lexicons_.entities[index];
  return {index, e.kind, EntityKey(e.name), e.name};
}

EntityRef LexiconIndex::ResolveName(std::string_view name) const {
  std::string key = EntityKey(name);
  if (key.size() > 2 && key.substr(key.size() - 2) == "'s") key.resize(key.size() - 2);
  if (auto it = by_name_.find(key); it != by_name_.end()) return FromLexicon(it->second);
  if (key.empty()) return {};
  return {-1, EntityKind::kUnknown, key, std::string(name)};
}

EntityRef LexiconIndex::ResolveHandle(std::string_view handle) const {
  if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
  const std::string key = text::FoldCase(handle);
  if (auto it = by_handle_.find(key); it != by_handle_.end()) return FromLexicon(it->second);
  return {-1, EntityKind::kUnknown, "@" + key, "@" + std::string(handle)};
}

EntityRef LexiconIndex::ResolveDomain(std::string_view domain) const {
  std::string d = text::FoldCase(domain);
  if (d.rfind("www.", 0) == 0) d.erase(0, 4);
  if (auto it = by_domain_.find(d); it != by_domain_.end()) return FromLexicon(it->second);
  // The registrable name: "wiki.mozilla.org" → "mozilla", "bbc.co.uk" → "bbc".
  std::vector<std::string> labels;
  for (size_t i = 0; i <= d.size();) {
    size_t j = d.find('.', i);
    if (j == std::string::npos) j = d.size();
    labels.push_back(d.substr(i, j - i));
    i = j + 1;
  }
  static const char* const kSuffixes[] = {"com", "org", "net", "gov", "edu", "co", "ac", "uk", "io", "int", "mil", "info", "eu", "us"};
  while (labels.size() > 1 && std::find(std::begin(kSuffixes), std::end(kSuffixes), labels.back()) != std::end(kSuffixes)) {
    labels.pop_back();
  }
  return {-1, EntityKind::kOutlet, labels.back(), d};
}

std::vector<std::string> LexiconIndex::Names(const EntityRef& e) const {
  std::vector<std::string> names{e.key};
  if (e.lexicon >= 0) {
    const EntityDef& def = lexicons_.entities[e.lexicon];
    for (const auto& a : def.aliases) names.push_back(EntityKey(a));
    for (const auto& h : def.handles) names.push_back("@" + text::FoldCase(h));
  } else if (e.kind != EntityKind::kOutlet) {
    // An unknown person is also named by their surname.
    const size_t space = e.key.rfind(' ');
    if (space != std::string::npos) names.push_back(e.key.substr(space + 1));
  }
  return names;
}

bool SameEntity(const EntityRef& a, const EntityRef& b) {
  if (a.empty() || b.empty()) return false;
  if (a.lexicon >= 0 && b.lexicon >= 0) return a.lexicon == b.lexicon;
  if (a.key == b.key) return true;
  // Surname: "quint" and "mara quint".
  auto ends_with_word = [](const std::string& longer, const std::string& shorter) {
    return longer.size() > shorter.size() + 1 && longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0 &&
           longer[longer.size() - shorter.size() - 1] == ' ';
  };
  if (a.kind == EntityKind::kOutlet || b.kind == EntityKind::kOutlet) return false;
  return ends_with_word(a.key, b.key) || ends_with_word(b.key, a.key);
}

}  // namespace citelint::extract
