"""Tests for the Finnish free-text cue detector (bot.risk.cues)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.risk import build_lexicon
from bot.risk import model as model_module
from bot.risk.cues import CATEGORIES, CueDetector, default_detector
from bot.risk.cues_cli import run
from bot.risk.decide import OTHER_CATEGORIES, PatternView, decide
from bot.risk.lexicon import BASE_LEXICON_PATH, FORMS_PATH, LexiconError, load_lexicon
from bot.risk.model import MODEL_PATH, SAFETY_OUTPUT, Thresholds

ROOT = Path(__file__).resolve().parent.parent
DATASET = Path(__file__).resolve().parent / "data" / "cues_fi.tsv"
# The categories the old small labelled set covers in both of its splits (it predates the
# child-protection and concern-level kinds; bench/ measures those on the evaluation corpus).
OLD_SET_CATEGORIES = ("crisis", "detachment", "absence", "loneliness", "money", "sleep", "positive")


@pytest.fixture(scope="module")
def det() -> CueDetector:
    return CueDetector.load()


@pytest.fixture(scope="module")
def words_only() -> CueDetector:
    """The lexicon alone, without the model."""
    return CueDetector.load(use_model=False)


def cats(det: CueDetector, text: str) -> tuple[str, ...]:
    return det.detect(text).categories


# ----------------------------------------------------------------------------- lemmas


@pytest.mark.parametrize(
    "text",
    [
        "haluaisin kuolla",
        "halusin kuolla eilen",
        "toivon et kuolisin",
        "mietin itsemurhaa",
        "oon ajatellu itsemurhasta paljon",
        "itsemurha-ajatukset on palannu",
        "itsemurhaajatuksia on ollu",  # compound written without the hyphen
        "itse murhaa mietin usein",  # compound split by mistake
        "ITSARI käy mielessä",
    ],
)
def test_inflected_and_compound_crisis_forms(det: CueDetector, text: str) -> None:
    assert cats(det, text) == ("crisis",)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("koulukiusaamista on ollu jo vuoden", "bullying"),
        ("mua kiusattiin taas", "bullying"),
        ("kavereita ei oo yhtään", "loneliness"),
        ("sain kesäduunin", "positive"),
        ("ei oo rahaakaan", "money"),  # clitic -kaan
        ("kivaaaaa päivä", "positive"),  # chat elongation
        ("unirytmi on ihan sekasin", "sleep"),
    ],
)
def test_inflection_compounds_and_clitics(det: CueDetector, text: str, category: str) -> None:
    assert category in cats(det, text)


# ----------------------------------------------------------------------------- slang


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("mä haluun vaan kuolla", "crisis"),
        ("mä tapan itteni", "crisis"),
        ("en mä haluu elää enää", "crisis"),
        ("oon skipannu kaikki aamutunnit", "absence"),
        ("lintsasin taas", "absence"),
        ("en mee huomenna kouluun", "absence"),
        ("ei oo rahaa", "money"),
        ("rahat loppu taas", "money"),
        ("oon ihan pa", "money"),
        ("vituttaa koko koulu", "detachment"),
        ("vaihan alaa", "detachment"),
        ("en saanu nukuttua", "sleep"),
        ("oon tosi ylpee itestäni", "positive"),
    ],
)
def test_spoken_forms(det: CueDetector, text: str, category: str) -> None:
    assert category in cats(det, text)


def test_typo_tolerance_does_not_swallow_real_words(det: CueDetector) -> None:
    assert cats(det, "haluun kuollaa") == ("crisis",)  # one typing error
    assert cats(det, "haluun kuulla sun mielipiteen") == ()  # a real word, not a typo


# ----------------------------------------------------------------------------- negation


@pytest.mark.parametrize(
    "text",
    [
        "En ole ajatellut itsemurhaa",
        "en mä oo koskaan miettiny itsarii",
        "ei mulla oo mitään itsetuhosia ajatuksia",
        "emmä oo ikinä miettiny itsemurhaa",
        "en mä halua kuolla",
        "en oo koskaan viillelly",
    ],
)
def test_negated_crisis_is_a_review_note(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert not result.is_crisis
    assert result.categories == ()
    notes = result.review_notes
    assert notes
    assert notes[0].category == "crisis"
    assert notes[0].negated
    assert result.to_json()["matches"][0]["negated"] is True


@pytest.mark.parametrize(
    "text",
    [
        "en halua elää",
        "en jaksa enää elää",
        "ei oo mitään syytä elää",
        "mä en nää mitään järkeä elää",
        "haluun nukkua enkä herätä ikinä",
        "kaikilla olis helpompaa jos mua ei olis",
    ],
)
def test_negation_inside_the_pattern_is_crisis(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.is_crisis
    assert all(not m.negated for m in result.matches if m.category == "crisis")


@pytest.mark.parametrize(
    "text",
    [
        "en tiiä mitä teen, haluun kuolla",  # comma ends the scope
        "en tiiä mitä teen haluun kuolla",  # question word starts a new clause
        "en jaksa enää haluun vaan kuolla",  # a finite verb (haluun) starts a new clause
        "sä et ymmärrä mä haluun kuolla",  # new subject
        "haluun kuolla en jaksa",  # negation after the cue does not reach back
        # The negator governs one verb; "pitäis" is a second finite verb -> new clause.
        "mä en jaksa tätä kaikkea mun pitäis vaan tappaa itteni",
        "en jaksa tätä koulua mutta mietin itsaria",
    ],
)
def test_negation_scope_ends_at_clause_boundary(det: CueDetector, text: str) -> None:
    assert det.detect(text).is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "mie en saa niitä itsetuhosia ajatuksia pois",
        "mä en pysty lopettaa ajattelemasta itsaria",
        "en oo vieläkään lopettanu viiltelyä",
        "en pääse eroon ajatuksesta tappaa itteni",
    ],
)
def test_not_getting_rid_of_it_is_not_a_denial(det: CueDetector, text: str) -> None:
    # Not being able to stop something, or to be rid of it, says it is there.
    result = det.detect(text)
    assert result.crisis == "yes"
    assert any(m.category == "crisis" and not m.negated for m in result.matches)


@pytest.mark.parametrize(
    "text",
    [
        "en halua lopettaa elämääni, haluan vaan apua matikkaan",
        "en haluu lopettaa elämää tai mitään vaikka joskus on raskasta",
        "en halua pilata elämääni tällä tutkinnolla",
        "en halua tuhlata elämää kouluun josta en tykkää",
    ],
)
def test_not_wanting_to_end_or_waste_ones_life_is_not_a_crisis(det: CueDetector, text: str) -> None:
    # The verb of the denial is the pattern's own word ("lopettaa elämä"), or life is the
    # object of another verb ("pilata", "tuhlata"): nothing here wishes to die.
    result = det.detect(text)
    assert result.crisis == "no"
    assert not any(m.category == "crisis" and not m.negated for m in result.matches)


@pytest.mark.parametrize(
    "text",
    [
        "mä en oo viiltelly kuukauteen mut tänään tein taas",
        "lupasin itelleni etten satuta itteäni enää mutta eilen repsahdin",
        "en oo miettiny itsaria moneen kuukauteen, mut nyt ne ajatukset tuli uudestaan",
    ],
)
def test_a_denied_past_and_then_a_relapse_is_asked_about(det: CueDetector, text: str) -> None:
    # The model reads the words, not the denial, so however sure it is the student is asked
    # first; the denial alone would have let the relapse pass.
    result = det.detect(text)
    assert result.crisis == "ask"
    assert [m.level for m in result.matches if m.category == "crisis"] == ["ask"]


@pytest.mark.parametrize(
    "text",
    ["Poltan ihoani, kun ahdistus ei muuten helpota.", "raavin kättäni rikki ku ahdistaa"],
)
def test_a_possessive_suffix_does_not_hide_the_word(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis != "no"


def crisis_words(det: CueDetector, text: str) -> list[str]:
    """Levels of the crisis patterns that matched and were not denied."""
    return [m.level for m in det.detect(text).matches if m.category == "crisis" and not m.negated]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Standard Finnish writes a comma before "että"; the thought is the same without it.
        ("Toivon, että en herää huomenna.", "yes"),
        ("Toivon, että kuolisin pois.", "yes"),
        ("Voisitko kertoa äidilleni, että rakastan häntä?", "ask"),
        ("sano siskolle, et rakastan sitä", "ask"),
    ],
)
def test_a_comma_before_etta_does_not_split_the_thought(
    words_only: CueDetector, text: str, level: str
) -> None:
    assert level in crisis_words(words_only, text)
    assert crisis_words(words_only, text.replace(",", "")) == crisis_words(words_only, text)


def test_a_pattern_crossing_the_comma_still_stops_at_a_denial(words_only: CueDetector) -> None:
    # "toivoa että … kuolla" may skip a few words, never the negative verb before the last
    # one; and a comma still ends the denial before it.
    assert crisis_words(words_only, "toivon, että mun kissa ei kuole") == []
    assert crisis_words(words_only, "toivon että mun kissa ei kuole") == []
    assert crisis_words(words_only, "en usko, että haluan kuolla") == ["yes"]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("mie kaipaan kuolemaa joka päivä", "yes"),
        ("haluun lopettaa elämisen", "yes"),
        ("Kuoleminen tuntuu ainoalta vaihtoehdolta.", "yes"),
        ("miks mä ees synnyin tänne", "ask"),
        ("Opettelin netistä hirttosilmukan tekemisen.", "ask"),
        ("Olen niin väsynyt olemaan olemassa.", "yes"),
        ("mä oon vaan done with existing", "yes"),
        ("ajattelin ajaa mopolla suoraan rekkaa päin", "yes"),
        ("mä meen sillalta jokeen, ei kannata soittaa", "yes"),
        ("meinasin istua autoon tallissa moottori käynnissä", "ask"),
        ("Mietin usein, miltä tuntuisi vajota järven pohjaan.", "ask"),
        ("kiitos kaikki, minä menen pois nyt, olkaa onnellisia", "ask"),
        ("viimeset bileet mulle, sen jälkee häivyn kokonaan", "ask"),
        ("ne ajatukset on palannu, ne joista puhuttiin keväällä", "ask"),
        ("en saa tätä vuotoa loppumaan", "ask"),
    ],
)
def test_a_wish_to_die_in_other_words(words_only: CueDetector, text: str, level: str) -> None:
    # Said without "haluta kuolla": longing, ending one's living, death as the only way,
    # being tired of existing, methods in everyday words, farewells to everybody.
    assert crisis_words(words_only, text) == [level]


@pytest.mark.parametrize(
    "text",
    [
        "kaipaan kotiin ja mummoa",
        "elämisen taidot -kurssi oli kiva",
        "missä sä oot syntyny?",
        "ajoin mopolla kauppaan ja rekka tuli vastaan",
        "mennään sillalta rantaan uimaan",
        "auto jäi talliin, mennään bussilla",
        "oon väsynyt, menen nukkumaan",
    ],
)
def test_the_same_words_in_everyday_talk_are_no_crisis(words_only: CueDetector, text: str) -> None:
    assert crisis_words(words_only, text) == []


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("tää on mun viimenen päivä, kiitos kaikille", "yes"),
        ("Kiitos kaikesta, tämä oli viimeinen päiväni työssäoppimispaikalla.", "no"),
        ("viimenen päivä kesätöissä, kiitos kaikille", "no"),
        ("tänään on mun viimenen päivä harjottelussa", "no"),
        ("pidin jäähyväispuheen harkan viimesenä päivänä", "no"),
        ("tää oli mun viimenen ilta, kiitos kaikille", "yes"),
        # The job ending does not hide a method named beside it.
        ("viimeinen päivä töissä ja huomenna hyppään sillalta", "yes"),
    ],
)
def test_a_last_day_at_work_is_no_farewell(
    words_only: CueDetector, text: str, outcome: str
) -> None:
    assert words_only.detect(text).crisis == outcome


@pytest.mark.parametrize(
    "text",
    [
        "joku sano bussissa et se haluu kuolla mut se nauro",
        "cuttasin itteeni kokkiluokalla, vahinko vaan",
    ],
)
def test_somebody_elses_words_or_an_accident_are_asked_about_not_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "en voi mennä uimaan ku kaikki näkis mun arvet",
        "käytän pitkiä hihoja ettei näy mun haavoja",
        "miten piilotan nää viivat kesätöissä",
        "mun käsivarret on täynnä viivoja",
        "käsissä on tuoreet haavat enkä tiiä mitä sanon salilla",
        "palojäljet näkyy vieläkin vaikka peitän ne",
        "mun kädet on ku viivakoodi",
        "I wear long sleeves so nobody sees",
    ],
)
def test_marks_kept_out_of_sight_are_asked_about(words_only: CueDetector, text: str) -> None:
    # Self-harm is often told only through hiding its marks: long sleeves, scars others
    # would see, arms like a barcode.
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "en oo syöny kahteen päivään koska oon niin surkee",
        "en syö tänään ku mä epäonnistuin kokeessa",
        "skippasin kaikki ateriat koska oon ällöttävä",
        "sain taas huonon numeron joten en syö koko päivänä",
        "jos mä mokaan huomenna mä en saa syödä",
        "minun ei kuulu syödä",
        "oksennan ruuan pois koska mun pitää kärsiä",
        "skipping meals to punish myself",
    ],
)
def test_going_without_food_as_a_punishment_is_asked_about(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "en syöny mitään koska ruoka oli niin paskaa",
        "en syöny kun oli niin huono olo mahassa",
        "mun pitää kärsiä tää matikan tunti vielä",
        "en saa syödä ennen leikkausta",
        "piirrä viivat viivoittimella ja näytä opelle",
        "pitkähihainen paita ja farkut, mitä muuta tarvitsen harkkaan",
        "näin kaupassa sen tyypin jolla on arpi naamassa",
    ],
)
def test_bad_food_a_stomach_ache_or_a_scar_on_someone_else_is_no_crisis(
    words_only: CueDetector, text: str
) -> None:
    assert crisis_words(words_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "perjantaina kaikki on ohi",
        "sunnuntaina saatte rauhan musta",
        "en mä aio täyttää kahtakymppiä",
        "muistakaa mut hyvänä",
        "jos en vastaa viikonloppuna nii älä huolestu",
        "mun ei ois pitäny selvitä siitä",
        "mä teen sen ku porukat on reissussa",
        "meen järvelle yöllä ku muut nukkuu",
        "valehtelin äidille, mistä ne jäljet tuli",
        "parkkitalon kaide on tosi matala",
        "sieltä katolta on hyvä pudotus",
        "ostin paljon pillereitä ja otan ne kaikki",
        "meinasin ohjata mopon puuhun",
        "opettelin tekemään sen solmun netistä",
    ],
)
def test_plans_and_means_said_in_passing_are_asked_about(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "mulla on jo päivä valittu sille",
        "päivämäärä on päätetty, en kerro sitä kellekään",
        "faijan asekaapissa on se, yhellä laukauksella ois ohi",
        "yks luoti riittäis",
        "ope kysy mitä ranteelle tapahtui ja mä valehtelin",
        "valehtelin salilla et se oli kissa",
        "I lied about the cuts on my arm",
    ],
)
def test_a_day_decided_one_shot_or_a_lie_about_an_injury_is_asked_about(
    words_only: CueDetector, text: str
) -> None:
    # A plan is often only "it" with a day; self-harm only a story made up for the marks.
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "päivä on valittu meidän luokan pikkujouluille",
        "hirvijahdissa riitti yks laukaus",
        "valorantissa yhellä laukauksella voitettiin matsi",
        "valehtelin opelle et olin kipeä",
        "nukuin autossa koko matkan lappiin",
    ],
)
def test_a_party_day_a_hunt_a_game_or_a_nap_on_a_trip_is_not_asked_about(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "no"


@pytest.mark.parametrize(
    "text",
    [
        "pyöräilen aina päin punaisia, ihan sama jos rekka osuu",
        "aivan sama mitä mulle tapahtuu",
        "oon googlettanu kaikkea mitä ei pitäisi",
        "kirjoitin viestin jonka porukat löytää sitten",
        "en syö tänään, rangaistus itselleni",
        "katkes mun putki, 60 päivää meni hukkaan",
        "nollasin päivälaskurin eilen",
        "olin ollu puhdas kolme kuukautta ja eilen tein sen taas",
        "otin liikaa ja nyt alkaa huimaa",
        "istun kiskoilla taas",
    ],
)
def test_not_caring_if_hurt_a_broken_streak_or_too_much_taken_is_asked_about(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "rikoin duolingo-putken 😭",
        "katkes meidän snäppiputki",
        "oon ottanu liikaa pikalainoja ja nyt ne on perinnässä",
        "oon saanu elämän taas raiteilleen",
    ],
)
def test_an_app_streak_a_loan_or_life_on_track_is_not_asked_about(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "no"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("se sanoo et kaikki näkee ne jos en tee mitä se käskee", "ask"),
        ("jäin kotiin ku mulla on mustelmia kaulassa", "ask"),
        ("sain mustelman naamaan lätkämatsissa", "no"),
    ],
)
def test_coercion_or_bruises_kept_from_school_are_asked_about_as_child_protection(
    words_only: CueDetector, text: str, outcome: str
) -> None:
    result = words_only.detect(text)
    assert result.crisis == outcome
    if outcome == "ask":
        assert "child_protection" in {m.category for m in result.matches}


@pytest.mark.parametrize(
    "text",
    [
        "pelkään et mun veli tekee ittelleen jotain",
        "mun sisko sanoo et se tekee itselleen jotain",
        "äiti uhkaa et se satuttaa itseään jos muutan pois",
    ],
)
def test_somebody_else_hurting_themselves_is_asked_about_not_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    # A family member is not an `other_person` word (family hurts the writer too), but a
    # third-person reflexive says who acts: the writer is asked, the protocol does not start.
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "pelkään et mä teen itelleni jotain",
        "mä satutan itseäni taas",
        "mun pää sanoo koko ajan et mun pitäis tappaa itteni",
        "mä sanoin kaverille et mun pitäis vaan tappaa itteni",
    ],
)
def test_the_writers_own_reflexive_keeps_the_protocol(words_only: CueDetector, text: str) -> None:
    assert words_only.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "veli käski mun tappaa itteni",
        "luokan pojat kirjotti ryhmään et mun kannattais hypätä junan alle",
        "joku kommentoi mun postaukseen et sun pitäis kuolla",
        "ne huutelee käytävällä et mee hirttää ittes",
    ],
)
def test_being_told_to_die_is_asked_about_not_dropped(words_only: CueDetector, text: str) -> None:
    # The conventions label somebody else's "you should die" bullying, not the writer's own
    # crisis: the protocol does not start at once, but the student is always asked.
    assert words_only.detect(text).crisis == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "isä sano et se tappaa mut jos mä kerron",
        "se mies sano et mun pitää lähettää kuvia itestäni",
    ],
)
def test_a_threat_told_is_not_softened_as_being_told_to_die(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "harkka meni ok. tää on mun viimeinen viikko elossa",
        "en ole turvassa itseltäni tänään",
        "ready to die tbh, ei jaksa",
        "im going to do it tonight, sori",
        "ripping my skin again ja ei tunnu missään",
    ],
)
def test_the_last_week_alive_or_plain_english_inside_finnish_starts_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "im not ready to die lol, tää on vaan maanantai",
        "my friend is cutting again in that show",
        "vika viikko lomaa, sit takas kouluun",
    ],
)
def test_english_denied_or_told_about_and_a_holiday_week_are_not_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis != "yes"


@pytest.mark.parametrize(
    "text",
    [
        "kaikki on järjestetty ennen huomista",
        "myin kaiken ettei äidin tarvii maksaa mun hautajaisia",
        "terät on taas ollu käytössä",
        "lyön omaan päähän taas nyrkillä",
        "peitän jäljet meikillä joka aamu",
        "en mee uimaan koska noi arvet",
        "aloin taas viiltelemään",
        "menen jään alle",
        "jos en hyppää katolta tänään nii nähään huomenna",
    ],
)
def test_affairs_in_order_marks_covered_or_a_condition_with_a_method_are_at_least_asked(
    words_only: CueDetector, text: str
) -> None:
    # "jos en hyppää…" states a condition; it denies nothing.
    assert words_only.detect(text).crisis != "no"


@pytest.mark.parametrize(
    "text",
    [
        "mulla on kaikki valmiina huomista varten, laukku pakattu",
        "pilkkimään jään alle ei mennä",
        "laitoin meikkiä vanhan leikkausarven päälle valmistujaiskuviin",
        "jos en pääse kokeesta läpi mä kuolen häpeästä",
    ],
)
def test_a_packed_bag_ice_fishing_or_make_up_for_photos_is_not_asked_about(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "no"


def test_an_adult_asking_what_a_student_wears_is_asked_about_as_child_protection(
    words_only: CueDetector,
) -> None:
    result = words_only.detect("snäpissä yks aikuinen kyselee mitä mulla on päällä")
    assert result.crisis == "ask"
    assert "child_protection" in {m.category for m in result.matches}


@pytest.mark.parametrize(
    "text",
    [
        "ostin köyttä partioleirille",
        "hankin köyden kiipeilyyn",
        "puukko lipsahti kalaa perkatessa ja tuli syvä viilto",
        "viilsin käteen pahasti sipulia pilkkoessa",
    ],
)
def test_a_rope_for_scouts_or_a_cut_while_cooking_never_starts_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis != "yes"


def test_a_rope_bought_for_nothing_named_still_starts_the_protocol(words_only: CueDetector) -> None:
    assert words_only.detect("ostin eilen köyden").crisis == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "oon nukkunu autossa monta yötä",
        "asun nykyään autossa",
        "nukun rappukäytävässä taas",
        "been sleeping in my car since friday",
    ],
)
def test_sleeping_rough_night_after_night_is_asked_about_as_child_protection(
    words_only: CueDetector, text: str
) -> None:
    result = words_only.detect(text)
    assert result.crisis != "no"
    assert "child_protection" in {m.category for m in result.matches}


@pytest.mark.parametrize(
    "text",
    [
        "someone touched me while i was asleep at the party",
        "he groped me in the hallway",
        "a guy touched me and i said no",
    ],
)
def test_a_sexual_assault_told_in_english_starts_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    result = words_only.detect(text)
    assert result.crisis == "yes"
    assert "child_protection" in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "perjantaina kaikki kokeet on ohi",
        "mä teen sen läksyn ku muut on treeneissä",
        "opettelin kiipeilyhallissa kahdeksikkosolmun",
        "hitsatessa kipinä poltti ranteeseen pienen haavan",
        "ohjasin vahingossa ojaan ku oli liukasta",
        "Tämä on viimeinen viestini tänään, jatketaan huomenna.",
    ],
)
def test_an_exam_week_a_knot_for_climbing_or_a_welding_burn_is_not_the_protocol(
    words_only: CueDetector, text: str
) -> None:
    result = words_only.detect(text)
    assert result.crisis != "yes"
    assert not {"crisis.ask_all_over_on_a_day", "crisis.ask_knot"} & {
        m.pattern_id for m in result.matches
    }


@pytest.mark.parametrize(
    "text",
    [
        "yks mies pelistä pyytää multa kuvia ja sanoo ettei saa kertoa",
        "se tyyppi fortnitessa sano et se hakee mut autolla ja ettei saa kertoo mutsille",
        "joku äijä tiktokissa kiristää mua mun kuvilla",
        "faija hakkas mut taas, siks se essee on myöhässä",
    ],
)
def test_where_an_adult_found_the_writer_does_not_make_it_a_story(
    words_only: CueDetector, text: str
) -> None:
    # A game, TikTok or homework names where it happened; the writer is the one it happens to.
    assert words_only.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "luin kirjan jossa opettaja kosketteli oppilasta",
        "mä katoin leffan missä isä hakkas lapsiaan",
        "leffassa se pakotti sen tytön autoon mut se pääsi pakoon",
    ],
)
def test_a_story_the_writer_read_or_watched_stays_a_story(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis != "yes"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("tää amis ei oo mua varten", "detachment"),
        ("eroilmotus on jo täytetty", "detachment"),
        ("i'm gonna drop out", "detachment"),
        ("mul on viis tehtävää myöhässä", "detachment"),
        ("oon aina myöhässä", "absence"),
        ("missasin taas aamutunnit", "absence"),
        ("en mee enää liikkaan", "absence"),
        ("oon ku näkymätön tässä luokassa", "loneliness"),
        ("kaikki mun kaverit jäi vanhaan kaupunkiin", "loneliness"),
        ("no friends täällä", "loneliness"),
    ],
)
def test_leaving_lateness_and_being_unseen_said_in_everyday_words(
    words_only: CueDetector, text: str, category: str
) -> None:
    assert category in cats(words_only, text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("juna oli myöhässä", "absence"),
        ("erosin poikaystävästä", "detachment"),
        ("puhelin oli hiljaa koko tunnin, hyvä", "loneliness"),
    ],
)
def test_a_late_train_or_a_breakup_is_not_that(
    words_only: CueDetector, text: str, category: str
) -> None:
    assert category not in cats(words_only, text)


def test_spoken_et_is_that_not_negation(det: CueDetector) -> None:
    # "et" = "että": "mietin et lopetan" is a plan to quit, not a negated one.
    assert cats(det, "mietin et lopetan koko koulun") == ("detachment",)


def test_negation_applies_to_other_categories(det: CueDetector) -> None:
    result = det.detect("en oo lintsannu kertaakaan tänä vuonna")
    assert result.categories == ()
    assert [m.category for m in result.review_notes] == ["absence"]
    assert cats(det, "ei ollu kiva päivä") == ()


# ----------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    "text",
    [
        "koulu on tappavan tylsää",
        "kuolen nauruun",
        "kuolin nauruun ku ope kaatu",
        "tapan aikaa pelaamalla",
        "kuolin kun näin sen",
        # Decision (documented in lexicon_fi.yaml): "X tappaa mut" is hyperbole.
        "tää matikka tappaa mut",
        "mä kuolen nälkään",
        "mä kuolen tylsyyteen tällä tunnilla",
        "moottori räjähti kesken ajon",
        "ammuin koko vihollistiimin pelissä",
        "pelissä mä hakkasin sen bossin",
        "akku kuoli kesken päivän",
        "ope valvoo koetta",
    ],
)
def test_figures_of_speech_do_not_fire(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert not result.is_crisis
    assert "sleep" not in result.categories
    assert not [m for m in result.matches if m.category == "crisis"]


def test_threats_and_violence_are_crisis(det: CueDetector) -> None:
    for text in (
        "mä tapan sen jätkän",
        "kotona faija uhkas tappaa mut",
        "mun isäpuoli lyö mua",
        "se sano et se tuo aseen kouluun",
        "poikakaveri pakotti mut seksiin",
    ):
        assert det.detect(text).is_crisis, text


# ----------------------------------------------------------------------------- multi-word


def test_multi_word_patterns(det: CueDetector) -> None:
    assert cats(det, "haluun lopettaa koulun") == ("detachment",)
    assert cats(det, "haluisin lopettaa kaiken") == ("crisis",)
    assert cats(det, "haluun vaihtaa alaa") == ("detachment",)
    assert "detachment" in cats(det, "en jaksa mitään")
    assert cats(det, "ei oo kavereita") == ("loneliness",)
    # Too far apart: no pattern across a long stretch of unrelated words.
    assert cats(det, "lopetin sen pelin ja koko päivä meni koulun tehtäviin") == ()


def test_crisis_absorbs_weaker_cues_in_the_same_words(det: CueDetector) -> None:
    assert cats(det, "en jaksa enää elää") == ("crisis",)
    assert cats(det, "ois kiva vaan kadota") == ("crisis",)


@pytest.mark.parametrize(
    "text",
    [
        "ei kukaan välitä musta ja mä oon miettiny et ois helpompi kuolla",
        "en haluu olla enää olemassa",
        "haluun vaan et tää kaikki loppuu",
        "mä haluun vaan nukkua ikuisesti",
        "tekis mieli kuolla",
        "mä oon niin väsyny elämään",
        "En saa unta ja haluun kuolla",  # a wide negated match must not hide this one
    ],
)
def test_indirect_crisis_wordings(det: CueDetector, text: str) -> None:
    assert det.detect(text).is_crisis


def test_multi_category_order_and_sentence(det: CueDetector) -> None:
    text = "Eilen oli kiva päivä. En saa unta ja haluun kuolla!"
    result = det.detect(text)
    # Safety first, then the everyday kinds in their order. "kiva päivä" beside a wish to die
    # is not counted as positive: the model does not confirm it. (Whether it confirms the
    # sleeplessness here is the model's call: the pattern's match is kept either way.)
    assert result.categories[0] == "crisis"
    assert "positive" not in result.categories
    assert list(result.categories) == sorted(result.categories, key=CATEGORIES.index)
    assert any(m.pattern_id == "sleep.cant_sleep" and not m.negated for m in result.matches)
    crisis = next(m for m in result.matches if m.category == "crisis")
    assert crisis.evidence == "haluun kuolla"
    assert crisis.sentence == "En saa unta ja haluun kuolla!"
    assert crisis.pattern_id == "crisis.want_die"


def test_result_json_shape(det: CueDetector) -> None:
    data = det.detect("ei oo rahaa").to_json()
    assert data["categories"] == ["money"]
    assert data["crisis"] == "no"
    assert data["child_protection"] is False
    assert set(data["matches"][0]) == {
        "category",
        "pattern_id",
        "evidence",
        "sentence",
        "negated",
        "level",
    }
    assert json.loads(json.dumps(data)) == data


def test_empty_and_noise(det: CueDetector) -> None:
    for text in ("", "   ", "😂😂", "ok", "?!"):
        result = det.detect(text)
        assert (result.categories, result.matches, result.crisis) == ((), (), "no")


# ----------------------------------------------------------------------------- extension


def test_edited_school_file_is_reloaded(tmp_path: Path) -> None:
    extra = tmp_path / "school.yaml"
    extra.write_text("categories: {}\n", encoding="utf-8")
    # The base detector may see vaping as substance use; absence is the school's own reading.
    assert "absence" not in CueDetector.load([extra]).detect("vapetan tunnilla").categories
    extra.write_text(
        'categories:\n  absence:\n    - id: s.vape\n      match: ["vapettaa tunti"]\n',
        encoding="utf-8",
    )
    stat = extra.stat()
    os.utime(extra, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "absence" in CueDetector.load([extra]).detect("vapetan tunnilla").categories


def test_school_extension_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "school.yaml"
    extra.write_text(
        """
