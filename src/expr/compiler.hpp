// Lowers a checked syntax tree to an ExprProgram.
#pragma once

#include <memory>
#include <string>

#include "expr/ast.hpp"
#include "expr/program.hpp"

namespace scarwise::internal {

/// Compiles `root`, which check_expression() accepted (so every name and value in it is
/// resolved and every comparison has its fact on the left). `text` is kept for display.
std::shared_ptr<const ExprProgram> compile_program(const Node& root, std::string text,
                                                   const Vocabulary& vocabulary);

/// Compiles `root`, which check_number_expression() accepted, as a program that gives a number
/// (ExprProgram::evaluate_number).
std::shared_ptr<const ExprProgram> compile_number_program(const Node& root, std::string text,
                                                          const Vocabulary& vocabulary);

}  // namespace scarwise::internal
