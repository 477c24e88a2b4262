// Saved dialogue progress: which definitions, the answers so far and the
// questions already asked. Written atomically with mode 0600.
#pragma once

#include <string>
#include <vector>

#include "myoscreen/answers.hpp"

namespace myoscreen::cli {

void save_session(const std::string& path, const Definitions& defs, const Answers& answers, const std::vector<int>& history);

// Throws Failure(66) when missing, Failure(65) when malformed or saved with
// other definitions (name or version differ).
void load_session(const std::string& path, const Definitions& defs, Answers& answers, std::vector<int>& history);

// Writes `data` to `path` atomically: a 0600 temporary file beside it,
// fsync, rename. Throws Failure(74) on error and leaves no temporary behind.
void write_file_atomic(const std::string& path, const std::string& data);

// A path as one shell word, for a command to copy (--resume 'my file').
std::string shell_quote(const std::string& s);

}  // namespace myoscreen::cli