forms:
  vapetan: vapettaa
categories:
  absence:
    - id: school.absence.vape
      match: ["vapettaa koulu|tunti"]
  positive:
    # Replaces the default entry with the same id: this school does not count "kiva".
    - id: positive.going_well
      match: ["mennä hyvin"]
  money:
    - id: school.money.bus
      match: ["NEG bussikortti"]
""",
        encoding="utf-8",
    )
    base = CueDetector.load()
    school = CueDetector.load(extra_lexicons=[extra])
    assert "absence" in school.detect("vapetin vessassa koulun aikana").categories
    assert "absence" in school.detect("vapetan koulussa").categories
    # A lemma not in the compiled table still matches its inflections by stem prefix.
    assert "money" in school.detect("ei oo bussikorttia").categories
    # The replaced entry no longer matches (the model's own judgement is not a lexicon entry).
    assert "positive.going_well" not in {m.pattern_id for m in school.detect("kiva").matches}
    assert "positive.going_well" in {m.pattern_id for m in base.detect("kiva").matches}
    # Other default entries are untouched.
    assert school.detect("mä haluun kuolla").is_crisis


def test_bad_lexicon_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n  drugs:\n    - id: x\n      match: [huume]\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_lexicon([BASE_LEXICON_PATH, bad])


def test_default_detector_is_a_singleton() -> None:
    assert default_detector() is default_detector()


def test_runtime_does_not_import_simplemma() -> None:
    code = (
        "import sys\n"
        "from bot.risk.cues import default_detector\n"
        "assert default_detector().detect('mä haluun kuolla').is_crisis\n"
        "print('simplemma' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------- CLI


def test_cli_single_text() -> None:
    buf = io.StringIO()
    assert run("mä haluun vaan kuolla", None, buf) == 0
    lines = buf.getvalue().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) == {"categories", "crisis", "child_protection", "matches"}
    assert data["categories"] == ["crisis"]
    assert data["crisis"] == "yes"
    assert "mä" not in lines[0] or "ä" in lines[0]  # ensure_ascii=False keeps ä as is
    assert "\\u00e4" not in lines[0]


def test_cli_file(tmp_path: Path) -> None:
    src = tmp_path / "msgs.txt"
    src.write_text("ei oo rahaa\n\nen saa unta\n", encoding="utf-8")
    buf = io.StringIO()
    assert run(None, src, buf) == 0
    rows = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert [r["categories"] for r in rows] == [["money"], [], ["sleep"]]


def test_cli_needs_exactly_one_input() -> None:
    assert run(None, None, io.StringIO()) == 2


# ----------------------------------------------------------------------------- data sync


def test_compiled_forms_in_sync_with_lexicon() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.risk.build_lexicon", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr


def test_check_detects_a_stale_table(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon_fi.yaml"
    forms = tmp_path / "fi_forms.json"
    shutil.copy(BASE_LEXICON_PATH, lexicon)
    shutil.copy(FORMS_PATH, forms)
    argv = ["--check", "--fast", "--lexicon", str(lexicon), "--out", str(forms)]
    assert build_lexicon.main(argv) == 0
    with lexicon.open("a", encoding="utf-8") as fh:
        fh.write("\n# a school edited this\n")
    assert build_lexicon.main(argv) == 1


# ----------------------------------------------------------------------------- labelled set


def _dataset() -> list[tuple[str, frozenset[str], str]]:
    rows = []
    for line in DATASET.read_text(encoding="utf-8").splitlines()[1:]:
        text, labels, split = line.split("\t")
        rows.append((text, frozenset(x for x in labels.split(",") if x), split))
    return rows


def test_dataset_shape() -> None:
    rows = _dataset()
    assert len(rows) >= 240
    assert {r[2] for r in rows} == {"dev", "holdout"}
    n_dev = sum(1 for r in rows if r[2] == "dev")
    assert abs(n_dev / len(rows) - 0.6) < 0.01
    # dev is the first 60 %, holdout the rest
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), key=lambda s: s != "dev")
    for _, labels, split in rows:
        assert labels <= set(CATEGORIES)
        assert split in {"dev", "holdout"}
    for cat in OLD_SET_CATEGORIES:
        for split in ("dev", "holdout"):
            assert any(cat in r[1] and r[2] == split for r in rows), (cat, split)


def test_labelled_set_targets(det: CueDetector) -> None:
    rows = _dataset()
    tp = dict.fromkeys(CATEGORIES, 0)
    fp = dict.fromkeys(CATEGORIES, 0)
    fn = dict.fromkeys(CATEGORIES, 0)
    for text, gold, _ in rows:
        pred = set(det.detect(text).categories)
        for cat in CATEGORIES:
            tp[cat] += cat in pred and cat in gold
            fp[cat] += cat in pred and cat not in gold
            fn[cat] += cat not in pred and cat in gold
    recall = {c: tp[c] / (tp[c] + fn[c]) for c in OLD_SET_CATEGORIES}
    precision_crisis = tp["crisis"] / (tp["crisis"] + fp["crisis"])
    # Threats and violence against others are "ask" now (the bot checks first), so the old
    # set's crisis rows are measured as the three-way outcome: yes or ask.
    outcomes = [det.detect(text).crisis for text, gold, _ in rows if "crisis" in gold]
    assert sum(o != "no" for o in outcomes) / len(outcomes) >= 0.95
    assert precision_crisis >= 0.85, precision_crisis
    assert recall["crisis"] >= 0.8, recall
    for cat in OLD_SET_CATEGORIES[1:]:
        assert recall[cat] >= 0.8, (cat, recall[cat])


def test_a_pasted_string_is_not_analysed_as_a_word_and_a_cue_after_it_is_found() -> None:
    # A 4,000-letter "word" took seconds to analyse (compound splits and typo variants grow
    # with the square of its length); it is no word, so it is skipped, not the text after it.
    result = default_detector().detect("x" * 4000 + " mä haluun vaan kuolla")
    assert result.categories == ("crisis",)
    assert default_detector().detect("kiusattu" * 500).categories == ()


# ----------------------------------------------------------------------------- three outcomes


@pytest.mark.parametrize(
    "text",
    [
        "tahtoisin vaan kuolla",
        "kunpa en heräis huomenna",
        "mietin et hyppään sillalta",
        "kirjoitin jo jäähyväiskirjeen",
    ],
)
def test_clear_crisis_is_yes(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis == "yes"
    assert result.is_crisis
    assert not result.child_protection
    assert "crisis" in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "en jaksa enää",
        "en kestä enää",
    ],
)
def test_unsure_safety_cues_ask(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis == "ask"
    assert not result.is_crisis
    assert "crisis" not in result.categories  # ask-level is not a detected crisis
    assert result.ask_matches


def test_numbness_the_model_reads_as_hopelessness_reaches_the_coach_as_a_concern(
    det: CueDetector,
) -> None:
    # An ask-level pattern the model finds very unlikely to be a crisis is not asked about
    # (the ask veto, decide.py); what the student wrote still reaches the coach.
    result = det.detect("mikään ei tunnu miltään")
    assert result.crisis == "no"
    assert "hopelessness" in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "mut raiskattiin bileissä",
        "yks aikuinen mies pyytää multa nudeja",
        "se uhkaa levittää mun kuvat jos en maksa",
        "en uskalla mennä kotiin",
        "mut heitettiin pihalle eikä oo paikkaa missä nukkua",
    ],
)
def test_child_protection_is_its_own_kind(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis == "yes"
    assert result.child_protection
    assert "child_protection" in result.categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("oksennan aina syömisen jälkeen", "eating"),
        ("en oo syöny kolmeen päivään", "eating"),
        ("juon joka ilta yksin ja se alkaa pelottaa", "substance"),
        ("mua kiusataan joka päivä", "bullying"),
    ],
)
def test_concern_level_kinds(det: CueDetector, text: str, category: str) -> None:
    result = det.detect(text)
    assert category in result.categories
    assert result.crisis == "no"


def test_engine_knows_every_cue_category() -> None:
    from bot.engine.conditions import CUE_CATEGORIES

    assert CUE_CATEGORIES == CATEGORIES


def test_shipped_model_is_built_from_the_committed_data() -> None:
    # The model's stored digest covers the lexicon, the compiled forms and every training
    # file: editing any of them without `python -m bot.risk.build_model` fails here.
    from bot.risk import build_model

    assert build_model.main(["--check"]) == 0


def test_the_model_finds_every_feature_by_its_hash_and_nothing_else() -> None:
    features = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["vocabulary"]
    vocabulary = model_module._Vocabulary.build(features)
    assert all(vocabulary.row(f) == row for row, f in enumerate(features))
    assert vocabulary.row("w:tätäsanaaeiolemallissa") is None


def test_features_that_share_a_hash_keep_their_own_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forced: "kuolla" and "koulu" hash alike, so both live beside the hashes, by name.
    monkeypatch.setattr(
        model_module, "hash", lambda f: 7 if f in ("kuolla", "koulu") else len(f), raising=False
    )
    vocabulary = model_module._Vocabulary.build(["kuolla", "uni", "koulu", "raha"])
    assert [vocabulary.row(f) for f in ("kuolla", "uni", "koulu", "raha")] == [0, 1, 2, 3]
    assert vocabulary.collided == {"kuolla": 0, "koulu": 2}
    assert vocabulary.row("xy") is None


def test_model_check_notices_changed_training_data(tmp_path: Path) -> None:
    from bot.risk import build_model

    extra = tmp_path / build_model.TRAINING_FILES[-1].name
    shutil.copy(build_model.TRAINING_FILES[-1], extra)
    files = (*build_model.TRAINING_FILES[:-1], extra)
    assert build_model.training_digest(files) == build_model.training_digest()
    with extra.open("a", encoding="utf-8") as fh:
        fh.write("uusi viesti\tno\t\tneutral_smalltalk\tspoken\n")
    assert build_model.training_digest(files) != build_model.training_digest()


# ----------------------------------------------------------------------------- issue 15 kinds
# Our own sentences (not from the evaluation corpus), one or more registers per kind.


@pytest.mark.parametrize(
    "text",
    [
        "tahtoisin nukahtaa enkä enää herätä",  # other wish verb, passive wish
        "toivon että en heräisi huomenna",
        "mä rukoilen et kuolisin",
        "haluisin vaan kadota lopullisesti",  # particle in between
        "minä haluan kuolla",  # learners' Finnish
        "i want to die",  # English
        "haluun kuolla 😭",  # emoji
        "mietin et hyppään sillalta alas",  # heights
        "meen junan alle",  # trains
        "otan kaikki unilääkkeet kerralla tänä yönä",  # pills all at once
        "mulla on köysi valmiina",  # rope
        "kirjoitin jäähyväiskirjeen äidille",  # farewell letter
        "annoin kaikki mun tavarat pois, en tarvii niitä enää",  # giving things away
        "poltin itteäni tupakalla",  # self-harm: burning
        "hakkaan päätä seinään kunnes sattuu",  # hitting
        "en ansaitse syödä tänään",  # starving as punishment
        "viiltelin taas illalla",
    ],
)
def test_crisis_kinds_are_yes(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis == "yes", result
    assert "crisis" in result.categories
    assert not result.child_protection


@pytest.mark.parametrize(
    "text",
    [
        "mut raiskattiin viikonloppuna",  # passive
        "joku aikuinen mies pyytää multa kuvia snäpissä",  # grooming
        "ex uhkaa laittaa mun nudet nettiin",  # sextortion
        "isäpuoli lyö mua kun se on kännissä",  # violence at home
        "en uskalla mennä kotiin ku faija on humalassa",  # afraid to go home
        "mut heitettiin kotoa pihalle",  # thrown out
        "minä pelkään isä",  # learners' Finnish
    ],
)
def test_child_protection_kinds_are_yes(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis == "yes", result
    assert result.child_protection
    assert "child_protection" in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "tää koe tappaa mut",  # figure of speech
        "kuolen nälkään",
        "leikkasin sormeen vahingossa leipäveitsellä",  # accident
        "poltin käden uunissa",
        "katoin leffan jossa päähenkilö tappaa ittensä",  # film
        "en oo koskaan miettiny itsaria",  # negated
        "tapoin sen kokeen, sain kympin",
    ],
)
def test_hard_negatives_are_no(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis == "no"


@pytest.mark.parametrize(
    "text",
    [
        "faijan ase on kaapissa ja tiiän missä avain on",  # a weapon at home, intent unsaid
        "meillä on isän ase kaapissa ja tiiän missä avain on",
    ],
)
def test_means_without_said_intent_are_never_missed(det: CueDetector, text: str) -> None:
    # "yes" or "ask" (the model decides which): the student is never read past.
    assert det.detect(text).crisis in ("yes", "ask")


@pytest.mark.parametrize(
    "text",
    [
        "haluun kuolla xD jk",  # a joke mark: not acted on at once, but checked
        "mun kaveri sanoo et se haluu kuolla",  # a friend's words: never "yes"
    ],
)
def test_softened_wishes_are_never_yes(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis != "yes"
    assert "crisis" not in result.categories


def test_cli_file_gives_the_three_outcomes_in_order(tmp_path: Path) -> None:
    src = tmp_path / "msgs.txt"
    src.write_text(
        "mä haluun vaan kuolla\nen jaksa enää\n\nmut raiskattiin\ntää koe tappaa mut\n",
        encoding="utf-8",
    )
    buf = io.StringIO()
    assert run(None, src, buf) == 0
    rows = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert [r["crisis"] for r in rows] == ["yes", "ask", "no", "yes", "no"]
    assert [r["child_protection"] for r in rows] == [False, False, False, True, False]
    assert rows[3]["categories"] == ["child_protection"]


@pytest.mark.parametrize(
    "text",
    [
        "mietin et hukuttautuisin tänä yönä",  # drowning oneself, no "suicide" word
        "ajattelin hirttäytyä vintille",
        "googlasin eilen keinoja kuolla",  # ways to die
        "vedin äsken ihan liikaa pillereitä",  # an overdose taken now
        "mä oon jo ottanu tosi paljon nappeja",
        "painoin tupakan ihoon tahallani",  # burning
        "revin ihoa käsistä verille taas",  # scratching
        "jätin syömättä koko päivän rangaistukseksi",  # starving as punishment
        "seison sillan kaiteella",  # a place, now
    ],
)
def test_means_and_acts_without_the_suicide_word_are_yes(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis == "yes", det.detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "se pakotti mua vaikka mä itkin",  # the perpetrator is "se": the writer takes part
        "joku koski minua ilman lupaa juhlissa",
        "se tyyppi on 40 ja käskee pitää tän meidän välillä, pitäiskö mun mennä",
        "isäpuoli sanoi et se tappaa mut jos kerron",
        "pelottaa olla himassa iltaisin",
        "kuvani julkaistaan jos en maksa sille",
    ],
)
def test_child_protection_with_a_perpetrator_in_it_is_not_softened(
    det: CueDetector, text: str
) -> None:
    result = det.detect(text)
    assert result.crisis == "yes", result
    assert result.child_protection


@pytest.mark.parametrize(
    "text",
    [
        "mun kaveri kertoi et sen isä hakkaa sitä",  # a friend's trouble: worry, not "yes"
        "mun frendi sanoo et se haluu kuolla",
    ],
)
def test_a_friends_trouble_stays_softened(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis != "yes"


# Everyday mentions of what methods and preparations also name. The statistical model weighs
# words by how crisis messages use them, so one plain mention may now and then be asked about
# ("are you safe?" is a question, not the crisis protocol); issue 15 allows ≤ 10 % of other
# messages to be asked about, and none may start the crisis protocol.
EVERYDAY_LOOKALIKES = (
    "otin särkylääkkeen päänsärkyyn niinku aina",
    "ostin narua kiipeilyä varten",
    "kävin eilen uimassa järvessä",
    "heitettiin ulos luokasta ku puhuttiin liikaa",
    "tumppasin tupakan tuhkakuppiin",
    "juna oli taas myöhässä, tuun vähä myöhemmin",
    "mentiin kavereiden kaa sillalle kattoo auringonlaskua",
    "harjottelussa tänään kattotöitä, ihan siistii",
    "haen apteekista allergialääkkeet koulun jälkeen",
    "leikkasin sipulit kokkitunnilla ja sormet säilyi",
    "viimenen koe tällä viikolla, sit loma",
    "annoin vanhat vaatteet kirpparille",
    "mennään mökille, siellä ei oo nettiä koko viikonloppuna",
    "isän kanssa hirvijahtiin lauantaina",
    "ajotunti meni hyvin, moottoritielläki ajettiin",
    "metrossa oli ihan täyttä aamulla",
    "ostin uuden vyön farkkuihin",
    "avantouinti oli kylmää mut tosi virkistävää",
    "lähden nyt kotiin, nähään huomenna",
    "hyppäsin trampoliinilla koko illan pikkuveljen kaa",
    "autotallissa korjattiin mopoa iskän kanssa",
    "jätin hyvästit harjottelupaikan porukalle, kiva paikka oli",
    "nukuin koko viikonlopun, nyt on hyvä olo",
    "terveydenhoitaja anto laastarin ku kaaduin pyörällä",
)


def test_everyday_lookalikes_of_the_new_kinds_are_rarely_asked_and_never_alarmed(
    det: CueDetector,
) -> None:
    outcomes = {text: det.detect(text).crisis for text in EVERYDAY_LOOKALIKES}
    assert [t for t, o in outcomes.items() if o == "yes"] == []
    asked = [t for t, o in outcomes.items() if o == "ask"]
    assert len(asked) <= len(EVERYDAY_LOOKALIKES) // 10, asked


@pytest.mark.parametrize(
    "text",
    [
        "Hei taas",
        "moi taas",
        "taas tiistai",
        "nyt on taas ruokatauko",
        "huomenna taas töihin",
        "olin taas eilen salilla",
        "kaikki meni ihan ok",
        "aina sama juttu bussin kanssa",
    ],
)
def test_everyday_words_alone_are_not_asked_about(det: CueDetector, text: str) -> None:
    """Common words that crisis messages also use ("taas", "aina", "kaikki") are no danger
    sign on their own: a returning student's "Hei taas" got the safety question once."""
    assert det.detect(text).crisis == "no"


