// The simple article-level language guess (replaced by the text-core issue's identifier).
#include <doctest/doctest.h>

#include "lang_detect.h"

using namespace px;

TEST_CASE("lang: article-length text in the full-analysis languages") {
  CHECK(guess_language("Japanese Prime Minister Shigeru Ishiba and NATO Secretary General Mark Rutte announced a new phase in defense industry cooperation on Wednesday.").code == "en");
  CHECK(guess_language("Tokio rüstet rasch auf und bemüht sich auch um eine bessere Zusammenarbeit mit dem NATO-Block, schreibt das Magazin in seinem Artikel.").code == "de");
  CHECK(guess_language("Mercoledì il primo ministro giapponese Shigeru Ishiba e il segretario generale della NATO Mark Rutte hanno concordato di intensificare la cooperazione.").code == "it");
  CHECK(guess_language("Le secrétaire général de l'OTAN a rencontré le Premier ministre japonais pour renforcer la coopération dans le domaine de la défense.").code == "fr");
  CHECK(guess_language("El secretario general de la OTAN se reunió con el primer ministro de Japón para reforzar la cooperación en materia de defensa.").code == "es");
  CHECK(guess_language("Генеральный секретарь НАТО Марк Рютте встретился с премьер-министром Японии Сигэру Исибой в Токио.").code == "ru");
  CHECK(guess_language("北大西洋条約機構のルッテ事務総長は東京で石破茂首相と会談した。").code == "ja");
  CHECK(guess_language("北约秘书长吕特在东京会见了日本首相石破茂。").code == "zh");
}

TEST_CASE("lang: other scripts, RTL flagged, unknowns") {
  CHECK(guess_language("한국과 일본은 방위 협력을 강화하기로 합의했다").code == "ko");
  CHECK(guess_language("الأمين العام لحلف الناتو يزور طوكيو").code == "ar");
  CHECK(is_rtl_language("ar"));
  CHECK(is_rtl_language("he"));
  CHECK_FALSE(is_rtl_language("en"));
  CHECK(guess_language("").code == "und");
  CHECK(guess_language("12345 !!!").code == "und");
  LanguageGuess g = guess_language("The minister said that the alliance is stronger than it has been for years, and that the two partners will work together.");
  CHECK(g.confidence > 0.5f);
  CHECK(g.confidence <= 1.f);
  CHECK(language_name("de") == "German");
}
