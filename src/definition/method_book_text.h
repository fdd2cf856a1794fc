// The words of a method workbook that are not the method's: the sheet «Как
// заполнять» (a short instruction with an example). Internal to
// src/definition/ (method_book_writer.cpp).
#pragma once

#include <span>
#include <string_view>

namespace definition::book {

struct InstructionLine {
  enum Kind { title, heading, paragraph };
  Kind kind;
  std::string_view text;
};

// The lines of «Как заполнять», top to bottom.
std::span<const InstructionLine> instructions();

}  // namespace definition::book