@pytest.mark.parametrize(
    "text",
    [
        "toivon et mun elämä loppuis tähän",  # one's life ending, wished
        "mun elämä saa päättyä nyt",
        "kuolema on mun ainoa ulospääsy",  # death as the only way out
        "ainoo ratkaisu on kuolla",
        "ei oo muuta keinoo ku kuolla",  # a negation that does not deny it
        "haluun lähtee tästä elämästä",  # leaving life itself
        "unalive itteni tänään",
        "haluisin pois kaikesta lopullisesti",
    ],
)
def test_ending_ones_life_said_sideways_is_yes(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis == "yes", det.detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "mä luovutan tän kurssin suhteen",  # the same verbs about a course, a game, a place
        "ainoo ratkaisu on lukea koko yö",
        "peli on ohi ja mä luovutin",
        "ei oo muuta keinoa ku tehdä se esitelmä uudestaan",
    ],
)
def test_ending_a_course_or_a_game_is_not_crisis(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis == "no", det.detect(text)


def test_a_denied_joke_does_not_soften(words_only: CueDetector) -> None:
    _, joking = words_only.pattern_features("haluun kuolla lol")
    _, meant = words_only.pattern_features("haluun kuolla, ei oo läppä")
    assert joking.softened
    assert not meant.softened


@pytest.mark.parametrize(
    "text",
    [
        "haluun kuolla lol, not even joking tällä kertaa",
        "haluun kuolla 😂 ei oo läppä",
        "i want to die, not joking xd",
    ],
)
def test_a_denied_joke_cancels_every_laugh_in_the_message(
    words_only: CueDetector, text: str
) -> None:
    # A nervous laugh beside "I mean it" does not make it a joke.
    assert not words_only.pattern_features(text)[1].softened


@pytest.mark.parametrize(
    "text",
    [
        "tapan itteni jos tää jono ei liiku 😂 jk jk",
        "hyppään kohta ikkunasta jos tää tunti ei lopu 😂 jk",
        "no läppä, en mä oikeesti hyppää sillalta",
    ],
)
def test_a_negation_of_something_else_does_not_deny_the_joke(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.pattern_features(text)[1].softened


@pytest.mark.parametrize(
    "text",
    [
        "mun playlist hautajaisiin on jo valmis, no cap",
        "hei kaikki, kiitti et ootte ollu, nähään joskus toisella puolella",
        "kerro äidille et rakastan sitä",
        "jos minä kuolen, kukaan ei ikävöi. parempi niin",
    ],
)
def test_a_goodbye_in_passing_is_asked_about(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis != "no"


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        # homework, a film or a friend named in another sentence than the crisis itself
        ("Ryhmätyö meni hyvin. Mutta mietin joka ilta itseni tappamista.", {"media"}),
        ("Katoin leffan kaverin kanssa. Kotona mä halusin taas kuolla.", {"media"}),
        ("Kaveri sano et se on ihan ok nyt. Viiltelen silti joka ilta.", {"other_person"}),
        # ... and beside it
        ("teen esitelmää itsemurhista", set()),
        ("mun kaveri sano et se haluu kuolla", set()),
        ("haluun kuolla lol", set()),
    ],
)
def test_the_model_is_told_whether_a_softener_stands_beside_the_crisis(
    words_only: CueDetector, text: str, apart: set[str]
) -> None:
    features, view = words_only.pattern_features(text)
    assert view.softened
    assert {f.removeprefix("xf:") for f in features if f.startswith("xf:")} == apart


def _safety_only(veto: float = 0.05, ask_veto: float = 0.01) -> Thresholds:
    """Thresholds that never confirm a category: these tests look at the safety outcome."""
    never = dict.fromkeys(OTHER_CATEGORIES, 1.0)
    return Thresholds(0.5, 0.9, veto, never, never, ask_veto=ask_veto)


def _view(**kinds: frozenset[str]) -> PatternView:
    return PatternView(
        yes_kinds=kinds.get("yes", frozenset()),
        ask_kinds=kinds.get("ask", frozenset()),
        categories=frozenset(),
    )


def _probs(safety: float) -> dict[str, float]:
    return {SAFETY_OUTPUT: safety, "crisis": safety, "child_protection": 0.0} | dict.fromkeys(
        OTHER_CATEGORIES, 0.0
    )


def test_the_ask_veto_drops_only_a_wide_patterns_question() -> None:
    th = _safety_only()
    wide = _view(ask=frozenset({"crisis"}))
    clear = _view(yes=frozenset({"crisis"}))
    # The model, reading the whole message, is sure it is harmless: no question.
    assert decide(wide, _probs(0.005), th).outcome == "no"
    assert decide(wide, _probs(0.02), th).outcome == "ask"
    # A clear pattern is never silenced: at worst it is asked about.
    assert decide(clear, _probs(0.0), th).outcome == "ask"
    assert decide(clear, _probs(0.3), th).outcome == "yes"


def test_a_wide_pattern_never_holds_back_what_the_model_would_say_alone() -> None:
    th = _safety_only()
    wide = _view(ask=frozenset({"crisis"}))
    bare = _view()
    # Without any pattern a sure model starts the protocol; a rope or a bridge named beside
    # it is more evidence, not less.
    assert decide(bare, _probs(0.95), th).outcome == "yes"
    assert decide(wide, _probs(0.95), th).outcome == "yes"
    # ... and with the pattern's evidence the model need only be fairly sure (PATTERN_YES).
    assert decide(bare, _probs(0.85), th).outcome == "ask"
    assert decide(wide, _probs(0.85), th).outcome == "yes"
    assert decide(wide, _probs(0.75), th).outcome == "ask"
    softened = replace(wide, softened=True)
    assert decide(softened, _probs(0.95), th).outcome == "ask"
    # A denied past and then a relapse: the model does not see the denial, so it only asks.
    relapse = replace(wide, relapse=True)
    assert decide(relapse, _probs(0.99), th).outcome == "ask"


def test_a_denial_the_model_doubts_is_asked_about_never_more() -> None:
    # "en viillä syvälle, vaa sen verran et tuntuu jotain" denies the depth, not the act: when
    # the model is sure of a crisis the student is asked, and a denial never starts the
    # protocol; a denial the model believes passes quietly, and so does a denied danger at
    # home ("ei se isä lyö mua enää").
    th = _safety_only()
    denied = replace(_view(), negated_only=True)
    assert decide(denied, _probs(0.89), th).outcome == "no"
    assert decide(denied, _probs(0.9), th).outcome == "ask"
    assert decide(denied, _probs(1.0), th).outcome == "ask"
    home = _probs(0.95) | {"crisis": 0.1, "child_protection": 0.95}
    assert decide(denied, home, th).outcome == "no"


@pytest.mark.parametrize(
    "text",
    [
        # a method named and the intent said around it, without any words for dying
        "mulla on köysi jo kaapissa ja tiiän mihin sen laitan",
        "mä meen radalle illalla kun junat kulkee ei tarvi enää herätä",
    ],
)
def test_a_method_with_the_intent_around_it_starts_the_protocol(
    det: CueDetector, text: str
) -> None:
    assert det.detect(text).crisis == "yes"


def test_an_ordinary_errand_with_a_method_word_is_not_the_protocol(det: CueDetector) -> None:
    assert det.detect("hain köyden rautakaupasta veneeseen").crisis != "yes"


@pytest.mark.parametrize(
    "text",
    [
        # reported by a classmate, with a joke mark, or as one's own threat
        "se jätkä sano et se ampuu koulussa huomenna",
        "kuulin et yks meiän luokalta tuo aseen kouluun maanantaina",
        "mun luokkalainen uhkas et se räjäyttää koulun lol",
        "mä ammun kaikki huomenna koulussa",
    ],
)
def test_a_threat_to_attack_the_school_starts_the_protocol_whoever_reports_it(
    det: CueDetector, text: str
) -> None:
    assert det.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "uutisissa oli et joku uhkas ampua koulussa",  # news
        "pelissä ammuin koko koulun tyhjäks",  # a game
        "mentiin ampumaradalle koulun kanssa ampumaan maaliin",  # a shooting range
        "en mä oikeesti tuo asetta kouluun",  # denied
    ],
)
def test_told_about_or_denied_a_school_attack_is_not_the_protocol(
    det: CueDetector, text: str
) -> None:
    assert det.detect(text).crisis != "yes"


