// The knowledge index as the program uses it: one SQLite file built from knowledge/corpus and knowledge/data
// (knowledge/index_build.h) and opened read-only to answer (knowledge/knowledge_base.h), rebuilt first when the
// corpus has changed since it was built.
#pragma once

#include <memory>
#include <string>

#include "knowledge/index_build.h"
#include "knowledge/knowledge_base.h"

namespace netra::knowledge {

// Opens the index at index_path, first (re)building it from source when it is missing or older than the
// corpus files. `rebuilt` tells whether a build happened. Throws with the validation problems on a bad corpus.
std::unique_ptr<KnowledgeBase> open_or_build(const KnowledgeSource& source, const std::string& index_path,
                                             const DictionaryPaths& dictionary, bool* rebuilt /* OUT, optional */);

}  // namespace netra::knowledge
