// langid_cld2 — evaluation helper (native, never shipped): Debian CLD2's language per input
// line, printed like `parallax lang` (ISO code, "und" when CLD2 answers unknown or the line is
// blank). Built by cmake/langid.cmake as px_langid_cld2; used by tests/eval/eval_langid.sh.
//
//   px_langid_cld2 < lines.txt > codes.txt
//   px_langid_cld2 --whole < article.txt
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include <cld2/public/compact_lang_det.h>

static std::string judge(const std::string& text) {
  if (text.find_first_not_of(" \t\r") == std::string::npos) return "und";
  CLD2::Language top3[3];
  int percent3[3], text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true,
                                                       top3, percent3, &text_bytes, &reliable);
  std::string code = CLD2::LanguageCode(lang);
  if (code == "un" || code == "xx") return "und";
  size_t dash = code.find('-');  // "zh-Hant" -> "zh"
  if (dash != std::string::npos) code.resize(dash);
  if (code == "iw") return "he";  // CLD2 keeps the withdrawn code for Hebrew
  return code;
}

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--whole") == 0) {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    std::cout << judge(ss.str()) << "\n";
    return 0;
  }
  std::string line;
  while (std::getline(std::cin, line)) std::cout << judge(line) << "\n";
  return 0;
}