def test_a_firm_threat_is_not_argued_away_by_the_model() -> None:
    th = _safety_only(veto=0.2)
    reported = PatternView(
        yes_kinds=frozenset({"crisis"}),
        ask_kinds=frozenset(),
        categories=frozenset(),
        softened=True,
        firm=True,
    )
    assert decide(reported, _probs(0.0), th).outcome == "yes"
    assert decide(reported, None, None).outcome == "yes"
    assert decide(replace(reported, firm=False), _probs(0.3), th).outcome == "ask"


def test_firm_is_only_for_a_crisis_yes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "categories:\n  crisis:\n    - id: x\n      level: ask\n      firm: true\n"
        "      match: [silta]\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError):
        load_lexicon([BASE_LEXICON_PATH, bad])


def test_a_text_read_again_gives_the_same_result_and_the_memory_stays_bounded() -> None:
    # A typed answer is read at the crisis screen and again when its check-in completes; the
    # second read reuses the first, and old texts make room for new ones.
    from bot.risk import cues

    detector = CueDetector.load()
    first = detector.detect("en jaksa enää elää")
    assert first.crisis == "yes"
    assert detector.detect("en jaksa enää elää") is first
    for i in range(cues.RESULT_CACHE_SIZE):
        detector.detect(f"viesti numero {i}")
    assert detector.detect("viesti numero 5") is detector.detect("viesti numero 5")
    again = detector.detect("en jaksa enää elää")  # pushed out by the newer texts
    assert again is not first
    assert again == first
    detector.forget_results()
    assert detector.detect("en jaksa enää elää") is not again


