// A minimal host program: load a rule set, read a case file, print the assessment.
//
//   assess_case RULES CASE [--json]
//
// It uses only the public API, the way clinic software would.
#include <scarwise/scarwise.hpp>

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: assess_case RULES CASE [--json]\n";
    return 2;
  }
  const bool json = argc > 3 && std::strcmp(argv[3], "--json") == 0;
  try {
    const scarwise::Engine engine{scarwise::RuleSet::load_file(argv[1])};
    const scarwise::Assessment assessment = engine.evaluate(scarwise::Case::from_file(argv[2]));
    std::cout << (json ? assessment.to_json() : assessment.to_text());
    return 0;
  } catch (const scarwise::LoadError& e) {
    std::cerr << scarwise::format_diagnostics(e.diagnostics());
  } catch (const scarwise::CaseError& e) {
    std::cerr << scarwise::format_diagnostics(e.diagnostics());
  }
  return 2;
}
