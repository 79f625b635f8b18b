// Finding a rule set's test files for `scarwise test RULES` when none are named. The directory
// is untrusted like the rule files in it, so discovery keeps to the same confinement as
// includes: nothing outside the rule set's directory is listed, whatever links the tests/ tree
// holds, and what is refused is reported, never skipped in silence.
#pragma once

#include <scarwise/diagnostic.hpp>
#include <string>
#include <vector>

namespace scarwise::cli {

struct TestDiscovery {
  std::vector<std::string> files;       ///< the test files found, sorted
  std::vector<Diagnostic> diagnostics;  ///< entries refused (E-TEST-ESCAPE, E-FILE-READ)
};

/// Every *.yaml under `rules_dir`/tests. A symbolic link is resolved: one that ends outside
/// `rules_dir` (or a tests/ directory that does) is E-TEST-ESCAPE, and an entry that is not a
/// regular file (a FIFO, a device, a directory named *.yaml) is E-FILE-READ. Linked
/// directories inside the tree are not searched, so a link can neither lead out nor loop.
TestDiscovery find_test_files(const std::string& rules_dir);

}  // namespace scarwise::cli