def test_a_school_entry_can_reuse_and_add_named_term_groups(tmp_path: Path) -> None:
    # A school's threat entry excludes games and films with the base file's group, and its
    # own sport with a group of its own.
    extra = tmp_path / "school.yaml"
    extra.write_text(
        """
term_groups:
  ball_games: ["sähly", "futis"]
categories:
  crisis:
    - id: school.crisis.wreck
      match: ["romuttaa koulu"]
      unless: ["@game_or_fiction", "@ball_games"]
""",
        encoding="utf-8",
    )
    school = CueDetector.load(extra_lexicons=[extra])
    ids = {m.pattern_id for m in school.detect("mä romutan koko koulun huomenna").matches}
    assert "school.crisis.wreck" in ids
    for told in ("pelissä romutin koulun", "futiksessa romutettiin koulun joukkue"):
        assert "school.crisis.wreck" not in {m.pattern_id for m in school.detect(told).matches}


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "categories:\n  crisis:\n    - id: x\n      match: [silta]\n"
            "      unless: ['@nothing']\n",
            "@nothing",
        ),
        ("term_groups:\n  game_or_fiction: [peli]\n", "already defined"),
        ("term_groups:\n  unused: ['*x*']\n", "x"),
    ],
)
def test_a_wrong_term_group_is_rejected(tmp_path: Path, text: str, error: str) -> None:
    # Unknown, redefined (the base entries would mean something else in this file only) or
    # holding a bad term even while no entry uses it.
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=error):
        load_lexicon([BASE_LEXICON_PATH, bad])


def test_a_category_told_about_needs_more_of_the_models_agreement() -> None:
    # A bullying word in a plain message is nearly always the writer's bullying; in homework,
    # a film or a friend's story (softened) it rarely is, so the model must be surer there.
    never = dict.fromkeys(OTHER_CATEGORIES, 1.0)
    confirm = dict.fromkeys(OTHER_CATEGORIES, 0.1)
    softened_confirm = dict.fromkeys(OTHER_CATEGORIES, 0.6)
    th = Thresholds(0.5, 0.9, 0.05, confirm, never, cat_confirm_softened=softened_confirm)
    plain = replace(_view(), categories=frozenset({"bullying"}))
    told = replace(plain, softened=True)
    probs = _probs(0.0) | {"bullying": 0.3}
    assert decide(plain, probs, th).categories == {"bullying"}
    assert decide(told, probs, th).categories == frozenset()
    assert decide(told, probs | {"bullying": 0.65}, th).categories == {"bullying"}
    # A model built before the split confirms both with the one threshold.
    old = Thresholds(0.5, 0.9, 0.05, confirm, never)
    assert decide(told, probs, old).categories == {"bullying"}


@pytest.mark.parametrize(
    ("text", "bullied"),
    [
        ("luokkalaiset kiusaa mua koko ajan", True),
        ("koulukiusaamista on ollu jo vuoden", True),
        ("katoin dokkarin jossa koulukiusattiin yhtä poikaa", False),
        ("meil on ryhmätyö koulukiusaamisesta ens viikolla", False),
    ],
)
def test_the_writers_bullying_is_told_from_a_story_about_it(
    det: CueDetector, text: str, bullied: bool
) -> None:
    assert ("bullying" in det.detect(text).categories) is bullied


def test_the_build_confirms_softened_matches_apart_and_never_more_lightly() -> None:
    # Out of fold, the plain matches are right whatever the model says and the softened ones
    # only where the model is sure: the build lets the plain ones through at the bottom of the
    # grid and asks the model to confirm the softened ones.
    import numpy as np

    from bot.risk import build_model
    from bot.risk.decide import choose_category_thresholds

    outputs = build_model.OUTPUTS
    rows: list[tuple[bool, bool, float]] = []  # softened, bullying in gold, model probability
    rows += [(False, True, p) for p in (0.1, 0.2, 0.3, 0.7, 0.8)]
    rows += [(True, True, 0.8)] * 2 + [(True, False, p) for p in (0.1, 0.2, 0.3)]
    examples = [
        build_model.Example(str(i), frozenset({"bullying"} if gold else set()))
        for i, (_, gold, _) in enumerate(rows)
    ]
    views = [
        PatternView(frozenset(), frozenset(), frozenset({"bullying"}), softened=soft)
        for soft, _, _ in rows
    ]
    probs = np.zeros((len(rows), len(outputs)))
    probs[:, outputs.index("bullying")] = [p for *_, p in rows]
    confirm, softened, alone = choose_category_thresholds(examples, views, probs, outputs)
    assert confirm["bullying"] == 0.05
    assert 0.3 < softened["bullying"] <= 0.8
    for cat in OTHER_CATEGORIES:
        assert confirm[cat] <= softened[cat] <= alone[cat]


def test_a_model_file_keeps_its_softened_thresholds_and_an_older_one_still_loads(
    tmp_path: Path,
) -> None:
    import numpy as np

    from bot.risk.model import CueModel, save_model

    confirm = dict.fromkeys(OTHER_CATEGORIES, 0.1)
    th = Thresholds(
        0.5, 0.9, 0.2, confirm, dict.fromkeys(OTHER_CATEGORIES, 0.6),
        cat_confirm_softened=dict.fromkeys(OTHER_CATEGORIES, 0.4),
    )  # fmt: skip
    outputs = (SAFETY_OUTPUT, "crisis", "child_protection", *OTHER_CATEGORIES)
    path = tmp_path / "model.json"
    save_model(path, ["bias"], np.zeros((1, len(outputs))), outputs, th, "x")
    assert CueModel.load(path).thresholds == th
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["thresholds"]["cat_confirm_softened"]
    path.write_text(json.dumps(data), encoding="utf-8")
    older = CueModel.load(path).thresholds
    told = PatternView(frozenset(), frozenset(), frozenset({"bullying"}), softened=True)
    assert decide(told, _probs(0.0) | {"bullying": 0.2}, older).categories == {"bullying"}


@pytest.mark.parametrize(
    "text",
    [
        # A course or an essay named as the reason, and "aineita" (drugs), are not a film or
        # schoolwork about the topic: they do not turn the writer's own words into a question.
        "haluun kuolla, kurssi meni päin persettä",
        "otin tarkoituksella liikaa pillereitä ja aineita",
    ],
)
def test_a_school_word_beside_the_writers_own_crisis_does_not_soften_it(
    det: CueDetector, text: str
) -> None:
    assert det.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Not seeing, knowing or telling something does not deny it.
        ("mul on pitkät hihat ettei kukaan nää uusia viiltoja", "crisis"),
        ("kukaan ei tiedä mun itsemurha-ajatuksista", "crisis"),
        ("en oo kertonu kenellekään viiltelystä", "crisis"),
        # The clause ends before the danger (a new subject, spoken "ette" for "että") or
        # inside the match (a second verb).
        ("jos mä en tottele se hakkaa mut hengiltä", "crisis"),
        ("en voi mennä kotiin isä lyö mua", "child_protection"),
        ("meitin isä sannoo ette se tappaa meijät kaikki", "crisis"),
        # "Without" denies only the words right after it.
        ("kaikilla ois parempi ilman mua", "crisis"),
    ],
)
def test_a_negation_that_does_not_deny_the_danger(
    det: CueDetector, text: str, category: str
) -> None:
    result = det.detect(text)
    assert result.crisis != "no"
    assert any(m.category == category and not m.negated for m in result.matches)


@pytest.mark.parametrize(
    "text",
    [
        "en oo ikinä satuttanu itteäni",
        "en viiltele enää",
        "ei se isä lyö mua enää",
        "en halua kuolla",
        "kaks vuotta ilman itsetuhosii ajatuksii 🎉",
        "ilman viiltelyä jo puol vuotta",
    ],
)
def test_a_denial_stays_a_denial(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis == "no"
    assert result.matches
    assert all(m.negated for m in result.matches)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Troubles named with a compound noun, as learners and brief writers name them.
        ("mulla on ollu kuolemanhaluja koko syksyn", "crisis"),
        ("kuolemantoive on ollu tosi vahva", "crisis"),
        ("itsensä vahingoittaminen on ainoo mikä auttaa", "crisis"),
        ("kotiväkivalta pahenee", "child_protection"),
        ("ne aikoo naittaa mut serkulle", "child_protection"),
    ],
)
def test_a_trouble_named_with_a_noun(det: CueDetector, text: str, kind: str) -> None:
    result = det.detect(text)
    assert result.crisis != "no"
    assert any(m.category == kind and m.pattern_id != "model" for m in result.matches)


def test_the_model_asks_when_the_likelier_kind_is_surer_than_the_safety_output() -> None:
    th = _safety_only()
    bare = _view()

    def probs(safety: float, child_protection: float) -> dict[str, float]:
        return _probs(safety) | {"crisis": 0.0, "child_protection": child_protection}

    assert decide(bare, probs(0.45, 0.6), th).outcome == "ask"  # halfway: 0.525
    assert decide(bare, probs(0.45, 0.5), th).outcome == "no"  # halfway: 0.475
    # One kind's output alone never asks: it is the noisier one.
    assert decide(bare, probs(0.0, 0.99), th).outcome == "no"
    # A surer safety output is never pulled down by a kind that is less sure.
    assert decide(bare, probs(0.55, 0.1), th).outcome == "ask"
    assert decide(bare, probs(0.95, 0.1), th).outcome == "yes"


def test_the_ask_veto_loses_at_most_one_crisis_message_in_a_thousand() -> None:
    import numpy as np

    from bot.risk.build_model import Example
    from bot.risk.decide import ASK_VETOES, choose_ask_veto

    outputs = (SAFETY_OUTPUT, "crisis", "child_protection", *OTHER_CATEGORIES)
    wide = _view(ask=frozenset({"crisis"}))

    def choose(crisis_probs: list[float]) -> float:
        examples = [Example("x", frozenset({SAFETY_OUTPUT, "crisis"}))] * len(crisis_probs)
        rows = [[_probs(p)[o] for o in outputs] for p in crisis_probs]
        return choose_ask_veto(examples, [wide] * len(rows), np.array(rows), outputs)

    # 2,000 crisis messages asked only through a wide pattern: two may go unasked, not three.
    sure = [0.5] * 1998
    assert choose([*sure, 0.04, 0.04]) == max(ASK_VETOES)
    assert choose([*sure[:-1], 0.04, 0.04, 0.04]) == 0.03


@pytest.mark.parametrize(
    "text",
    [
        # signs and preparations said in passing, in words that also have harmless uses
        "mie käytän laastareita ranteissa ettei kukkaa kysy mittää",
        "deleted all my accounts, kohta ei jää musta mitään jälkee",
        "pyysin kaveria ottamaan kissani, jos minulle tapahtuu jotain",
        "mää heitän hanskat tiskiin tän elämän suhteen",
        "ne otti mun passin ja sano et lähetään kuukauden päästä",
        "se kaveri oli miun päällä, en ollu antanu lupaa",
    ],
)
def test_signs_said_in_passing_are_asked_about(det: CueDetector, text: str) -> None:
    result = det.detect(text)
    assert result.crisis != "no"
    assert any(m.pattern_id != "model" for m in result.matches)


def test_a_parents_hyperbole_is_asked_about_and_never_starts_the_protocol(
    det: CueDetector,
) -> None:
    # "mutsi hirttää mut jos..." is usually a figure of speech, like "mutsi tappaa mut jos...",
    # but it is about home: asked, never the crisis protocol at once.
    assert det.detect("mutsi hirttää mut jos se kuulee tästä").crisis == "ask"
    assert det.detect("mä hirtän itteni").crisis == "yes"


def test_danger_at_home_keeps_the_narrow_ask_veto() -> None:
    th = _safety_only(veto=0.2, ask_veto=0.05)
    # A wide crisis pattern the model finds unlikely is not asked about; a possible threat at
    # home ("mutsi tappaa mut jos…") is, unless the model is sure it is harmless.
    assert decide(_view(ask=frozenset({"crisis"})), _probs(0.03), th).outcome == "no"
    home = _view(ask=frozenset({"child_protection"}))
    assert decide(home, _probs(0.03), th).outcome == "ask"
    assert decide(home, _probs(0.005), th).outcome == "no"


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        # self-harm told sideways: a knife "not for food", a blade kept for anxiety, marks of
        # one's own doing, a needle
        ("mulla on puukko repussa eikä se oo ruokaa varten", "crisis.ask_hidden_self_harm"),
        ("otin veitsen kotoa enkä kokkaamiseen", "crisis.ask_hidden_self_harm"),
        ("nää mustelmat on ihan omaa tekosia", "crisis.ask_hidden_self_harm"),
        ("pistelen nuppineulalla sormiin ku stressaa", "crisis.ask_hidden_self_harm"),
        # dying would be welcome or not matter, as a condition
        ("jos kuolen kolarissa ei se haittaa", "crisis.ask_dying_welcome"),
        ("jos kuolen huomenna se on ok mulle", "crisis.ask_dying_welcome"),
        # riding into traffic; "don't look for me"
        ("mä poljen pyörällä suoraan rekan eteen joskus", "crisis.ask_means_and_signs"),
        ("tämä on loppu. älkää etsikö", "crisis.ask_goodbye"),
        # pictures going to TikTok, a recorded video call; thrown out with the family;
        # a different place to sleep every night
        ("maksa tai sun video menee tiktokkiin", "cp.ask_pictures_spread"),
        ("se mies nauhoitti videopuhelun", "cp.ask_pictures_spread"),
        ("meidät heitettiin ulos eilen", "cp.ask_sleeping_rough"),
        ("nukun joka yö eri paikassa", "cp.ask_sleeping_rough"),
    ],
)
def test_sideways_kinds_are_asked_about_by_their_own_pattern(
    words_only: CueDetector, det: CueDetector, text: str, pattern: str
) -> None:
    assert pattern in {m.pattern_id for m in words_only.detect(text).matches if not m.negated}
    assert det.detect(text).crisis != "no", text


@pytest.mark.parametrize(
    "text",
    ["en halu elä enää", "minä ei haluaa elää", "ei oo mitään halua elää tällee"],
)
def test_a_learners_not_wanting_to_live_is_a_crisis(det: CueDetector, text: str) -> None:
    assert det.detect(text).is_crisis, text


@pytest.mark.parametrize(
    "text",
    [
        "kokkiveitsi on mun repussa koska meillä on kokkaustunti",
        "mä laitan videon tiktokkiin huomenna",
        "jos mä kuolen ni mun koira jää yksin",
        "hitsausroiskeet poltti käsivarteen reiän",
    ],
)
def test_the_same_things_in_everyday_words_start_nothing(det: CueDetector, text: str) -> None:
    assert det.detect(text).crisis == "no", text


@pytest.mark.parametrize(
    "text",
    [
        # a care-work student's resident or client, or an exam question about one
        "harjoittelussa asiakas sanoo joka päivä haluan kuolla",
        "tentissä kysyttiin mitä teen jos potilas haluaa kuolla",
        "asukas sano et se haluu kuolla, kerroin hoitajalle heti",
        # a past that is over; an accident while sewing (asked about at most, like any accident)
        "ennen mietin itsemurhaa mut ne ajatukset on menny pois",
        "pistin neulan sormeen ommellessa",
    ],
)
def test_somebody_elses_words_at_work_a_past_over_or_an_accident_never_start_the_protocol(
    det: CueDetector, text: str
) -> None:
    assert det.detect(text).crisis != "yes", text


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        # not sure of being alive, or still here, some time from now
        ("en tiiä ollaanko mä enää elossa keväällä", "crisis.ask_not_alive_later"),
        ("en oo varma olenko hengissä jouluna", "crisis.ask_not_alive_later"),
        ("en nää itteäni aikuisena ollenkaan", "crisis.ask_not_alive_later"),
        # nearly jumped; sitting calmly on an edge
        ("melkein hyppäsin eilen", "crisis.ask_near_jump"),
        ("parvekkeen reunalla oli hyvä istua yöllä", "crisis.ask_near_jump"),
        # means at hand, said without intent
        ("isän lääkekaapissa on tarpeeks pillereitä mulle", "crisis.ask_means_at_hand"),
        ("autotallin palkki on tosi tukeva", "crisis.ask_means_at_hand"),
        ("kokeilin kestääkö se oksa", "crisis.ask_means_at_hand"),
        ("en ehkä väistä sitä rekkaa ens kerralla", "crisis.ask_means_at_hand"),
        ("🔫 ohimolle ja kaikki on ohi", "crisis.ask_means_at_hand"),
        # long sleeves again, blood in the sleeve
        ("taas pitkät hihat päällä vaikka on helle", "crisis.ask_sleeves_again"),
        ("hihassa oli verta aamulla taas 🩸", "crisis.ask_sleeves_again"),
        # an adult in charge texting at night, "this stays between us"
        ("ohjaaja viestittelee mulle öisin", "cp.ask_adult_secret"),
        ("se sano et tää pysyy meidän kesken", "cp.ask_adult_secret"),
        # sleeping in public since the flat is gone
        ("asunto meni alta joten nukun nyt puistossa", "cp.ask_sleeping_in_public"),
        ("nukun nykyään ostarin vessassa", "cp.ask_sleeping_in_public"),
    ],
)
def test_session_20_kinds_are_asked_about_by_their_own_pattern(
    words_only: CueDetector, det: CueDetector, text: str, pattern: str
) -> None:
    assert pattern in {m.pattern_id for m in words_only.detect(text).matches if not m.negated}
    assert det.detect(text).crisis != "no", text


@pytest.mark.parametrize(
    "text",
    [
        "en tiedä oonko täällä ensi syksynä, ehkä muutan tampereelle",
        "meinasin hypätä bussiin mut se lähti just",
        "hyppäsin kesällä sillalta uimaan",
        "kattokoukku on tukeva, siinä roikkuu nyt kukka-amppeli",
        "äidin lääkekaapissa oli kaikki mitä tarvitsin flunssaan",
        "pitkät hihat päällä koska on pakkasta",
        "opettaja laittaa joskus illalla wilmaan viestin",
        "nukuttiin festareilla teltassa",
        "🔪 kokkitunnilla pilkottiin sipulia",
    ],
)
def test_session_20_look_alikes_start_no_pattern(words_only: CueDetector, text: str) -> None:
    found = words_only.detect(text)
    assert not [m for m in found.matches if m.category in ("crisis", "child_protection")], text


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("mietin itsareita koko viikon", "crisis.suicide_word"),
        ("vitelin eilen illalla", "crisis.self_harm"),
    ],
)
def test_slang_and_a_common_typo_of_the_crisis_words(
    words_only: CueDetector, text: str, pattern: str
) -> None:
    assert pattern in {m.pattern_id for m in words_only.detect(text).matches}
    assert words_only.detect(text).crisis == "yes"


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("jos kuolen, ei se haittaa", "crisis.ask_dying_welcome"),
        ("jos mä en tuu huomenna, ei kukaan ihmettele", "crisis.ask_plans_in_passing"),
    ],
)
def test_a_condition_and_its_answer_are_read_across_the_comma(
    words_only: CueDetector, text: str, pattern: str
) -> None:
    ids = {m.pattern_id for m in words_only.detect(text).matches if not m.negated}
    assert pattern in ids, ids
    # ... but only a pattern with NEG next crosses it, and only after a condition
    assert not words_only.detect("kaverit, ei oo kivaa").matches or all(
        m.category != "loneliness" for m in words_only.detect("kaverit, ei oo kivaa").matches
    )


# Session 21: the kinds of session 20's first fresh set, worded anew (that set itself was
# lost with its branch; these sentences are not from it).
@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a tool or hot fat that slipped or spattered: softened, so the words alone only ask
        # (the model weighs it), never the protocol
        ("rälläkkä lipsahti ja viilsi reiteen", "ask"),
        ("öljy roiskui käsivarteen ja poltti ihon", "no"),
        ("sahan terä kimposi ja viilsi kättä", "ask"),
        # somebody else's words about themselves
        ("mun isoveli kerto et se ei halua elää enää", "ask"),
        ("tyttöystävä sanoi että haluaa kuolla", "ask"),
        ("mun äiti sano mulle et se haluu kuolla", "ask"),
        # English and Savo negatives
        ("oon not suicidal oikeesti, vaan väsyny", "no"),
        ("mie ee oo koskaan ajatellu itsemurhaa", "no"),
        # a past that ended
        ("lopetin viiltelemisen kaks vuotta sitten", "ask"),
        # a day or a week to get through
        ("en jaksa elää tätä koeviikkoa", "no"),
        # leaving for good to somewhere named
        ("muutan pohjoiseen, lähden täältä lopullisesti", "no"),
        ("lähden tästä discordista lopullisesti", "no"),
        ("lähden lopullisesti, kukaan ei kaipaa", "ask"),
        # farewells
        ("pidettiin jäähyväiskahvit harkkapaikalla", "no"),
        ("sanoin jo jäähyväiset kaikille", "ask"),
        # touching that is not abuse; nowhere to sleep said plainly
        ("opettaja kosketti mun olkapäätä ja kehu työtä", "no"),
        ("portsari ei päästäny mua sisään klubille", "no"),
        ("ei oo yöpaikkaa tälle yölle", "ask"),
        ("mutsi ei päästä mua kotiin", "ask"),
        ("nukuin pysäkillä koko yön", "ask"),
        # not eating until deserving it; not a fast before a test
        ("en syö mitään ennen ku ansaitsen sen", "ask"),
        ("en syö ennen leikkausta", "no"),
        ("ramadan, en syö ennen ku aurinko laskee", "no"),
        ("siitä ei herää jos ottaa tarpeeks", "ask"),
    ],
)
def test_session_21_kinds_by_the_words_alone(
    words_only: CueDetector, text: str, outcome: str
) -> None:
    assert words_only.detect(text).crisis == outcome, text


@pytest.mark.parametrize(
    "text",
    [
        # the same words, now the writer's own: the protocol starts
        "mun isä sano et se tappaa mut",
        "mä sanoin äidille et haluun kuolla",
        "mie ee haluu elää enää",
        "lopetin viiltelyn mut eilen tein taas",
        "en oo vieläkään lopettanu viiltelyä",
        "en jaksa elää tätä elämää",
        "lähden täältä pysyvästi tänä yönä",
        "kirjotin jäähyväiset perheelle",
        "se kosketti mun reittä vaikka sanoin ei",
        "pistän kaikki insuliinit kerralla tänään",
        # English "not" and "never" deny only the words right after them
        "not gonna lie itsari käy mielessä",
        "never been this close itsemurhaan",
    ],
)
def test_session_21_look_alikes_do_not_hide_the_real_thing(
    words_only: CueDetector, text: str
) -> None:
    assert words_only.detect(text).crisis == "yes", text


# Session 22: the words that name what ends or where one goes must be whole words. "vaihto*"
# also stood in "vaihtoehto", the lemma "maa" in "maan päältä" and "ero" in "eroon", so the
# very messages these entries are for went unread.
@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("tää on mun viimenen päivä, ei oo muuta vaihtoehtoa", "yes"),
        ("tänään on viimenen ilta, en nää muuta vaihtoehtoa", "ask"),
        ("sanoin hyvästit, ei oo muuta vaihtoehtoa", "ask"),
        ("en tiiä oonko täällä ens vuonna, ei oo vaihtoehtoja", "ask"),
        ("haluun päästä lopullisesti eroon kaikesta", "ask"),
        ("lähden täältä lopullisesti seuraavana yönä", "yes"),
        ("lähden lopullisesti pois tältä maan päältä", "yes"),
        ("kunpa voisin vaan kadota maan pinnalta", "yes"),
        # ... while an exchange, another country or a break-up named still ends it
        ("tää on mun viimenen päivä vaihdossa", "no"),
        ("huomenna viimenen päivä vaihto-oppilaana", "no"),
        ("sanoin hyvästit vaihtoperheelle", "no"),
        ("lähden tästä maasta lopullisesti", "no"),
        ("muutan toiseen maahan, lähden täältä lopullisesti", "no"),
        ("erottiin, lähden lopullisesti", "no"),
    ],
)
def test_what_ends_is_named_by_whole_words(
    words_only: CueDetector, text: str, outcome: str
) -> None:
    assert words_only.detect(text).crisis == outcome, text


# A context word whose meaning the writer denies names nothing: "not for climbing" is no
# climbing, "I don't mean moving" no move. A word the negation says is over still names
# what ends ("ei oo enää harjottelua"), and so does one that is simply not done.
@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("hankin köyden enkä mitään kiipeilyä varten", "yes"),
        ("lähden täältä lopullisesti, en meinaa mitään muuttoa", "yes"),
        ("lähen täältä lopullisesti en tarkota muuttoo", "yes"),
        ("lähen pois ikuisesti, ei mihinkään uuteen kaupunkiin vaan pois", "ask"),
        ("tää on viimenen ilta, ei se oo mikään leiri", "yes"),
        # still over, or simply not done: the word names what ends
        ("huomenna ei oo enää harjottelua, tää on mun viimenen päivä", "no"),
        ("en oo enää töissä siellä, tää on viimenen päivä", "no"),
        ("tää on mun viimenen päivä, en jatka harjottelua", "no"),
        ("mä en tuu enää tähän ryhmään, lähden lopullisesti", "no"),
        ("tää on viimenen ilta, huomenna ei tarvi mennä töihin", "no"),
        # a pattern with its own negation keeps its context ("not end my life")
        ("en haluu lopettaa elämää, se on ihan hyvä", "no"),
    ],
)
def test_a_denied_context_word_does_not_hide_the_message(
    words_only: CueDetector, text: str, outcome: str
) -> None:
    assert words_only.detect(text).crisis == outcome, text
